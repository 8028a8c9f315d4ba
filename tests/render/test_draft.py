"""Rendered drafts: threaded replies, safe headers, stable identity, a visible personal line."""

from __future__ import annotations

import email
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.app import load_templates
from assistant.errors import ConfigError
from assistant.model import Address, DraftKind, Interview, PlannedDraft, ReplyTarget, TimeSpan
from assistant.render import Sender, draft_message_id, render_draft
from assistant.render.draft import reply_subject
from tests.policy.builders import NY

SENDER = Sender("Alex Morgan", "alex.morgan@example.com", "Alex Morgan\n(555) 010-0199", "data pipelines")
TEMPLATES = load_templates(None, SENDER)
START = datetime(2026, 12, 3, 19, 0, tzinfo=UTC)


def interview(subject: str = "Interview Confirmation: Senior Data Engineer") -> Interview:
    return Interview(
        id="i1",
        thread="<root@nw>",
        company="Northwind Analytics",
        role="Senior Data Engineer",
        span=TimeSpan(START, START + timedelta(minutes=90)),
        interviewers=(Address("priya.shah@northwind-analytics.com", "Priya Shah"),),
        arranger=Address("dana@northwind-analytics.com", "Dana Whitfield"),
        reply_to=ReplyTarget("<conf@nw>", ("<root@nw>", "<conf@nw>"), subject, "<root@nw>"),
        confirmed_at=START - timedelta(days=5),
    )


def draft(kind: DraftKind = DraftKind.THANK_YOU, recipient: Address | None = None, **kw: str) -> PlannedDraft:
    who = recipient or Address("priya.shah@northwind-analytics.com", "Priya Shah")
    return PlannedDraft(f"{kind.value}:i1:{who.email}", kind, interview(**kw), who, START)


def parsed(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def render(planned: PlannedDraft) -> tuple[EmailMessage, str, tuple[str, ...]]:
    rendered = render_draft(planned, SENDER, TEMPLATES, NY, START + timedelta(hours=3))
    return parsed(rendered.raw), rendered.body, rendered.problems


def test_a_thank_you_is_a_reply_inside_the_conversation() -> None:
    message, body, _ = render(draft())
    assert message["In-Reply-To"] == "<conf@nw>"
    assert message["References"] == "<root@nw> <conf@nw>"
    assert message["Subject"] == "Re: Interview Confirmation: Senior Data Engineer"
    assert message["To"].addresses[0].addr_spec == "priya.shah@northwind-analytics.com"
    assert message["From"].addresses[0].addr_spec == "alex.morgan@example.com"
    assert body.startswith("Dear Priya Shah,")
    assert "Thursday, December 3" in body
    assert "Senior Data Engineer position at Northwind Analytics" in body
    assert body.rstrip().endswith("Alex Morgan\n(555) 010-0199")


@pytest.mark.parametrize("kind", list(DraftKind))
def test_every_template_renders_cleanly_but_for_the_personal_line(kind: DraftKind) -> None:
    _, body, problems = render(draft(kind))
    assert "{{" not in body
    assert "None" not in body
    assert [p for p in problems if "personal line" not in p] == []
    assert ("[[" in body) == (kind in (DraftKind.THANK_YOU, DraftKind.THANK_YOU_VIA_ARRANGER))


def test_the_message_id_is_a_pure_function_of_the_key() -> None:
    first = render_draft(draft(), SENDER, TEMPLATES, NY, START)
    later = render_draft(draft(), SENDER, TEMPLATES, NY, START + timedelta(days=1))
    assert first.message_id == later.message_id == draft_message_id(draft().key, SENDER.email)
    assert parsed(first.raw)["Message-ID"] == first.message_id
    other = draft(recipient=Address("marcus.bell@northwind-analytics.com", "Marcus Bell"))
    assert draft_message_id(other.key, SENDER.email) != first.message_id


def test_reply_prefixes_are_not_stacked() -> None:
    assert reply_subject("RE: Re: AW: Interview") == "Re: Interview"
    assert reply_subject("") == "Re: our conversation"


@settings(max_examples=150, deadline=None)
@given(name=st.text(min_size=1, max_size=40), subject=st.text(max_size=60))
def test_hostile_names_and_subjects_never_inject_headers(name: str, subject: str) -> None:
    recipient = Address("priya.shah@northwind-analytics.com", name)
    rendered = render_draft(draft(recipient=recipient, subject=subject), SENDER, TEMPLATES, NY, START)
    message = parsed(rendered.raw)
    header_block = rendered.raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in header_block
    assert len(message.get_all("To") or []) == 1
    assert message["To"].addresses[0].addr_spec == "priya.shah@northwind-analytics.com"
    assert "\n" not in str(message["Subject"])
    assert "\r" not in str(message["Subject"])


def test_a_non_ascii_name_is_encoded_and_survives() -> None:
    message, body, _ = render(draft(recipient=Address("rene@x.fr", "Renée Dubois-Ça")))
    assert message["To"].addresses[0].display_name == "Renée Dubois-Ça"
    assert body.startswith("Dear Renée Dubois-Ça,")


def test_a_template_with_an_unknown_field_is_a_config_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for kind in DraftKind:
        (tmp_path / f"{kind.value}.txt").write_text("Dear {{ recipient_name }},\n{{ favourite_colour }}\n")
    with pytest.raises(ConfigError, match=r"\[templates\] dir template .*favourite_colour"):
        load_templates(tmp_path, SENDER, "config.toml")


def test_a_missing_template_is_a_config_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="has no template"):
        load_templates(tmp_path, SENDER, "config.toml")


def test_the_proofreader_flags_misspellings_but_not_names(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.app import english_speller

    for kind in DraftKind:
        (tmp_path / f"{kind.value}.txt").write_text(
            "Dear {{ recipient_name }},\n\nThank you for the the tiem at {{ company }} and for explaining "
            "the {{ role }} role.\n\n{{ signature }}\n"
        )
    templates = load_templates(tmp_path, SENDER)
    rendered = render_draft(draft(), SENDER, templates, NY, START, english_speller())
    assert "may be misspelt: tiem" in rendered.problems
    assert "repeats a word: 'the the'" in rendered.problems
    assert not any("northwind" in p.lower() or "priya" in p.lower() for p in rendered.problems)


def test_the_shipped_templates_pass_the_spell_check() -> None:
    from assistant.app import english_speller

    speller = english_speller()
    for kind in DraftKind:
        rendered = render_draft(draft(kind), SENDER, TEMPLATES, NY, START, speller)
        assert not [p for p in rendered.problems if "misspelt" in p], (kind, rendered.problems)
