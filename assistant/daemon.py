"""The background loop: a cycle every `poll_minutes`, driven by `schedule`, until SIGINT/SIGTERM.

A mailbox that cannot be reached (network down, expired password) is logged and retried at the
next poll; the daemon only exits when asked to or when the configuration itself is wrong.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from types import FrameType

import schedule

from assistant.errors import ConfigError, MailboxError, StateError

log = logging.getLogger(__name__)


def run_forever(cycle: Callable[[], None], poll_minutes: float, stop: threading.Event | None = None) -> None:
    """Run `cycle` now and then every `poll_minutes` until a signal (or `stop`) says to finish."""
    stop = stop or threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        log.info("received %s, finishing", signal.Signals(signum).name)
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}

    def guarded() -> None:
        try:
            cycle()
        except ConfigError:
            raise
        except (MailboxError, StateError) as error:
            log.error("%s; trying again in %g minutes", error, poll_minutes)

    scheduler = schedule.Scheduler()
    scheduler.every(max(1, round(poll_minutes * 60))).seconds.do(guarded)
    try:
        log.info("watching the mailbox every %g minutes; stop with Ctrl-C or SIGTERM", poll_minutes)
        guarded()
        while not stop.is_set():
            scheduler.run_pending()
            idle = scheduler.idle_seconds
            stop.wait(max(0.5, min(idle if idle is not None else 1.0, 30.0)))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
