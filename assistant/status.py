"""The tracker the user reads: one row per interview round, from the state and the policy.

Built from the same `evaluate` the cycle uses, so "what is due next" is exactly what the daemon
will do, not a second opinion.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime, tzinfo

from assistant.model import DecisionState, Interview, Tracker
from assistant.policy import PolicySettings, derive_interviews, evaluate

_KIND_WORDS = {"thank_you": "thank-you", "thank_you_via_arranger": "thank-you (via recruiter)",
               "follow_up": "follow-up"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class StatusRow:
    company: str
    role: str
    start: datetime
    end: datetime | None
    interviewers: tuple[str, ...]
    drafted: tuple[str, ...]
    problems: tuple[str, ...]
    next_kind: str | None
    next_to: str | None
    next_at: datetime | None


def _who(interview: Interview) -> tuple[str, ...]:
    return tuple(f"{a.name} <{a.email}>" if a.name else a.email for a in interview.interviewers)


def status_rows(
    tracker: Tracker, now: datetime, settings: PolicySettings, problems: dict[str, list[str]]
) -> list[StatusRow]:
    decisions = evaluate(tracker, now, settings)
    rows = []
    for interview in derive_interviews(m for m in tracker.messages if m.date <= now):
        mine = [d for d in decisions if d.draft.interview.id == interview.id]
        placed = [r for r in tracker.drafts if r.interview_id == interview.id]
        drafted = tuple(f"{_KIND_WORDS[r.kind.value]} to {r.recipient} ({r.fate.value})" for r in placed)
        issues = tuple(f"{r.recipient}: {p}" for r in placed for p in problems.get(r.key, []))
        upcoming = sorted(
            (d for d in mine if d.state in (DecisionState.DUE, DecisionState.WAITING)),
            key=lambda d: d.draft.due_at,
        )
        following = upcoming[0].draft if upcoming else None
        rows.append(
            StatusRow(
                company=interview.company or "?",
                role=interview.role or "?",
                start=interview.span.start,
                end=interview.span.end,
                interviewers=_who(interview),
                drafted=drafted,
                problems=issues,
                next_kind=_KIND_WORDS[following.kind.value] if following else None,
                next_to=following.recipient.email if following else None,
                next_at=following.due_at if following else None,
            )
        )
    return sorted(rows, key=lambda row: row.start)


def _when(moment: datetime | None, tz: tzinfo) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(tz)
    return f"{local:%a %d %b %Y %H:%M %Z}"


def as_json(rows: list[StatusRow]) -> str:
    return json.dumps(
        [
            {
                "company": r.company,
                "role": r.role,
                "interview": {
                    "start": r.start.isoformat(),
                    "end": r.end.isoformat() if r.end else None,
                },
                "interviewers": list(r.interviewers),
                "drafted": list(r.drafted),
                "problems": list(r.problems),
                "next": None
                if r.next_kind is None
                else {
                    "kind": r.next_kind,
                    "to": r.next_to,
                    "at": r.next_at.isoformat() if r.next_at else None,
                },
            }
            for r in rows
        ],
        indent=2,
    )


def as_csv(rows: list[StatusRow], tz: tzinfo) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["company", "role", "interview", "interviewers", "drafted", "problems", "next", "next_at"]
    )
    for r in rows:
        writer.writerow([r.company, r.role, _when(r.start, tz), "; ".join(r.interviewers), "; ".join(r.drafted),
                         "; ".join(r.problems), f"{r.next_kind or ''} {r.next_to or ''}".strip(), _when(r.next_at, tz)])  # fmt: skip
    return out.getvalue()


def _short_when(moment: datetime | None, tz: tzinfo) -> str:
    return f"{moment.astimezone(tz):%a %d %b %H:%M}" if moment else ""


def as_table(rows: list[StatusRow], tz: tzinfo) -> str:
    """An aligned table for the terminal, then the drafts that still need the user's hand."""
    if not rows:
        return "No interviews tracked yet."
    header = ("COMPANY", "ROLE", "INTERVIEW", "INTERVIEWERS", "DRAFTED", "NEXT")
    body = [
        (
            r.company,
            r.role,
            _short_when(r.start, tz),
            ", ".join(i.split(" <")[0] for i in r.interviewers) or "(via recruiter)",
            f"{len(r.drafted)} draft{'s' if len(r.drafted) != 1 else ''}" if r.drafted else "-",
            f"{r.next_kind} {_short_when(r.next_at, tz)}" if r.next_kind else "-",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in (header, *body)
    ]
    notes = [f"  {r.company}: {p}" for r in rows for p in r.problems]
    if notes:
        lines += ["", f"Times in {tz}. Drafts to check before sending:", *notes]
    else:
        lines += ["", f"Times in {tz}."]
    return "\n".join(lines)
