"""Wiring: config → the backend, templates, sender and policy the cycle needs.

The only module that knows every backend; the core and the backends never import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from assistant.config import Config
from assistant.errors import ConfigError
from assistant.mail.base import Backend
from assistant.mail.gmail import GmailBackend
from assistant.mail.gmail_auth import GmailSettings
from assistant.mail.imap import ImapBackend, ImapSettings
from assistant.mail.maildir import MaildirBackend, MaildirSettings
from assistant.policy import PolicySettings
from assistant.render import Sender, TemplateProblem, environment, template_names, validate_templates
from assistant.render.proofread import Speller


@dataclass(frozen=True, slots=True)
class Context:
    """What one cycle needs besides the backend and the store."""

    owner: frozenset[str]
    sender: Sender
    templates: jinja2.Environment
    policy: PolicySettings
    speller: Speller | None = None
    outcome_labels: tuple[tuple[str, str], ...] = ()


def english_speller() -> Speller:
    """pyspellchecker's English dictionary (loaded once, ~0.2 s), as the proofreader's speller."""
    from spellchecker import SpellChecker

    checker = SpellChecker(distance=1)

    def unknown(words: set[str]) -> set[str]:
        return set(checker.unknown(words))

    return unknown


def packaged_templates_dir() -> Path:
    """The default templates: inside the installed package, or the checkout's templates/."""
    installed = Path(str(resources.files("assistant"))) / "templates"
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "templates"


def load_templates(directory: Path | None, sender: Sender, config_path: str = "") -> jinja2.Environment:
    """Read and try every template the drafts need; a missing or broken one is a config error."""
    folder = directory or packaged_templates_dir()
    sources = {}
    for name in template_names():
        try:
            sources[name] = (folder / name).read_text(encoding="utf-8")
        except OSError:
            raise ConfigError(config_path, "templates.dir", f"has no template {folder / name}") from None
    templates = environment(sources)
    try:
        validate_templates(templates, sender)
    except TemplateProblem as problem:
        raise ConfigError(
            config_path, "templates.dir", f"template {folder / problem.name}: {problem.problem}"
        ) from None
    return templates


def gmail_settings(config: Config) -> GmailSettings:
    if config.gmail is None:
        raise ConfigError(str(config.path), "gmail", "is missing")
    g = config.gmail
    return GmailSettings(g.token_file, g.client_secrets, g.api_endpoint, g.sync_days)


def open_backend(config: Config) -> Backend:
    if config.account.backend == "gmail":
        return GmailBackend(gmail_settings(config))
    if config.account.backend == "maildir" and config.maildir is not None:
        m = config.maildir
        return MaildirBackend(MaildirSettings(path=m.path, sent=m.sent, drafts=m.drafts))
    if config.imap is None:
        raise ConfigError(str(config.path), "imap", "is missing")
    i = config.imap
    return ImapBackend(
        ImapSettings(
            host=i.host,
            port=i.port,
            security=i.security,
            username=i.username,
            password=i.password,
            inbox=i.inbox,
            drafts=i.drafts,
            sent=i.sent,
        )
    )


def context(config: Config) -> Context:
    account = config.account
    sender = Sender(account.name, account.email, account.signature, account.qualifications)
    return Context(
        owner=account.addresses,
        sender=sender,
        templates=load_templates(config.templates_dir, sender, str(config.path)),
        policy=config.policy,
        speller=english_speller(),
        outcome_labels=config.outcome_labels,
    )
