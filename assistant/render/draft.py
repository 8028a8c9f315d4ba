"""PlannedDraft → RFC 5322 bytes: a plain-text reply inside the interview's conversation.

Threading needs In-Reply-To, References and a "Re: " subject equal to the thread's
(GMAIL-AND-IMAP-NOTES.md). The Message-ID is derived from the draft's key, so the same planned
draft always has the same id: that is how the apply step finds a copy already in the mailbox.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

import jinja2

from assistant.model import OWN_ID_PREFIX, Address, DraftKind, Interview, PlannedDraft, ReplyTarget, TimeSpan
from assistant.parse.headers import clean_text
from assistant.render.proofread import Speller, proofread

# Identifiers (Message-ID, In-Reply-To, References) stay on one line: some clients match threads
# on the raw header and mishandle folded ids.
_POLICY = SMTP.clone(max_line_length=998)
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|antw|réf|rif)\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sender:
    """The mailbox owner as drafts present them."""

    name: str
    email: str
    signature: str
    qualifications: str = ""


@dataclass(frozen=True, slots=True)
class RenderedDraft:
    key: str
    message_id: str
    subject: str
    recipient: Address
    body: str
    raw: bytes
    problems: tuple[str, ...]


def _names(planned: PlannedDraft, sender: Sender) -> list[str]:
    """Words a dictionary cannot know but that are right: people, the company, the role, you."""
    interview = planned.interview
    people = [a.name or "" for a in (planned.recipient, *interview.interviewers)]
    return [
        *people,
        interview.company or "",
        interview.role or "",
        sender.name,
        sender.signature,
        sender.qualifications,
    ]


def draft_message_id(key: str, owner_email: str) -> str:
    """A Message-ID that is a pure function of the draft's key and the owner's domain."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    domain = owner_email.rpartition("@")[2] or "localhost"
    return f"{OWN_ID_PREFIX}{digest}@{domain}>"


def reply_subject(subject: str) -> str:
    """ "Re: " + the thread's subject, without stacking prefixes."""
    bare = clean_text(subject)
    while _REPLY_PREFIX.match(bare):
        bare = _REPLY_PREFIX.sub("", bare, count=1)
    return f"Re: {bare}" if bare else "Re: our conversation"


def _header_address(address: Address) -> HeaderAddress:
    local, _, domain = address.email.partition("@")
    return HeaderAddress(display_name=clean_text(address.name or ""), username=local, domain=domain)


def _interview_words(moment: datetime, tz: tzinfo) -> str:
    local = moment.astimezone(tz)
    return f"{local:%A}, {local:%B} {local.day}"


def render_draft(
    planned: PlannedDraft,
    sender: Sender,
    templates: jinja2.Environment,
    tz: tzinfo,
    now: datetime,
    speller: Speller | None = None,
) -> RenderedDraft:
    interview = planned.interview
    first_name = clean_text(planned.recipient.name or "").split(" ")[0] or None
    context = {
        "kind": planned.kind.value,
        "recipient_name": clean_text(planned.recipient.name or "") or None,
        "recipient_first_name": first_name,
        "company": interview.company,
        "role": interview.role,
        "interview_date": _interview_words(interview.span.start, tz),
        "interviewers": [a.name or a.email for a in interview.interviewers],
        "sender_name": sender.name,
        "signature": sender.signature,
        "qualifications": sender.qualifications,
    }
    template = templates.get_template(f"{planned.kind.value}.txt")
    body = template.render(**context).strip() + "\n"
    message_id = draft_message_id(planned.key, sender.email)
    target = planned.target
    subject = reply_subject(target.subject)
    message = EmailMessage(policy=_POLICY)
    message["From"] = _header_address(Address(sender.email, sender.name))
    message["To"] = _header_address(planned.recipient)
    message["Subject"] = subject
    message["Date"] = format_datetime(now.astimezone(tz))
    message["Message-ID"] = message_id
    message["In-Reply-To"] = target.message_id
    message["References"] = " ".join(target.references)
    message["X-Interview-Assistant"] = planned.key
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    return RenderedDraft(
        key=planned.key,
        message_id=message_id,
        subject=subject,
        recipient=planned.recipient,
        body=body,
        raw=message.as_bytes(),
        problems=tuple(proofread(body, speller, _names(planned, sender))),
    )


def template_names() -> tuple[str, ...]:
    """The templates a templates directory must provide, one per draft kind."""
    return tuple(f"{kind.value}.txt" for kind in DraftKind)


class TemplateProblem(ValueError):
    """A template that cannot render: a syntax error or a name the drafts do not provide."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


def _sample_draft(kind: DraftKind) -> PlannedDraft:
    moment = datetime(2026, 12, 3, 19, 0, tzinfo=UTC)
    interview = Interview(
        id="sample",
        thread="<sample@example.com>",
        company="Example Company",
        role="Example Role",
        span=TimeSpan(moment, moment + timedelta(hours=1)),
        interviewers=(Address("someone@example.com", "Sam Example"),),
        arranger=Address("recruiter@example.com", "Robin Example"),
        reply_to=ReplyTarget(
            "<sample@example.com>", ("<sample@example.com>",), "Interview", "<sample@example.com>"
        ),
        confirmed_at=moment,
    )
    return PlannedDraft(
        f"{kind.value}:sample", kind, interview, interview.arranger or interview.interviewers[0], moment
    )


def validate_templates(templates: jinja2.Environment, sender: Sender) -> None:
    """Render every template once with sample values, so a broken one fails at start-up, not mid-cycle."""
    for kind in DraftKind:
        name = f"{kind.value}.txt"
        try:
            render_draft(_sample_draft(kind), sender, templates, UTC, datetime(2026, 12, 3, tzinfo=UTC))
        except jinja2.TemplateSyntaxError as error:
            raise TemplateProblem(name, f"line {error.lineno}: {error.message}") from None
        except jinja2.TemplateError as error:
            raise TemplateProblem(name, str(error)) from None


def environment(sources: dict[str, str]) -> jinja2.Environment:
    """A jinja2 environment over template texts the edge has read; undefined names fail loudly."""
    return jinja2.Environment(
        loader=jinja2.DictLoader(sources),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - plain-text mail, never HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
