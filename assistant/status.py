"""The tracker the user reads: one row per interview round, from the state and the policy.

Built from the same evaluation the cycle uses, so "what is due next" is exactly what the daemon
will do, not a second opinion. Fields follow FOLLOW-UP-RULES.md's tracker: company, role, the
interview, the interviewers with their addresses, each draft and its fate, the last reply, the
stated timeline, the outcome and what comes next.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any

from assistant.model import Decision, DecisionState, DraftKind, DraftRecord, Interview, Tracker
from assistant.policy import PolicySettings, ThreadView, evaluate, thread_views

KIND_WORDS = {
    DraftKind.THANK_YOU: "thank-you",
    DraftKind.THANK_YOU_VIA_ARRANGER: "thank-you via recruiter",
    DraftKind.FOLLOW_UP: "follow-up",
    DraftKind.SECOND_FOLLOW_UP: "second follow-up",
    DraftKind.REJECTION_REPLY: "reply to rejection",
}


@dataclass(frozen=True, slots=True)
class DraftLine:
    kind: str
    to: str
    placed_at: datetime
    fate: str
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatusRow:
    company: str
    role: str
    start: datetime
    end: datetime | None
    interviewers: tuple[str, ...]
    drafts: tuple[DraftLine, ...]
    last_reply: datetime | None
    respond_by: date | None
    outcome: str
    next_kind: str | None
    next_to: str | None
    next_at: datetime | None


def _outcome(view: ThreadView, interview: Interview, mine: list[Decision]) -> str:
    if interview.cancelled:
        return "cancelled"
    if view.label:
        return view.label
    if view.closed:
        return view.closed
    rested = any(d.state is DecisionState.NOT_NEEDED and "let it rest" in d.reason for d in mine)
    return "no answer" if rested else "open"


def _row(
    view: ThreadView,
    interview: Interview,
    decisions: list[Decision],
    drafts: tuple[DraftRecord, ...],
    problems: dict[str, list[str]],
) -> StatusRow:
    mine = [d for d in decisions if d.draft.interview.id == interview.id]
    placed = [r for r in drafts if r.interview_id == interview.id]
    lines = tuple(
        DraftLine(KIND_WORDS[r.kind], r.recipient, r.placed_at, r.fate.value, tuple(problems.get(r.key, [])))
        for r in placed
    )
    replies = [m for m in view.employer() if m.date > interview.confirmed_at]
    stated = [m.facts.respond_by for m in view.employer() if m.facts and m.facts.respond_by]
    upcoming = sorted(
        (d for d in mine if d.state in (DecisionState.DUE, DecisionState.WAITING)),
        key=lambda d: d.draft.due_at,
    )
    following = upcoming[0].draft if upcoming else None
    return StatusRow(
        company=interview.company or "?",
        role=interview.role or "?",
        start=interview.span.start,
        end=interview.span.end,
        interviewers=tuple(f"{a.name} <{a.email}>" if a.name else a.email for a in interview.interviewers),
        drafts=lines,
        last_reply=replies[-1].date if replies else None,
        respond_by=stated[-1] if stated else None,
        outcome=_outcome(view, interview, mine),
        next_kind=KIND_WORDS[following.kind] if following else None,
        next_to=following.recipient.email if following else None,
        next_at=following.due_at if following else None,
    )


def status_rows(
    tracker: Tracker, now: datetime, settings: PolicySettings, problems: dict[str, list[str]]
) -> list[StatusRow]:
    decisions = evaluate(tracker, now, settings)
    rows = [
        _row(view, interview, decisions, tracker.drafts, problems)
        for view in thread_views(tracker, now)
        for interview in view.rounds
    ]
    return sorted(rows, key=lambda row: row.start)


def _when(moment: datetime | None, tz: tzinfo) -> str:
    return f"{moment.astimezone(tz):%a %d %b %Y %H:%M}" if moment else ""


def _short(moment: datetime | None, tz: tzinfo) -> str:
    return f"{moment.astimezone(tz):%a %d %b %H:%M}" if moment else ""


def _record(r: StatusRow) -> dict[str, Any]:
    return {
        "company": r.company,
        "role": r.role,
        "interview": {"start": r.start.isoformat(), "end": r.end.isoformat() if r.end else None},
        "interviewers": list(r.interviewers),
        "drafts": [
            {
                "kind": d.kind,
                "to": d.to,
                "placed_at": d.placed_at.isoformat(),
                "fate": d.fate,
                "check": list(d.problems),
            }
            for d in r.drafts
        ],
        "last_reply": r.last_reply.isoformat() if r.last_reply else None,
        "respond_by": r.respond_by.isoformat() if r.respond_by else None,
        "outcome": r.outcome,
        "next": None
        if r.next_kind is None
        else {"kind": r.next_kind, "to": r.next_to, "at": r.next_at.isoformat() if r.next_at else None},
    }


def as_json(rows: list[StatusRow]) -> str:
    return json.dumps([_record(r) for r in rows], indent=2)


def as_csv(rows: list[StatusRow], tz: tzinfo) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "company",
            "role",
            "interview",
            "interviewers",
            "drafts",
            "last_reply",
            "respond_by",
            "outcome",
            "next",
            "next_at",
        ]
    )
    for r in rows:
        drafts = "; ".join(f"{d.kind} to {d.to} ({d.fate}, {_when(d.placed_at, tz)})" for d in r.drafts)
        writer.writerow(
            [
                r.company,
                r.role,
                _when(r.start, tz),
                "; ".join(r.interviewers),
                drafts,
                _when(r.last_reply, tz),
                r.respond_by.isoformat() if r.respond_by else "",
                r.outcome,
                f"{r.next_kind or ''} {r.next_to or ''}".strip(),
                _when(r.next_at, tz),
            ]
        )
    return out.getvalue()


def as_table(rows: list[StatusRow], tz: tzinfo) -> str:
    """An aligned table for the terminal, then the drafts that still need the user's hand."""
    if not rows:
        return "No interviews tracked yet."
    header = ("COMPANY", "ROLE", "INTERVIEW", "INTERVIEWERS", "DRAFTS", "OUTCOME", "NEXT")
    body = [
        (
            r.company,
            r.role,
            _short(r.start, tz),
            ", ".join(i.split(" <")[0] for i in r.interviewers) or "(via recruiter)",
            ", ".join(f"{n} {fate}" for fate, n in Counter(d.fate for d in r.drafts).items()) or "-",
            r.outcome + (f", answer by {r.respond_by:%d %b}" if r.respond_by and r.outcome == "open" else ""),
            f"{r.next_kind} {_short(r.next_at, tz)}" if r.next_kind else "-",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in (header, *body)
    ]
    notes = [
        f"  {r.company}, {d.kind} to {d.to}: {p}"
        for r in rows
        for d in r.drafts
        if d.fate == "placed"
        for p in d.problems
    ]
    lines += ["", f"Times in {tz}."]
    if notes:
        lines += ["Drafts to check before sending:", *notes]
    return "\n".join(lines)
