#!/usr/bin/env python3
"""How long the assistant's scans take on a large mailbox, next to the cost of the headers alone.

Run by hand, never in CI (pytest does not collect it: it lives outside tests/ and is not named
``test_*``)::

    python benchmarks/scan.py [--messages 20000] [--recruiting-share 0.03] [--seed 1] [--json]
                              [--profile]

A private Dovecot (``tests/support/dovecot.py``) is seeded with a generated but realistic mailbox
(newsletters, notifications, personal mail and a few percent of recruiting mail, plus a Sent
folder), then one run measures:

* baseline: a bare imapclient session reading the header fields the scan reads, for every message
  of INBOX and Sent, 1000 UIDs per FETCH: the floor any header-first scan pays. It runs twice,
  because Dovecot builds its header cache on the first read; the first scan runs after that, so
  its ratio is taken against the warm baseline;
* first scan: ``run_cycle`` with an empty state file, exactly as ``assistant run --once`` does it
  (connect, log in, scan, plan, place drafts, log out);
* idle cycle: the same again with nothing new, with the IMAP commands it sends;
* incremental cycle: the same after 50 new messages arrived.

It also checks what a scan must never do: set ``\\Seen`` on the user's mail, or see fewer messages
than the mailbox holds.
"""

from __future__ import annotations

import argparse
import cProfile
import imaplib
import io
import json
import logging
import pstats
import quopri
import re
import sys
import tempfile
import textwrap
import time
from base64 import encodebytes
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime, formataddr
from pathlib import Path
from random import Random
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the assistant package and the tests' Dovecot harness

from assistant.app import Context, load_templates  # noqa: E402
from assistant.cycle import CycleReport, run_cycle  # noqa: E402
from assistant.mail.base import FolderRole, Progress, ScanBatch, WantsBody  # noqa: E402
from assistant.mail.imap import HEADER_FIELDS, ImapBackend, ImapSettings  # noqa: E402
from assistant.model import Envelope  # noqa: E402
from assistant.policy import PolicySettings  # noqa: E402
from assistant.render import Sender  # noqa: E402
from assistant.store import Store  # noqa: E402
from tests.support.dovecot import ImapAccount, default_base_dir, start_dovecot  # noqa: E402

OWNER_NAME = "Alex Morgan"
OWNER = "alex.morgan@example.com"
FIRST_NAME = OWNER_NAME.split()[0]
#: The cycles' clock: shortly after the newest seeded message, so recent interviews are due.
NOW = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
#: The seeded mail spans the year before NOW (minus two days kept for the incremental batch).
MAIL_START = NOW - timedelta(days=365)
MAIL_END = NOW - timedelta(days=2)
NEW_MESSAGES = 50
BASELINE_CHUNK = 1000
SEED_CHUNK = 500
NEW_YORK = ZoneInfo("America/New_York")

# --------------------------------------------------------------------------- vocabulary

FIRST_NAMES = (
    "Lena", "Sam", "Priya", "Marcus", "Dana", "Jordan", "Chen", "Fatima", "Diego", "Hannah",
    "Tomás", "Aisha", "Noah", "Mei", "Olivia", "Ravi", "Sofia", "Jonas", "Grace", "Kwame",
    "Emma", "Lucas", "Zoe", "Mateo", "Ingrid", "Yusuf", "Chloé", "Ben", "Nora", "Ethan",
)  # fmt: skip
LAST_NAMES = (
    "Fischer", "Reyes", "Shah", "Bell", "Whitfield", "Kim", "Müller", "Okafor", "García", "Novak",
    "Larsen", "Patel", "Nguyen", "Brooks", "Rossi", "Andersson", "Cohen", "Silva", "Tanaka", "Ward",
)  # fmt: skip
FREE_MAIL = ("gmail.com", "outlook.com", "icloud.com", "yahoo.com", "proton.me", "fastmail.com")
ZONES = tuple(ZoneInfo(name) for name in ("America/New_York", "America/Los_Angeles", "Europe/Berlin", "UTC"))

COMPANIES = (
    ("Harborlight", "harborlight.dev"), ("Northwind Analytics", "northwind-analytics.com"),
    ("Brightpath", "brightpath.io"), ("Crestline Systems", "crestline.com"),
    ("Bluefin Robotics", "bluefinrobotics.com"), ("Quarry Labs", "quarrylabs.co"),
    ("Lumen Health", "lumenhealth.com"), ("Parcelwise", "parcelwise.com"),
    ("Tidewater Energy", "tidewater-energy.com"), ("Kestrel Security", "kestrelsec.io"),
    ("Oakridge Bank", "oakridgebank.com"), ("Fernhill Games", "fernhill.games"),
    ("Meridian Maps", "meridianmaps.com"), ("Copperleaf", "copperleaf.ai"),
    ("Vantage Retail", "vantageretail.com"), ("Solstice Bio", "solsticebio.com"),
    ("Granite Cloud", "granitecloud.net"), ("Pinecone Legal", "pineconelegal.com"),
    ("Wavelength Audio", "wavelength.fm"), ("Atlas Freight", "atlasfreight.com"),
)  # fmt: skip
ROLES = (
    "Backend Engineer", "Senior Software Engineer", "Staff Data Engineer", "Platform Engineer",
    "Site Reliability Engineer", "Full Stack Engineer", "Machine Learning Engineer",
    "Engineering Manager", "Senior Python Developer", "Data Platform Engineer",
)  # fmt: skip
#: Applicant tracking systems' mail domains (their no-reply addresses send acknowledgements).
ATS = ("greenhouse.io", "hire.lever.co", "ashbyhq.com", "myworkday.com", "smartrecruiters.com")
JOB_BOARDS = (
    ("LinkedIn Job Alerts", "jobalerts-noreply@linkedin.com"), ("Indeed", "alert@indeed.com"),
    ("Glassdoor Jobs", "noreply@glassdoor.com"), ("Wellfound", "jobs@wellfound.com"),
)  # fmt: skip
CITIES = ("New York, NY", "Remote", "Boston, MA", "Brooklyn, NY", "Jersey City, NJ", "Philadelphia, PA")

NEWSLETTERS = (
    ("Python Weekly", "newsletter@pythonweekly.example"), ("TLDR", "dan@tldrnewsletter.example"),
    ("The Pragmatic Dispatch", "hello@pragmaticdispatch.example"),
    ("Northfield Outfitters", "deals@northfield-outfitters.example"),
    ("Cedar & Pine Home", "news@cedarpine.example"), ("City Food Club", "team@cityfoodclub.example"),
    ("The Morning Ledger", "briefing@morningledger.example"), ("Trailhead Running", "crew@trailhead.example"),
    ("Kitchen Notes", "recipes@kitchennotes.example"), ("Indie Hackers Digest", "digest@indiehackers.example"),
)  # fmt: skip
NEWS_SUBJECTS = (
    "{pub} #{n}: {topic}", "This week: {topic}", "{topic} - and 9 more stories", "Your {month} reading list",
    "{pct}% off everything this weekend", "Last chance: the {month} sale ends tonight",
    "Exclusive offer for members", "New arrivals you'll love", "Product update: {topic}",
    "Thanks for being a subscriber - here's {pct}% off", "Join our live webinar: {topic}",
    "The best of {month}", "{topic}", "Don't miss out: free shipping ends Sunday", "Your weekly briefing",
)  # fmt: skip
TOPICS = (
    "why your tests are slow", "the state of Python packaging", "a field guide to SQLite",
    "five recipes for busy weeknights", "how we cut our cloud bill in half", "trail shoes for winter",
    "the economics of remote work", "async all the way down", "a new look at old bugs",
    "what we learned shipping on Fridays", "rainy day reading", "three-ingredient desserts",
)  # fmt: skip
NEWS_SENTENCES = (
    "This week we look at what changed and why it matters for anyone shipping software.",
    "Our editors picked the stories you should not miss, from tooling to culture.",
    "A long read on the trade-offs teams make when they grow faster than their systems.",
    "Members get early access to the collection before it opens to everyone else.",
    "We tested a dozen options over three months so you do not have to.",
    "Plus: a short interview with the maintainers about the road ahead.",
    "Prices shown include the discount; some exclusions apply, see the site for details.",
    "If you enjoyed this issue, forward it to a friend who might like it too.",
    "Readers wrote in with great questions last week; here are the best answers.",
    "The recipe takes twenty minutes and most of it is waiting for the oven.",
)  # fmt: skip

PERSONAL_SUBJECTS = (
    "dinner on {day}?", "Photos from the weekend", "quick question", "{day} plans", "happy birthday!!",
    "book recommendation", "catch up soon?", "call later?", "moving boxes", "the hike on Saturday",
    "recipe you asked for", "tickets", "Fwd: {topic}", "congrats!", "kids' schedule next week",
)  # fmt: skip
PERSONAL_SENTENCES = (
    "Hope the week is treating you well.", "Are you around on Saturday afternoon?",
    "I finally finished that book you lent me, it was great.", "Let me know what works for you.",
    "Mom says hi and wants to know when you are visiting.", "I attached a few of the photos.",
    "We could try the new place on Fifth Street.", "No rush on this, whenever you have a minute.",
    "The forecast looks good so far, fingers crossed.", "Sorry for the slow reply, it has been hectic.",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September")

NOTIFICATIONS = (
    ("GitHub", "notifications@github.com", "Re: [{repo}] {issue} (#{n})"),
    ("GitHub", "notifications@github.com", "[{repo}] {issue} (PR #{n})"),
    ("Oakleaf Bank", "alerts@oakleafbank.example", "Your statement is ready"),
    ("Oakleaf Bank", "alerts@oakleafbank.example", "Payment received - thank you"),
    ("Oakleaf Bank", "alerts@oakleafbank.example", "A charge of ${amount} was made on your card ending {last4}"),
    ("Shoply", "orders@shoply.example", "Your order #{order} has shipped"),
    ("Shoply", "orders@shoply.example", "Order confirmation #{order}"),
    ("Shoply", "orders@shoply.example", "Your package was delivered"),
    ("Shoply", "orders@shoply.example", "How did we do? Rate your recent purchase"),
    ("Accounts", "no-reply@accounts.cloudmail.example", "Security alert: new sign-in on Mac"),
    ("Accounts", "no-reply@accounts.cloudmail.example", "Your password was changed"),
    ("Streamly", "billing@streamly.example", "Your Streamly receipt"),
    ("Slack", "feedback@slack.example", "[Slack] New messages from {workspace}"),
    ("LinkedIn", "messages-noreply@linkedin.com", "{name} wants to connect"),
    ("LinkedIn", "notifications-noreply@linkedin.com", "You appeared in {n} searches this week"),
    ("SkyAir", "itinerary@skyair.example", "Your flight to {city} - check in now"),
    ("Staybook", "bookings@staybook.example", "Booking confirmed: Harbor View Hotel"),
    ("City Power", "billing@citypower.example", "Your {month} bill is ready"),
    ("Calendar", "calendar-notification@google.com", "Reminder: Dentist appointment @ {day} 9am"),
    ("Cloudbox", "no-reply@cloudbox.example", "Important update to our Terms of Service"),
)  # fmt: skip
REPOS = ("acme/api", "acme/web", "pallets/click", "psf/requests", "alexm/dotfiles", "acme/infra")
ISSUES = (
    "Flaky test in CI on Python 3.12", "Add retry to the upload client", "Bump dependencies",
    "Crash when config file is empty", "Docs: clarify the install steps", "Support for proxies",
)  # fmt: skip

VTIMEZONE = """\
BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
TZNAME:EDT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
TZNAME:EST
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
END:VTIMEZONE"""

# --------------------------------------------------------------------------- MIME rendering
# By hand rather than with email.message.EmailMessage: that takes ~1.5 ms a message, which would
# make generating 20,000 messages the slowest part of the run.


@dataclass(frozen=True, slots=True)
class Part:
    """One leaf of a message: text, HTML, a calendar or an attachment (already encoded)."""

    content_type: str
    body: str
    encoding: str = "7bit"
    disposition: str | None = None


@dataclass(frozen=True, slots=True)
class Multipart:
    subtype: str
    parts: tuple[Part | Multipart, ...]


def text_part(body: str, subtype: str = "plain", params: str = "") -> Part:
    """A text part, quoted-printable when it is not plain ASCII (as most mailers do)."""
    content_type = f"text/{subtype}; charset=utf-8{params}"
    if body.isascii():
        return Part(content_type, body)
    return Part(content_type, quopri.encodestring(body.encode("utf-8")).decode("ascii"), "quoted-printable")


def attachment(content_type: str, filename: str, data: bytes) -> Part:
    return Part(
        content_type, encodebytes(data).decode("ascii"), "base64", f'attachment; filename="{filename}"'
    )


def _mime_lines(node: Part | Multipart, rng: Random) -> list[str]:
    """Content headers and body of one MIME node (the message's own headers come first)."""
    if isinstance(node, Part):
        lines = [f"Content-Type: {node.content_type}", f"Content-Transfer-Encoding: {node.encoding}"]
        if node.disposition:
            lines.append(f"Content-Disposition: {node.disposition}")
        return [*lines, "", node.body.rstrip("\n")]
    boundary = f"=_part_{rng.getrandbits(64):016x}"
    lines = [f'Content-Type: multipart/{node.subtype}; boundary="{boundary}"', ""]
    for part in node.parts:
        lines.append(f"--{boundary}")
        lines.extend(_mime_lines(part, rng))
    lines.append(f"--{boundary}--")
    return lines


def encode_header(value: str) -> str:
    return value if value.isascii() else Header(value, "utf-8").encode()


def fold_ical(line: str) -> str:
    """iCalendar lines are folded at 75 octets (RFC 5545 §3.1)."""
    chunks = [line[i : i + 74] for i in range(0, len(line), 74)]
    return "\n ".join(chunks)


# --------------------------------------------------------------------------- mail generation

Who = tuple[str, str]  # (display name, address)
ME: Who = (OWNER_NAME, OWNER)


@dataclass(frozen=True, slots=True)
class Mail:
    """One generated message and what it really is, so the report can say which bodies were read."""

    raw: bytes
    message_id: str
    date: datetime
    kind: str  # "category/subtype", e.g. "newsletter/newsletter", "recruiting/rejection"
    subject: str
    sender: Who
    to: Who

    @property
    def category(self) -> str:
        return self.kind.partition("/")[0]


@dataclass
class Mailbox:
    inbox: list[Mail] = field(default_factory=list)
    sent: list[Mail] = field(default_factory=list)

    def add(self, inbox: Sequence[Mail] = (), sent: Sequence[Mail] = ()) -> None:
        self.inbox.extend(inbox)
        self.sent.extend(sent)

    def sort(self) -> None:
        """Mailboxes fill in date order, so UIDs rise with the Date header as in real life."""
        self.inbox.sort(key=lambda m: m.date)
        self.sent.sort(key=lambda m: m.date)


@dataclass(frozen=True, slots=True)
class Application:
    """One job application: the employer, the role and the people who write about it."""

    company: str
    domain: str
    role: str
    ats: str  # the applicant tracking system's mail domain
    recruiter: Who
    interviewers: tuple[Who, ...]


def reply_subject(subject: str) -> str:
    return subject if subject.startswith("Re: ") else f"Re: {subject}"


class MailFactory:
    """Deterministic, realistic-looking mail: every choice comes from one seeded `Random`."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self._serial = 0
        self._refs: dict[str, tuple[str, ...]] = {}  # each message's References chain, for replies

    # building blocks -------------------------------------------------------------------------
    def person(self, domain: str | None = None) -> Who:
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        local = f"{first}.{last}".lower().encode("ascii", "ignore").decode()
        return f"{first} {last}", f"{local}@{domain or self.rng.choice(FREE_MAIL)}"

    def paragraphs(self, pool: Sequence[str], count: int) -> list[str]:
        rng = self.rng
        return [textwrap.fill(" ".join(rng.sample(pool, k=rng.randint(2, 4))), 72) for _ in range(count)]

    def html_page(self, title: str, paragraphs: Sequence[str], tracked: bool) -> str:
        """Bulk-mail HTML: table layout, inline styles, tracking links; most of a newsletter's bytes."""
        rows = [
            '<tr><td style="padding:12px 24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;'
            f'line-height:22px;color:#1f2933;">\n<h3 style="margin:0 0 8px 0;">Story {index}</h3>\n<p>{text}</p>\n'
            f'<a href="https://click.example.net/ls/{self.rng.getrandbits(96):024x}">Read more</a>\n</td></tr>'
            for index, text in enumerate(paragraphs, start=1)
        ]
        pixel = f'<img src="https://t.example.net/o/{self.rng.getrandbits(128):032x}.gif" width="1">\n'
        return (
            f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n<body>\n'
            '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0">\n'
            + "\n".join(rows)
            + "\n</table>\n"
            + (pixel if tracked else "")
            + "</body></html>\n"
        )

    def alternative(self, text: str, title: str, tracked: bool = True) -> Multipart:
        """Text plus the HTML version most senders add."""
        return Multipart(
            "alternative", (text_part(text), text_part(self.html_page(title, [text], tracked), "html"))
        )

    def render(
        self,
        kind: str,
        sender: Who,
        subject: str,
        when: datetime,
        body: Part | Multipart,
        *,
        to: Who = ME,
        reply_to: Who | None = None,
        parent: Mail | None = None,
        bulk: bool = False,
        auto: bool = False,
    ) -> Mail:
        """Headers as delivered mail carries them (transport headers too), then the MIME tree."""
        rng = self.rng
        domain = sender[1].rpartition("@")[2]
        self._serial += 1
        message_id = f"<{rng.getrandbits(72):018x}.{self._serial}@{domain}>"
        date = when.astimezone(rng.choice(ZONES))
        lines = [
            f"Return-Path: <{sender[1]}>",
            f"Received: from mail-{rng.randint(1, 250)}.{domain} (mail.{domain} [198.51.100.{rng.randint(1, 254)}])",
            f"\tby mx1.example.com (Postfix) with ESMTPS id {rng.getrandbits(48):012X}",
            f"\tfor <{to[1]}>; {format_datetime(date + timedelta(seconds=rng.randint(1, 30)))}",
            f"Authentication-Results: mx1.example.com;\n\tdkim=pass header.d={domain}; spf=pass; dmarc=pass",
            f"From: {formataddr(sender)}",
            f"To: {formataddr(to)}",
            f"Subject: {encode_header(subject)}",
            f"Date: {format_datetime(date)}",
            f"Message-ID: {message_id}",
        ]
        if reply_to is not None:
            lines.append(f"Reply-To: {formataddr(reply_to)}")
        refs = self._refs.get(parent.message_id, (parent.message_id,)) if parent else ()
        if parent is not None:
            lines += [f"In-Reply-To: {parent.message_id}", f"References: {' '.join(refs)}"]
        if bulk:
            lines += [
                f"List-Id: <news.{domain}>",
                f"List-Unsubscribe: <https://{domain}/u/{rng.getrandbits(64):016x}>",
                "Precedence: bulk",
            ]
        if auto:
            lines.append("Auto-Submitted: auto-generated")
        lines += ["MIME-Version: 1.0", *_mime_lines(body, rng)]
        self._refs[message_id] = (*refs[-9:], message_id)
        raw = ("\n".join(lines) + "\n").replace("\n", "\r\n").encode("ascii")
        return Mail(raw, message_id, when, kind, subject, sender, to)

    # everyday mail ---------------------------------------------------------------------------
    def newsletter(self, when: datetime) -> Mail:
        rng = self.rng
        pub, address = rng.choice(NEWSLETTERS)
        topic, month, pct = rng.choice(TOPICS).capitalize(), rng.choice(MONTHS), rng.choice((10, 15, 20, 30))
        subject = rng.choice(NEWS_SUBJECTS).format(
            pub=pub, n=rng.randint(40, 400), topic=topic, month=month, pct=pct
        )
        stories = self.paragraphs(NEWS_SENTENCES, rng.randint(4, 18))
        html = text_part(self.html_page(pub, stories, tracked=True), "html")
        body = Multipart("alternative", (text_part("\n\n".join(stories)), html))
        return self.render("newsletter/newsletter", (pub, address), subject, when, body, bulk=True)

    def notification(self, when: datetime) -> Mail:
        """Transactional mail and alerts; about half carry list or auto-submitted headers."""
        rng = self.rng
        name, address, template = rng.choice(NOTIFICATIONS)
        subject = template.format(
            repo=rng.choice(REPOS), issue=rng.choice(ISSUES), n=rng.randint(2, 4000),
            amount=f"{rng.uniform(3, 400):.2f}", last4=rng.randint(1000, 9999), order=rng.randint(10**6, 10**7),
            workspace=rng.choice(("acme-eng", "climbing-club", "pta-board")), name=self.person()[0],
            city=rng.choice(CITIES), month=rng.choice(MONTHS), day=rng.choice(DAYS),
        )  # fmt: skip
        lines = self.paragraphs(NEWS_SENTENCES[:4] + PERSONAL_SENTENCES[:3], rng.randint(1, 3))
        text = "\n\n".join([f"Hi {FIRST_NAME},", *lines, f"-- \nThe {name} team"])
        body: Part | Multipart = text_part(text)
        if rng.random() < 0.7:
            body = Multipart(
                "alternative", (body, text_part(self.html_page(name, lines, rng.random() < 0.5), "html"))
            )
        if "receipt" in subject or "statement" in subject:
            pdf = attachment("application/pdf", "document.pdf", rng.randbytes(rng.randint(20_000, 60_000)))
            body = Multipart("mixed", (body, pdf))
        bulk, auto = rng.random() < 0.6, rng.random() < 0.5
        return self.render(
            f"notification/{name.lower()}", (name, address), subject, when, body, bulk=bulk, auto=auto
        )

    def personal(self, when: datetime, parent: Mail | None = None) -> Mail:
        """A friend writing; with `parent` (the user's own message) it is their answer to it."""
        rng = self.rng
        friend = parent.to if parent is not None else self.person()
        subject = rng.choice(PERSONAL_SUBJECTS).format(day=rng.choice(DAYS), topic=rng.choice(TOPICS))
        if parent is not None:
            subject = reply_subject(parent.subject)
        elif rng.random() < 0.15:  # a reply in a thread the user is only copied on
            subject = reply_subject(subject)
        paragraphs = self.paragraphs(PERSONAL_SENTENCES, rng.randint(1, 3))
        body: Part | Multipart = text_part(
            "\n\n".join([f"Hi {FIRST_NAME},", *paragraphs, friend[0].split()[0]])
        )
        if rng.random() < 0.08:
            photo = attachment("image/jpeg", "IMG_2041.jpg", rng.randbytes(rng.randint(20_000, 120_000)))
            body = Multipart("mixed", (body, photo))
        kind = "personal/reply" if subject.startswith("Re: ") else "personal/personal"
        return self.render(kind, friend, subject, when, body, parent=parent)

    def own_message(
        self, when: datetime, to: Who, subject: str, text: str, parent: Mail | None = None
    ) -> Mail:
        """The user's own mail, as it sits in their Sent folder."""
        body = "\n\n".join([f"Hi {to[0].split()[0]},", text, f"Best,\n{FIRST_NAME}"])
        if parent is not None:
            body += f"\n\nOn {format_datetime(parent.date)}, {parent.sender[0]} wrote:\n> {parent.subject}"
        return self.render("own/own", ME, subject, when, text_part(body), to=to, parent=parent)

    # recruiting mail -------------------------------------------------------------------------
    def job_alert(self, when: datetime) -> Mail:
        rng = self.rng
        board, address = rng.choice(JOB_BOARDS)
        company, role, city = rng.choice(COMPANIES)[0], rng.choice(ROLES), rng.choice(CITIES)
        subject = rng.choice(
            (f'"{role.lower()}": {rng.randint(3, 40)} new jobs in {city}', f"{company} is hiring a {role}",
             "Jobs you may be interested in", f"New {role} roles at {company} and {rng.randint(3, 20)} more")
        )  # fmt: skip
        listings = [
            f"{rng.choice(ROLES)} - {rng.choice(COMPANIES)[0]} - {rng.choice(CITIES)}" for _ in range(12)
        ]
        html = text_part(self.html_page(board, listings, tracked=True), "html")
        body = Multipart("alternative", (text_part("\n".join(listings)), html))
        return self.render("recruiting/job_alert", (board, address), subject, when, body, bulk=True)

    def outreach(self, when: datetime) -> Mail:
        """A recruiter's cold approach."""
        rng = self.rng
        company, domain = rng.choice(COMPANIES)
        role = rng.choice(ROLES)
        recruiter = self.person(domain)
        subject = rng.choice(
            (f"Exciting {role} opportunity at {company}", f"Quick chat about a {role} role?",
             f"{company} + you", "Your background caught my eye")
        )  # fmt: skip
        text = (
            f"Hi {FIRST_NAME},\n\nI'm a recruiter at {company}. We're hiring a {role} and your profile looks\n"
            "like a great fit. Would you be open to a 20-minute intro call next week?\n\n"
            f"Best,\n{recruiter[0]}\nTalent Acquisition, {company}"
        )
        return self.render("recruiting/outreach", recruiter, subject, when, text_part(text))

    def application(self, start: datetime, end: datetime) -> tuple[list[Mail], list[Mail]]:
        """One application's mail up to `end`: acknowledgement, scheduling request, the user's
        answer (in Sent), the interview invitation with a calendar, sometimes a cancellation, then
        a rejection, a recruiter's reply, an offer, or silence."""
        rng = self.rng
        company, domain = rng.choice(COMPANIES)
        app = Application(
            company, domain, rng.choice(ROLES), rng.choice(ATS), self.person(domain),
            tuple(self.person(domain) for _ in range(rng.randint(1, 3))),
        )  # fmt: skip
        inbox: list[Mail] = []
        sent: list[Mail] = []
        when = start
        if rng.random() < 0.8:
            inbox.append(self.received(app, when))
        when += timedelta(days=rng.uniform(2, 12))
        if when >= end:
            return inbox, sent
        if rng.random() < 0.45:  # no interview
            if rng.random() < 0.5:
                inbox.append(self.rejection(app, when, after_interview=False))
            return inbox, sent
        request = self.scheduling_request(app, when)
        inbox.append(request)
        when += timedelta(hours=rng.uniform(1, 20))
        if when >= end:
            return inbox, sent
        availability = "Thanks for reaching out! I'm free Tuesday 10am-12pm ET or Thursday afternoon."
        answer = self.own_message(when, app.recruiter, reply_subject(request.subject), availability, request)
        sent.append(answer)
        when += timedelta(hours=rng.uniform(2, 48))
        if when >= end:
            return inbox, sent
        interview = self.interview_time(when)
        confirmation = self.confirmation(app, when, interview, answer)
        inbox.append(confirmation)
        if rng.random() < 0.05:
            cancelled_at = when + (interview - when) / 2
            if cancelled_at < end:
                inbox.append(self.cancellation(app, cancelled_at, interview))
            return inbox, sent
        when = interview + timedelta(days=rng.uniform(1, 10))
        if when >= end:
            return inbox, sent
        outcome = rng.random()
        if outcome < 0.45:
            inbox.append(self.rejection(app, when, after_interview=True))
        elif outcome < 0.80:
            inbox.append(self.next_steps(app, when, confirmation))
        elif outcome < 0.85:
            inbox.append(self.offer(app, when))
        return inbox, sent

    def interview_time(self, after: datetime) -> datetime:
        """A weekday, business-hours slot in New York, two to eight days out."""
        day = (after + timedelta(days=self.rng.randint(2, 8))).astimezone(NEW_YORK)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day.replace(
            hour=self.rng.randint(9, 16), minute=self.rng.choice((0, 30)), second=0, microsecond=0
        )

    def received(self, app: Application, when: datetime) -> Mail:
        subject = self.rng.choice(
            (f"Thank you for applying to {app.company}!", f"{app.company} | Application received: {app.role}",
             f"We've received your application for {app.role}")
        )  # fmt: skip
        text = (
            f"Hi {FIRST_NAME},\n\nThank you for your interest in {app.company}! We have received your application\n"
            f"for the {app.role} position. Our team will review it and reach out if there is a fit.\n\n"
            f"The {app.company} Recruiting Team"
        )
        sender = (app.company, f"no-reply@{app.ats}")
        return self.render(
            "recruiting/application_received",
            sender,
            subject,
            when,
            self.alternative(text, app.company),
            auto=True,
        )

    def scheduling_request(self, app: Application, when: datetime) -> Mail:
        subject = self.rng.choice(
            (f"Scheduling your interview with {app.company}", f"{app.role} at {app.company} - next steps",
             "Availability for a phone screen?", f"Let's find a time to chat - {app.company}")
        )  # fmt: skip
        text = (
            f"Hi {FIRST_NAME},\n\nThanks for applying for the {app.role} role at {app.company}. I'd love to set\n"
            "up a 30-minute phone screen with me to talk about the team and your background.\n\n"
            "Could you share your availability for next week? You can also pick a time here:\n"
            f"https://calendly.com/{app.recruiter[1].partition('@')[0]}/30min\n\n"
            f"Best,\n{app.recruiter[0]}\nRecruiter, {app.company}"
        )
        return self.render("recruiting/scheduling_request", app.recruiter, subject, when, text_part(text))

    def calendar(self, app: Application, method: str, interview: datetime) -> Part:
        """A text/calendar part (METHOD:REQUEST or CANCEL) as scheduling tools attach it."""
        end = interview + timedelta(minutes=self.rng.choice((30, 45, 60, 90)))
        attendees = [
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;CN={name}:mailto:{email}"
            for name, email in (ME, *app.interviewers)
        ]
        lines = [
            "BEGIN:VCALENDAR", "PRODID:-//Benchmark//Interview Scheduler//EN", "VERSION:2.0",
            f"METHOD:{method}", *VTIMEZONE.splitlines(), "BEGIN:VEVENT",
            f"DTSTART;TZID=America/New_York:{interview:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=America/New_York:{end:%Y%m%dT%H%M%S}", f"DTSTAMP:{interview:%Y%m%dT000000Z}",
            f"ORGANIZER;CN={app.recruiter[0]}:mailto:{app.recruiter[1]}",
            f"UID:{app.recruiter[1].partition('@')[0]}-{interview:%Y%m%d%H%M}@{app.ats}", *attendees,
            f"SEQUENCE:{int(method == 'CANCEL')}", f"STATUS:{'CANCELLED' if method == 'CANCEL' else 'CONFIRMED'}",
            f"SUMMARY:Interview: {OWNER_NAME} - {app.role} - {app.company}", "LOCATION:Zoom",
            "END:VEVENT", "END:VCALENDAR",
        ]  # fmt: skip
        return text_part(
            "\n".join(fold_ical(line) for line in lines) + "\n", "calendar", f"; method={method}"
        )

    def confirmation(self, app: Application, when: datetime, interview: datetime, answer: Mail) -> Mail:
        """The recruiter confirming in the thread, or the ATS's own confirmation; both with a calendar."""
        names = ", ".join(name for name, _ in app.interviewers)
        text = (
            f"Hi {FIRST_NAME},\n\nYour interview for the {app.role} role at {app.company} is confirmed:\n\n"
            f"  When:  {interview:%A, %B} {interview.day}, {interview:%I:%M %p} ET\n  With:  {names}\n"
            f"  Where: Zoom (link in the calendar invitation)\n\nLooking forward to it!\n{app.recruiter[0]}"
        )
        html = text_part(self.html_page(app.company, [text.replace("\n", "<br>\n")], tracked=False), "html")
        calendar = self.calendar(app, "REQUEST", interview)
        kind = "recruiting/interview_confirmation"
        if self.rng.random() < 0.5:
            body = Multipart("alternative", (text_part(text), html, calendar))
            return self.render(kind, app.recruiter, answer.subject, when, body, parent=answer)
        subject = f"Interview Confirmation: {app.role} - {app.company} ({interview:%a, %b} {interview.day})"
        body = Multipart("mixed", (Multipart("alternative", (text_part(text), html)), calendar))
        sender = (app.recruiter[0], f"no-reply@{app.ats}")
        return self.render(kind, sender, subject, when, body, reply_to=app.recruiter, auto=True)

    def cancellation(self, app: Application, when: datetime, interview: datetime) -> Mail:
        text = f"Hi {FIRST_NAME},\n\nUnfortunately we have to cancel the interview on {interview:%A}. I'll be in touch.\n"
        subject = f"Cancelled: {app.company} interview @ {interview:%a %b} {interview.day}"
        body = Multipart("mixed", (text_part(text), self.calendar(app, "CANCEL", interview)))
        return self.render("recruiting/cancellation", app.recruiter, subject, when, body)

    def rejection(self, app: Application, when: datetime, after_interview: bool) -> Mail:
        """From the recruiter after an interview, else from the ATS's no-reply address."""
        subject = self.rng.choice(
            (f"Your application to {app.company}", f"Update on your {app.company} application",
             f"{app.company} - {app.role}", f"Thank you for your interest in {app.company}")
        )  # fmt: skip
        text = (
            f"Hi {FIRST_NAME},\n\nThank you for your interest in the {app.role} position at {app.company}.\n"
            "Unfortunately, after careful consideration, we have decided to move forward with other\n"
            "candidates whose experience more closely matches our needs at this time.\n\n"
            f"We wish you the best in your search.\n{app.recruiter[0]}"
        )
        sender = app.recruiter if after_interview else (app.company, f"no-reply@{app.ats}")
        return self.render(
            "recruiting/rejection", sender, subject, when, text_part(text), auto=not after_interview
        )

    def next_steps(self, app: Application, when: datetime, parent: Mail) -> Mail:
        text = (
            f"Hi {FIRST_NAME},\n\nThanks again for speaking with {app.interviewers[0][0]}. The team enjoyed the\n"
            "conversation and we're gathering feedback now; I'll be in touch by the end of the week about\n"
            f"next steps.\n\nBest,\n{app.recruiter[0]}"
        )
        subject = reply_subject(parent.subject)
        return self.render(
            "recruiting/recruiter_reply", app.recruiter, subject, when, text_part(text), parent=parent
        )

    def offer(self, app: Application, when: datetime) -> Mail:
        text = (
            f"Hi {FIRST_NAME},\n\nI'm delighted to extend you an offer for the {app.role} position at\n"
            f"{app.company}! Your offer letter is attached; let's find a time to walk through it.\n\n"
            f"{app.recruiter[0]}"
        )
        subject = f"Offer - {app.role} at {app.company}"
        return self.render("recruiting/offer", app.recruiter, subject, when, text_part(text))


def random_time(rng: Random, start: datetime, end: datetime) -> datetime:
    return start + timedelta(seconds=rng.uniform(0, (end - start).total_seconds()))


def add_recruiting(
    factory: MailFactory, mailbox: Mailbox, count: int, start: datetime, end: datetime
) -> None:
    """`count` inbox messages: about a third job alerts, a few cold approaches, the rest applications."""
    rng = factory.rng
    alerts, approaches = round(count * 0.3), round(count * 0.08)
    mailbox.add([factory.job_alert(random_time(rng, start, end)) for _ in range(alerts)])
    mailbox.add([factory.outreach(random_time(rng, start, end)) for _ in range(approaches)])
    remaining = count - alerts - approaches
    while remaining > 0:
        inbox, sent = factory.application(random_time(rng, start, end), end)
        mailbox.add(inbox[:remaining], sent)
        remaining -= len(inbox[:remaining])


def add_personal(
    factory: MailFactory, mailbox: Mailbox, count: int, sent_budget: int, start: datetime, end: datetime
) -> None:
    """Friends' mail; up to `sent_budget` of it is a conversation with the user's message in Sent."""
    rng = factory.rng
    for _ in range(count):
        when = random_time(rng, start, end)
        later = when + timedelta(hours=rng.uniform(1, 30))
        if sent_budget <= 0 or rng.random() < 0.5:
            mailbox.add([factory.personal(when)])
        elif rng.random() < 0.5:  # a friend writes, the user answers
            letter = factory.personal(when)
            answer = factory.own_message(
                later, letter.sender, reply_subject(letter.subject), rng.choice(PERSONAL_SENTENCES), letter
            )
            mailbox.add([letter], [answer])
            sent_budget -= 1
        else:  # the user writes, a friend answers
            subject = rng.choice(PERSONAL_SUBJECTS).format(day=rng.choice(DAYS), topic=rng.choice(TOPICS))
            first = factory.own_message(when, factory.person(), subject, rng.choice(PERSONAL_SENTENCES))
            mailbox.add([factory.personal(later, first)], [first])
            sent_budget -= 1


def generate_mail(
    factory: MailFactory, messages: int, share: float, sent: int, start: datetime, end: datetime
) -> Mailbox:
    """`messages` inbox messages (a `share` of them recruiting) and about `sent` of the user's own.

    The everyday rest is 35% newsletters, 42% notifications and 23% personal mail.
    """
    rng = factory.rng
    mailbox = Mailbox()
    recruiting = round(messages * share)
    add_recruiting(factory, mailbox, recruiting, start, end)
    everyday = messages - recruiting
    newsletters, notifications = round(everyday * 0.35), round(everyday * 0.42)
    mailbox.add([factory.newsletter(random_time(rng, start, end)) for _ in range(newsletters)])
    mailbox.add([factory.notification(random_time(rng, start, end)) for _ in range(notifications)])
    personal = everyday - newsletters - notifications
    add_personal(factory, mailbox, personal, max(0, sent - len(mailbox.sent)), start, end)
    mailbox.sort()
    return mailbox


# --------------------------------------------------------------------------- measuring


_TAGGED = re.compile(rb"([A-Z]+)\d+ (UID [A-Z]+|[A-Z]+)")


@contextmanager
def imap_commands() -> Iterator[Counter[str]]:
    """Count the tagged IMAP commands every connection sends while the block runs.

    Each tagged command is one request the client waits on (one round trip; literals use
    LITERAL+ on Dovecot). Hooking imaplib's `send` covers imaplib's commands and imapclient's
    own `_raw_command` path (APPEND, FETCH with modifiers) alike.
    """
    counts: Counter[str] = Counter()
    original: Callable[[imaplib.IMAP4, bytes], None] = imaplib.IMAP4.send

    def send(imap: imaplib.IMAP4, data: bytes) -> None:
        match = _TAGGED.match(data)
        if match and match.group(1) == imap.tagpre:
            counts[match.group(2).decode("ascii")] += 1
        original(imap, data)

    imaplib.IMAP4.send = send  # type: ignore[method-assign]
    try:
        yield counts
    finally:
        imaplib.IMAP4.send = original  # type: ignore[method-assign]


class CountingImapBackend(ImapBackend):
    """The real backend; records the messages whose body the cycle's `wants_body` asked for."""

    def __init__(self, settings: ImapSettings) -> None:
        super().__init__(settings)
        self.bodies: list[str] = []

    def scan(
        self, cursor: str | None, wants_body: WantsBody, progress: Progress | None = None
    ) -> Iterator[ScanBatch]:
        def counting(envelope: Envelope, role: FolderRole) -> bool:
            wanted = wants_body(envelope, role)
            if wanted:
                self.bodies.append(envelope.message_id)
            return wanted

        return super().scan(cursor, counting, progress)


@dataclass
class CycleResult:
    seconds: float
    seen: int
    recorded: int
    skipped: int
    bodies: int
    drafts_placed: int
    imap_commands: dict[str, int]
    drafts: list[str]  # "kind:interview:recipient" of every draft placed

    @property
    def round_trips(self) -> int:
        return sum(self.imap_commands.values())


def read_headers(account: ImapAccount, folders: Sequence[str]) -> float:
    """The baseline: log in, read the scan's header fields of every message, log out."""
    item = f"BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})]"
    start = time.perf_counter()
    client = account.client()
    try:
        for folder in folders:
            client.select_folder(folder, readonly=True)
            uids = sorted(client.search(["ALL"]))
            for first in range(0, len(uids), BASELINE_CHUNK):
                client.fetch(uids[first : first + BASELINE_CHUNK], [item])
    finally:
        client.logout()
    return time.perf_counter() - start


def timed_cycle(
    store: Store, settings: ImapSettings, ctx: Context, profile: cProfile.Profile | None = None
) -> tuple[CycleResult, list[str]]:
    """One cycle as `assistant run --once` does it, connection included; also the bodies it read."""
    backend = CountingImapBackend(settings)
    with imap_commands() as commands:
        if profile is not None:
            profile.enable()
        start = time.perf_counter()
        with backend:
            report: CycleReport = run_cycle(store, backend, ctx, NOW)
        seconds = time.perf_counter() - start
        if profile is not None:
            profile.disable()
    result = CycleResult(
        seconds=seconds,
        seen=report.seen,
        recorded=report.recorded,
        skipped=report.skipped,
        bodies=len(backend.bodies),
        drafts_placed=len(report.placed),
        imap_commands=dict(commands),
        drafts=[draft.key for draft in report.placed],
    )
    return result, backend.bodies


def flag_counts(account: ImapAccount, folders: Sequence[str]) -> dict[str, dict[str, int]]:
    """Messages and \\Seen messages per folder, read without changing anything (EXAMINE)."""
    client = account.client()
    try:
        counts = {}
        for folder in folders:
            client.select_folder(folder, readonly=True)
            counts[folder] = {"messages": len(client.search(["ALL"])), "seen": len(client.search(["SEEN"]))}
        return counts
    finally:
        client.logout()


def seed(account: ImapAccount, mailbox: Mailbox) -> float:
    start = time.perf_counter()
    account.seed("INBOX", (m.raw for m in mailbox.inbox), chunk=SEED_CHUNK)
    account.seed("Sent", (m.raw for m in mailbox.sent), chunk=SEED_CHUNK)
    return time.perf_counter() - start


def filesystem_type(path: Path) -> str:
    """The type of the filesystem holding `path` (tmpfs or not decides Maildir speed)."""
    best, kind = "", "unknown"
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return kind
    resolved = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) < 3 or len(fields[1]) <= len(best):
            continue
        if resolved == fields[1] or resolved.startswith(fields[1].rstrip("/") + "/"):
            best, kind = fields[1], fields[2]
    return kind


def tally(ids: Sequence[str], kinds: dict[str, str]) -> dict[str, int]:
    return dict(Counter(kinds.get(message_id, "unknown") for message_id in ids).most_common())


def recruiting_verdicts(
    store: Store, bodies: Sequence[str], generated: dict[str, str]
) -> dict[str, dict[str, int]]:
    """For every message whose body was read: what it really was -> the kind the assistant gave it.

    Read through the public tracker, which holds every message of every thread with recruiting
    mail; a read message outside it was classified "other" (or skipped).
    """
    classified = {m.message_id: m.facts.kind.value for m in store.tracker().messages if m.facts}
    table: dict[str, Counter[str]] = {}
    for message_id in bodies:
        truth = generated.get(message_id, "unknown")
        table.setdefault(truth, Counter())[classified.get(message_id, "other")] += 1
    return {truth: dict(counts.most_common()) for truth, counts in sorted(table.items())}


def make_context() -> Context:
    sender = Sender(OWNER_NAME, OWNER, f"{OWNER_NAME}\n{OWNER}")
    return Context(
        owner=frozenset({OWNER}),
        sender=sender,
        templates=load_templates(None, sender),
        policy=PolicySettings(),
    )


# --------------------------------------------------------------------------- the run


@dataclass
class Measurements:
    baseline_cold: float
    baseline: float
    first: CycleResult
    idle: CycleResult
    incremental: CycleResult
    bodies: list[str]  # the message ids whose body the first scan read
    stored_kinds: dict[str, int]
    verdicts: dict[str, dict[str, int]]
    flags_after_first: dict[str, dict[str, int]]
    flags_at_end: dict[str, dict[str, int]]


def imap_settings(account: ImapAccount) -> ImapSettings:
    return ImapSettings(
        host=account.host,
        port=account.port,
        security="none",
        username=account.username,
        password=lambda: account.password,
    )


def measure(
    account: ImapAccount, fresh: Mailbox, kinds: dict[str, str], profile: cProfile.Profile | None
) -> Measurements:
    """Baseline twice (cold, then warm Dovecot cache), then first scan, idle and incremental cycles."""
    folders = ("INBOX", "Sent")
    baseline_cold = read_headers(account, folders)
    baseline = read_headers(account, folders)
    settings, ctx = imap_settings(account), make_context()
    with tempfile.TemporaryDirectory(prefix="scan-bench-") as state_dir:
        store = Store.open(Path(state_dir) / "state.db")
        try:
            first, bodies = timed_cycle(store, settings, ctx, profile)
            flags_after_first = flag_counts(account, folders)
            stored_kinds, verdicts = store.counts(), recruiting_verdicts(store, bodies, kinds)
            timed_cycle(store, settings, ctx)  # settles: the first cycle after placing drafts reads Drafts
            idle, _ = timed_cycle(store, settings, ctx)
            seed(account, fresh)
            incremental, _ = timed_cycle(store, settings, ctx)
        finally:
            store.close()
    flags_at_end = flag_counts(account, (*folders, "Drafts"))
    return Measurements(
        baseline_cold=baseline_cold,
        baseline=baseline,
        first=first,
        idle=idle,
        incremental=incremental,
        bodies=bodies,
        stored_kinds=stored_kinds,
        verdicts=verdicts,
        flags_after_first=flags_after_first,
        flags_at_end=flags_at_end,
    )


def cycle_json(result: CycleResult) -> dict[str, Any]:
    return asdict(result) | {"round_trips": result.round_trips}


def true_kinds(*mailboxes: Mailbox) -> dict[str, str]:
    """Message-ID -> what the generator made it ("recruiting/rejection"), for every inbox message."""
    return {mail.message_id: mail.kind for mailbox in mailboxes for mail in mailbox.inbox}


def summarize(args: argparse.Namespace, mailbox: Mailbox, fresh: Mailbox, m: Measurements) -> dict[str, Any]:
    kinds = true_kinds(mailbox, fresh)
    categories = {message_id: kind.partition("/")[0] for message_id, kind in kinds.items()}
    recruiting = [mail.message_id for mail in mailbox.inbox if mail.category == "recruiting"]
    read = set(m.bodies)
    return {
        "messages": args.messages,
        "recruiting_share": args.recruiting_share,
        "seed": args.seed,
        "inbox": len(mailbox.inbox),
        "sent": len(mailbox.sent),
        "recruiting_in_inbox": len(recruiting),
        "inbox_megabytes": round(sum(len(mail.raw) for mail in mailbox.inbox) / 1e6, 1),
        "baseline_cold_seconds": round(m.baseline_cold, 3),
        "baseline_seconds": round(m.baseline, 3),
        "first_scan": cycle_json(m.first),
        "first_scan_ratio": round(m.first.seconds / m.baseline, 1),
        "bodies_by_category": tally(m.bodies, categories),
        "bodies_by_kind": tally(m.bodies, kinds),
        "recruiting_not_read": tally([i for i in recruiting if i not in read], kinds),
        "stored_kinds": m.stored_kinds,
        "verdicts": m.verdicts,
        "idle": cycle_json(m.idle),
        "incremental": cycle_json(m.incremental),
        "flags_after_first_scan": m.flags_after_first,
        "flags_at_end": m.flags_at_end,
    }


def run(args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """Generate, seed, measure; returns the results and (with --profile) the first scan's profile."""
    started = time.perf_counter()
    factory = MailFactory(Random(args.seed))
    sent = max(30, round(args.messages * 0.015))
    mailbox = generate_mail(factory, args.messages, args.recruiting_share, sent, MAIL_START, MAIL_END)
    fresh = generate_mail(
        factory, NEW_MESSAGES, args.recruiting_share, 0, MAIL_END, NOW - timedelta(minutes=5)
    )
    generated = time.perf_counter() - started
    profile = cProfile.Profile() if args.profile else None
    server = start_dovecot(default_base_dir())
    try:
        account = server.new_account()
        seeded = seed(account, mailbox)
        measured = measure(account, Mailbox(inbox=fresh.inbox), true_kinds(mailbox, fresh), profile)
        mail_dir = server.root / "mail"
        environment = {
            "dovecot_mail_dir": str(mail_dir),
            "dovecot_mail_dir_filesystem": filesystem_type(mail_dir),
            "generate_seconds": round(generated, 2),
            "seed_seconds": round(seeded, 2),
        }
    finally:
        server.stop()
    results = summarize(args, mailbox, fresh, measured) | environment
    results["problems"] = problems(results)
    report = ""
    if profile is not None:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
        report = out.getvalue()
    return results, report


def problems(results: dict[str, Any]) -> list[str]:
    """What a scan must never do (or should not), checked against what the run saw."""
    first, idle, incremental = results["first_scan"], results["idle"], results["incremental"]
    found = [
        f"{counts['seen']} messages in {folder} are \\Seen ({moment.replace('_', ' ')})"
        for moment in ("flags_after_first_scan", "flags_at_end")
        for folder, counts in results[moment].items()
        if folder != "Drafts" and counts["seen"]
    ]
    expected = results["inbox"] + results["sent"]
    if first["seen"] != expected:
        found.append(f"the first scan saw {first['seen']} messages, the mailbox holds {expected}")
    if incremental["seen"] != NEW_MESSAGES:
        found.append(f"the incremental cycle saw {incremental['seen']} messages, {NEW_MESSAGES} arrived")
    if idle["seen"] or idle["bodies"]:
        found.append("the idle cycle read messages although nothing was new")
    if first["skipped"]:
        found.append(f"{first['skipped']} messages were skipped as unreadable")
    if first["bodies"] > 3 * max(1, results["recruiting_in_inbox"]):
        found.append(
            f"{first['bodies']} bodies fetched for {results['recruiting_in_inbox']} recruiting messages "
            "(more than 3x the recruiting mail)"
        )
    return found


def table(results: dict[str, Any]) -> str:
    first, idle, incremental = results["first_scan"], results["idle"], results["incremental"]
    drafts = ", ".join(f"{key.split(':')[0]} to {key.rsplit(':', 1)[-1]}" for key in first["drafts"])
    idle_commands = ", ".join(f"{name} {count}" for name, count in idle["imap_commands"].items())
    rows = [
        ("messages (INBOX + Sent)", f"{results['inbox']:,} + {results['sent']:,} ({results['inbox_megabytes']} MB inbox)"),
        ("recruiting share", f"{results['recruiting_share']:.1%} ({results['recruiting_in_inbox']} messages)"),
        ("baseline header fetch", f"{results['baseline_seconds']:.2f} s (cold cache {results['baseline_cold_seconds']:.2f} s)"),
        ("first scan", f"{first['seconds']:.2f} s = {results['first_scan_ratio']}x baseline, "
         f"{first['round_trips']} IMAP commands"),
        ("  messages seen / recorded", f"{first['seen']:,} / {first['recorded']:,}"),
        ("  bodies fetched", f"{first['bodies']:,}  {results['bodies_by_category']}"),
        ("  drafts placed", f"{first['drafts_placed']}  {drafts}"),
        ("idle cycle", f"{idle['seconds'] * 1000:.0f} ms, {idle['round_trips']} round trips ({idle_commands})"),
        ("incremental (+50)", f"{incremental['seconds'] * 1000:.0f} ms, {incremental['bodies']} bodies, "
         f"{incremental['round_trips']} round trips"),
        ("mail dir", f"{results['dovecot_mail_dir']} ({results['dovecot_mail_dir_filesystem']})"),
        ("setup", f"generate {results['generate_seconds']:.1f} s, seed {results['seed_seconds']:.1f} s"),
        ("recruiting not read", f"{results['recruiting_not_read'] or 'none'}"),
        ("stored kinds", f"{results['stored_kinds']}"),
    ]  # fmt: skip
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    lines.append("classified as (mail read -> kind; everyday mail only where not all 'other'):")
    for truth, verdict in results["verdicts"].items():
        if truth.startswith("recruiting/") or set(verdict) != {"other"}:
            lines.append(f"  {truth:<{width - 2}}  {verdict}")
    lines.append(f"{'problems':<{width}}  " + ("; ".join(results["problems"]) or "none"))
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time the assistant's scans against a seeded Dovecot.")
    parser.add_argument("--messages", type=int, default=20_000, help="INBOX messages to seed (default 20000)")
    parser.add_argument(
        "--recruiting-share", type=float, default=0.03, help="share of recruiting mail (0.03)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed for the generated mail (1)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--profile", action="store_true", help="cProfile the first scan; top 25 to stderr")
    args = parser.parse_args(argv)
    if args.messages < 1 or not 0 <= args.recruiting_share <= 1:
        parser.error("--messages must be positive and --recruiting-share between 0 and 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    results, profile = run(args)
    print(json.dumps(results, indent=2) if args.json else table(results))
    if profile:
        print(profile, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
