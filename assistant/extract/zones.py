"""Time-zone words as people write them → IANA zones, so daylight saving follows the date.

"2pm PT" in December is UTC-8 and in July UTC-7: mapping the words to zones (not to fixed offsets)
lets zoneinfo apply the rule for the interview's own date, whatever letter ("PST"/"PDT") was used.
Short abbreviations are matched case-sensitively ("ET", not the French "et").
"""

from __future__ import annotations

import re
from datetime import tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_LA, _DEN, _CHI, _NY = (
    "America/Los_Angeles",
    "America/Denver",
    "America/Chicago",
    "America/New_York",
)
_LON, _BER, _PAR, _MAD = "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid"

_ABBREVIATIONS = {
    "PT": _LA, "PST": _LA, "PDT": _LA,
    "MT": _DEN, "MST": _DEN, "MDT": _DEN,
    "CT": _CHI, "CST": _CHI, "CDT": _CHI,
    "ET": _NY, "EST": _NY, "EDT": _NY,
    "GMT": "UTC", "UTC": "UTC", "Z": "UTC",
    "BST": _LON,
    "CET": _BER, "CEST": _BER, "MEZ": _BER, "MESZ": _BER,
    "IST": "Asia/Kolkata", "SGT": "Asia/Singapore", "JST": "Asia/Tokyo",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
}  # fmt: skip

_WORDS = {
    "pacific time": _LA, "pacific": _LA, "mountain time": _DEN, "central time": _CHI,
    "eastern time": _NY, "eastern": _NY, "new york time": _NY,
    "london time": _LON, "uk time": _LON, "british time": _LON,
    "central european time": _BER, "central european summer time": _BER,
    "berlin time": _BER, "paris time": _PAR, "heure de paris": _PAR, "heure française": _PAR,
    "hora de madrid": _MAD, "hora peninsular": _MAD, "hora de españa": _MAD,
    "india standard time": "Asia/Kolkata", "deutscher zeit": _BER, "deutsche zeit": _BER,
}  # fmt: skip

_IANA = re.compile(r"\b((?:America|Europe|Asia|Australia|Africa|Pacific)/[A-Z][A-Za-z_]+)\b")
_ABBR = re.compile(
    r"(?<![A-Za-z])(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")(?![A-Za-z])"
)
_WORD = re.compile(r"\b(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


@cache
def zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def find_zone(text: str) -> tuple[int, tzinfo] | None:
    """The first zone named in `text` and where it starts."""
    best: tuple[int, tzinfo] | None = None
    for pattern, table in ((_IANA, None), (_ABBR, _ABBREVIATIONS), (_WORD, _WORDS)):
        for match in pattern.finditer(text):
            if pattern is _ABBR and match.group(1) == "Z":
                continue
            word = match.group(1)
            name = word if table is None else table.get(word, table.get(word.lower(), ""))
            found = zone(name)
            if found is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), found)
                break
    return best
