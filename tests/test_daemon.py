"""The daemon as users run it: a real process that cycles, then exits cleanly on SIGTERM/SIGINT."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _config(tmp_path: Path) -> Path:
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    path = tmp_path / "config.toml"
    path.write_text(
        '[account]\nemail = "alex.morgan@example.com"\nname = "Alex Morgan"\ntimezone = "Europe/Berlin"\n'
        f'backend = "maildir"\n[maildir]\npath = "{maildir}"\n[state]\npath = "{tmp_path / "state.sqlite3"}"\n'
        "[schedule]\npoll_minutes = 0.02\n"
    )
    return path


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_the_daemon_cycles_and_stops_cleanly_on_a_signal(tmp_path: Path, sig: signal.Signals) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--config", str(_config(tmp_path)), "run"],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    cycles = 0
    deadline = time.monotonic() + 30
    while cycles < 2 and time.monotonic() < deadline:
        line = process.stderr.readline()
        cycles += "Scanned" in line
    process.send_signal(sig)
    remaining = process.communicate(timeout=15)[1]
    assert cycles == 2
    assert process.returncode == 0
    assert "Traceback" not in remaining
    assert f"received {sig.name}" in remaining


def test_a_refused_sign_in_is_logged_and_retried_not_fatal(caplog: pytest.LogCaptureFixture) -> None:
    import threading

    from assistant.daemon import run_forever
    from assistant.errors import AuthError

    calls: list[int] = []
    stop = threading.Event()

    def cycle() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise AuthError("Gmail refused the saved sign-in; run `assistant auth` again")
        stop.set()

    with caplog.at_level("ERROR"):
        run_forever(cycle, poll_minutes=0.01, stop=stop)
    assert len(calls) == 2
    assert "run `assistant auth` again; trying again in" in caplog.text
