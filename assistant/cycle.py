"""One cycle: sync → decide → apply.

Sync records what is new in the mailbox (committing the cursor chunk by chunk, so a first scan
that is interrupted resumes where it stopped). Decide is the pure policy over the recorded state.
Apply places each due draft exactly once: it looks for the draft's stable Message-ID in the
mailbox before placing it, so a crash between placing and recording never makes a second copy.
A dry run does all of it against an in-memory copy of the state and places nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from assistant.app import Context
from assistant.extract import extract_facts, wants_body
from assistant.mail.base import Backend, Fetched, FolderRole, Progress
from assistant.model import OWN_ID_PREFIX, DraftFate, DraftRecord, Envelope, Plan, PlannedDraft, Withdrawal
from assistant.parse import UnparsableMessage, parse_message
from assistant.parse.fingerprint import text_fingerprint
from assistant.policy import plan as make_plan
from assistant.render import RenderedDraft, render_draft
from assistant.store import Store

log = logging.getLogger(__name__)
_DRAFTS_SEEN = "drafts-signature"


@dataclass
class CycleReport:
    seen: int = 0
    recorded: int = 0
    skipped: int = 0
    plan: Plan = field(default_factory=Plan)
    placed: list[RenderedDraft] = field(default_factory=list)
    found: list[RenderedDraft] = field(default_factory=list)
    would_place: list[RenderedDraft] = field(default_factory=list)
    withdrawn: list[Withdrawal] = field(default_factory=list)


def _cursor_name(backend: Backend) -> str:
    return f"scan:{backend.name}"


def _is_own_draft(envelope: Envelope, ctx: Context) -> bool:
    """Our drafts carry an id derived from their key; the scan must not read them as new mail."""
    domain = ctx.sender.email.rpartition("@")[2]
    return envelope.message_id.startswith(OWN_ID_PREFIX) and envelope.message_id.endswith(f"@{domain}>")


def sync(
    store: Store,
    backend: Backend,
    ctx: Context,
    now: datetime,
    progress: Progress | None,
    report: CycleReport,
) -> None:
    employers = store.employer_domains()

    def wants(envelope: Envelope, role: FolderRole) -> bool:
        if role is FolderRole.SENT or _is_own_draft(envelope, ctx) or store.has_message(envelope.message_id):
            return False
        domain = envelope.sender.email.rpartition("@")[2] if envelope.sender else ""
        return wants_body(envelope, store.thread_of(envelope) is not None, domain in employers)

    name = _cursor_name(backend)
    for batch in backend.scan(store.cursor(name), wants, progress):
        with store.transaction():
            for item in batch.items:
                report.seen += 1
                _record(store, item, ctx, now, report)
            store.set_cursor(name, batch.cursor)


def _record(store: Store, item: Fetched, ctx: Context, now: datetime, report: CycleReport) -> None:
    envelope = item.envelope
    if store.has_message(envelope.message_id) or (
        item.role is FolderRole.INBOX and _is_own_draft(envelope, ctx)
    ):
        return
    sender = envelope.sender
    from_owner = item.role is FolderRole.SENT or (sender is not None and sender.email in ctx.owner)
    facts = None
    if item.raw is not None:
        try:
            facts = extract_facts(parse_message(item.raw), ctx.owner)
        except UnparsableMessage as error:
            _skip(store, item, f"unparsable ({error})", now, report, logging.WARNING)
            return
        except Exception as error:  # a bug on one odd message must never stop the scan
            _skip(store, item, f"{type(error).__name__} while reading it", now, report, logging.ERROR)
            return
    elif not from_owner:
        return
    store.record_message(envelope, item.role.value, from_owner, facts, now, fallback_date=now)
    report.recorded += 1


def observe_drafts(store: Store, backend: Backend, now: datetime, new_mail: bool) -> None:
    """What the user did with our drafts: still there, edited, sent (a copy in Sent, matched by
    thread and recipient since clients rewrite headers on send), or deleted. Skipped, at the cost
    of one cheap request, when Drafts has not changed and no mail came in."""
    records = [r for r in store.drafts() if r.fate in (DraftFate.PLACED, DraftFate.DELETED)]
    if not records:
        return
    signature = backend.drafts_signature()
    if signature == store.cursor(_DRAFTS_SEEN) and not new_mail:
        return
    copies = backend.drafts()
    present = {copy.message_id: copy for copy in copies}
    with store.transaction():
        for record in records:
            copy = present.get(record.message_id)
            sent_at = store.sent_after(record.thread, record.recipient, record.placed_at)
            if copy is not None:
                if record.fingerprint and copy.fingerprint != record.fingerprint:
                    store.set_fate(record.key, DraftFate.EDITED, now)
            elif sent_at is not None:
                store.set_fate(record.key, DraftFate.SENT, sent_at)
            elif record.fate is DraftFate.PLACED:
                thread = store.thread_ids(record.thread)
                resaved = any(
                    c.in_reply_to in thread and record.recipient in c.recipients
                    for c in copies
                    if not c.message_id.startswith(OWN_ID_PREFIX)
                )
                store.set_fate(record.key, DraftFate.EDITED if resaved else DraftFate.DELETED, now)
        store.set_cursor(_DRAFTS_SEEN, signature)


def observe_labels(store: Store, backend: Backend, ctx: Context) -> None:
    """Which threads the user marked with an outcome label."""
    labelled = {label: backend.labelled(label) for _, label in ctx.outcome_labels}
    with store.transaction():
        for label, envelopes in labelled.items():
            store.set_labelled(label, envelopes)


def _skip(store: Store, item: Fetched, reason: str, now: datetime, report: CycleReport, level: int) -> None:
    """Log (never the content) and remember a message that could not be read; the scan goes on."""
    log.log(level, "skipped the message at %s: %s", item.location, reason)
    store.record_skipped(item.envelope.message_id, item.location, reason, now)
    report.skipped += 1


def _render(planned: PlannedDraft, ctx: Context, now: datetime) -> RenderedDraft:
    return render_draft(planned, ctx.sender, ctx.templates, ctx.policy.timezone, now, ctx.speller)


def apply(
    store: Store, backend: Backend, ctx: Context, plan: Plan, now: datetime, report: CycleReport
) -> None:
    for withdrawal in plan.withdraw:
        record = withdrawal.record
        removed = backend.withdraw_draft(record.message_id, record.fingerprint)
        with store.transaction():
            store.set_fate(record.key, DraftFate.WITHDRAWN if removed else DraftFate.EDITED, now)
        if removed:
            report.withdrawn.append(withdrawal)
            log.info(
                "withdrew the %s draft to %s: %s", record.kind.value, record.recipient, withdrawal.reason
            )
    for planned in plan.place:
        draft = _render(planned, ctx, now)
        location = backend.find_draft(draft.message_id)
        if location is None:
            location = backend.place_draft(draft.raw)
            report.placed.append(draft)
            log.info("placed a %s draft to %s (%s)", planned.kind.value, planned.recipient.email, location)
        else:
            report.found.append(draft)
            log.info(
                "found the %s draft to %s already in the mailbox", planned.kind.value, planned.recipient.email
            )
        for problem in draft.problems:
            log.info("the draft to %s %s", planned.recipient.email, problem)
        record = DraftRecord(
            key=planned.key,
            kind=planned.kind,
            interview_id=planned.interview.id,
            message_id=draft.message_id,
            recipient=planned.recipient.email,
            placed_at=now,
            thread=planned.target.thread,
            fingerprint=text_fingerprint(draft.body),
        )
        with store.transaction():
            store.record_draft(record, location, draft.problems)


OWN_MAIL_WINDOW = timedelta(days=120)


def run_cycle(
    store: Store,
    backend: Backend,
    ctx: Context,
    now: datetime,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> CycleReport:
    """One sync → decide → apply. With `dry_run` the caller passes a throwaway copy of the store."""
    report = CycleReport()
    sync(store, backend, ctx, now, progress, report)
    observe_drafts(store, backend, now, new_mail=report.recorded > 0)
    observe_labels(store, backend, ctx)
    report.plan = make_plan(store.tracker(own_mail_since=now - OWN_MAIL_WINDOW), now, ctx.policy)
    if dry_run:
        report.would_place = [_render(p, ctx, now) for p in report.plan.place]
    else:
        apply(store, backend, ctx, report.plan, now, report)
    return report
