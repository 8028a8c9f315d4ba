"""When a non-urgent draft should appear: a weekday morning in the user's own time zone.

Follow-ups read best mid-morning on working days (FOLLOW-UP-RULES.md, timing rule 7); a draft
that waits for the user should never surface at night or on a weekend.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo


def next_slot(moment: datetime, tz: tzinfo, slot: time, workdays: frozenset[int]) -> datetime:
    """The first `slot` o'clock on a workday in `tz` at or after `moment`."""
    local = moment.astimezone(tz)
    day = local.date()
    for _ in range(14):
        candidate = datetime.combine(day, slot, tzinfo=tz)
        if day.weekday() in workdays and candidate >= local:
            return candidate
        day += timedelta(days=1)
    return datetime.combine(day, slot, tzinfo=tz)


def next_business_day(day: date, workdays: frozenset[int]) -> date:
    """The first workday after `day` (the day after a stated decision date)."""
    day += timedelta(days=1)
    while day.weekday() not in workdays:
        day += timedelta(days=1)
    return day
