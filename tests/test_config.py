"""Configuration: every key checked, and a bad one named with its file, exit code 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from assistant.config import load_config, parse_config, resolve_config_path
from assistant.errors import ConfigError

GOOD = """
[account]
email = "alex.morgan@example.com"
name = "Alex Morgan"
timezone = "America/New_York"

[imap]
host = "imap.example.com"
password_env = "IMAP_PASSWORD"
"""


def test_the_example_config_is_valid() -> None:
    example = Path(__file__).parent.parent / "config.example.toml"
    config = load_config(example)
    assert config.account.email == "alex.morgan@example.com"
    assert config.imap is not None
    assert config.imap.port == 993


def test_defaults_fill_what_is_left_out() -> None:
    config = parse_config(Path("c.toml"), GOOD)
    assert config.imap is not None
    assert (config.imap.port, config.imap.security, config.imap.username) == (
        993,
        "tls",
        "alex.morgan@example.com",
    )
    assert config.poll_minutes == 5
    assert config.policy.thank_you_delay.total_seconds() == 3600
    assert config.state_path.name == "state.sqlite3"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('timezone = "America/New_York"', 'timezone = "Mars/Olympus"'), "[account] timezone 'Mars/Olympus'"),
        (('email = "alex.morgan@example.com"', 'email = "alex"'), "[account] email 'alex' is not an email"),
        (
            ('host = "imap.example.com"', 'host = "imap.example.com"\nport = "993"'),
            "[imap] port must be an integer",
        ),
        (
            ('host = "imap.example.com"', 'host = "imap.example.com"\nsecurity = "ssl"'),
            "[imap] security must be",
        ),
        (
            ('host = "imap.example.com"', 'host = "imap.example.com"\nprot = 1'),
            "[imap] prot is not a known setting",
        ),
        (('password_env = "IMAP_PASSWORD"', ""), "[imap] password_env set exactly one"),
        (('host = "imap.example.com"', ""), "[imap] host is missing"),
        (("[imap]", "[imapp]"), "[imapp] is not a known section"),
        (("[account]", "[account]\nbackend = 'pop3'"), "[account] backend must be"),
        (("[imap]", "[policy]\nmorning_slot = '9am'\n[imap]"), "[policy] morning_slot must be a time"),
        (("[imap]", "[schedule]\npoll_minutes = 0\n[imap]"), "[schedule] poll_minutes must be more than 0"),
        (("[imap]", "x = ["), "is not valid TOML"),
    ],
)
def test_a_bad_key_is_named_with_its_file(change: tuple[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(Path("/home/alex/.config/c.toml"), GOOD.replace(*change))
    assert str(caught.value).startswith("/home/alex/.config/c.toml: ")
    assert message in str(caught.value)


def test_the_cli_exits_2_with_the_message_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(GOOD.replace('host = "imap.example.com"', "host = 12"))
    assert main(["--config", str(path), "run", "--once"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"assistant: {path}: [imap] host must be a string, not 12"


def test_a_missing_config_file_says_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--config", str(tmp_path / "nope.toml"), "status"]) == 2
    assert "nope.toml: no config file here" in capsys.readouterr().err


def test_the_config_path_comes_from_flag_then_environment_then_platform(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ASSISTANT_CONFIG", "/from/env.toml")
    assert resolve_config_path("/from/flag.toml") == Path("/from/flag.toml")
    assert resolve_config_path(None) == Path("/from/env.toml")
    monkeypatch.delenv("ASSISTANT_CONFIG")
    assert resolve_config_path(None).name == "config.toml"


def test_passwords_come_from_the_environment_or_a_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMAP_PASSWORD", "hunter2")
    config = parse_config(Path("c.toml"), GOOD)
    assert config.imap is not None
    assert config.imap.password() == "hunter2"
    assert "hunter2" not in repr(config)
    command = parse_config(
        Path("c.toml"), GOOD.replace('password_env = "IMAP_PASSWORD"', "password_command = 'echo s3cret'")
    )
    assert command.imap is not None
    assert command.imap.password() == "s3cret"


def test_an_unset_password_variable_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IMAP_PASSWORD", raising=False)
    config = parse_config(Path("c.toml"), GOOD)
    assert config.imap is not None
    with pytest.raises(
        ConfigError, match=r"\[imap\] password_env the environment variable IMAP_PASSWORD is not set"
    ):
        config.imap.password()


def test_policy_numbers_and_outcome_labels_are_configurable() -> None:
    config = parse_config(
        Path("c.toml"),
        GOOD
        + '\n[policy]\nmax_follow_ups = 1\nsecond_follow_up_days = 10\nrejection_reply = false\nworkdays = ["mon", "wed"]\n'
        + '[labels]\nrejected = "Jobs/No"\n',
    )
    assert config.policy.max_follow_ups == 1
    assert config.policy.second_follow_up_after.days == 10
    assert config.policy.rejection_reply is False
    assert config.policy.workdays == frozenset({0, 2})
    assert dict(config.outcome_labels)["rejected"] == "Jobs/No"
    assert dict(config.outcome_labels)["offer"] == "Interview/Offer"
