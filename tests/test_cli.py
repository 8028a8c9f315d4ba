"""The CLI's offline commands: inspect needs no config; bad input exits 2 without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from tests.support.mail import NORTHWIND, sample


@pytest.fixture(autouse=True)
def no_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ASSISTANT_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config-here"))


def test_inspect_prints_the_contract_without_any_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "invite.eml"
    path.write_bytes(sample(NORTHWIND))
    assert main(["inspect", str(path), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["kind"] == "interview_confirmation"
    assert facts["company"] == "Northwind Analytics"
    assert facts["role"] == "Senior Data Engineer"
    assert facts["interview"] == {"start": "2026-12-03T19:00:00+00:00", "end": "2026-12-03T20:30:00+00:00"}
    assert sorted(p["email"] for p in facts["interviewers"]) == [
        "marcus.bell@northwind-analytics.com",
        "priya.shah@northwind-analytics.com",
    ]
    assert set(facts) >= {"kind", "company", "role", "interview", "interviewers", "respond_by"}


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02 binary junk", b"just some words without headers"])
def test_inspect_rejects_what_is_not_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "junk.eml"
    path.write_bytes(content)
    assert main(["inspect", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert "is not an RFC 5322 message" in err
    assert "Traceback" not in err


def test_inspect_of_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "/nonexistent/x.eml"]) == 2
    assert "cannot read /nonexistent/x.eml" in capsys.readouterr().err


def test_a_bad_now_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        '[account]\nemail="a@b.com"\nname="A"\ntimezone="UTC"\nbackend="maildir"\n'
        f'[maildir]\npath="{tmp_path}"\n[state]\npath="{tmp_path / "s.db"}"\n'
    )
    assert main(["--config", str(config), "run", "--once", "--now", "next tuesday"]) == 2
    assert "is not an ISO-8601 time" in capsys.readouterr().err


def test_demo_shows_drafts_and_the_status_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert out.count("draft placed →") == 7
    assert "priya.shah@northwind-analytics.com" in out
    assert "COMPANY" in out
    assert "Northwind Analytics" in out


def test_a_reader_that_goes_away_is_no_traceback(tmp_path: Path) -> None:
    """`assistant inspect … | head -c 1`: the pipe closes before the output is written."""
    path = tmp_path / "invite.eml"
    path.write_bytes(sample(NORTHWIND))
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "inspect", str(path), "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)},
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr == b""
