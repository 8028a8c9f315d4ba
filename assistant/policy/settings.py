"""The numbers the policy runs on; the config builds one, tests build their own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, time, timedelta, tzinfo


@dataclass(frozen=True, slots=True)
class PolicySettings:
    timezone: tzinfo = UTC
    default_interview_length: timedelta = timedelta(hours=1)
    thank_you_delay: timedelta = timedelta(hours=1)
    thank_you_window: timedelta = timedelta(hours=72)
    follow_up_after: timedelta = timedelta(days=7)
    follow_up_grace: timedelta = timedelta(days=7)
    second_follow_up_after: timedelta = timedelta(days=7)
    max_follow_ups: int = 2
    rejection_reply: bool = True
    morning_slot: time = time(9, 0)
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
