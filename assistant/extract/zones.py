"""Time-zone words as people write them → IANA zones, so daylight saving follows the date.

"2pm PT" in December is UTC-8 and in July UTC-7: mapping the words to zones (not to fixed offsets)
lets zoneinfo apply the rule for the interview's own date, whatever letter ("PST"/"PDT") was used.
Short abbreviations are matched case-sensitively ("ET", not the French "et"). Explicit offsets
("GMT-05:00") are fixed, except in Outlook's "(UTC-05:00) Eastern Time (US & Canada)", where the
offset is the zone's standard one whatever the date, so the name that follows it wins.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.extract.alternation import factored, word_alternation

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
    "GMT": "UTC", "UTC": "UTC",
    "BST": _LON,
    "CET": _BER, "CEST": _BER, "MEZ": _BER, "MESZ": _BER,
    "IST": "Asia/Kolkata", "SGT": "Asia/Singapore", "JST": "Asia/Tokyo",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "AWST": "Australia/Perth", "ACST": "Australia/Adelaide", "ACDT": "Australia/Adelaide",
    "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland", "HKT": "Asia/Hong_Kong",
    "KST": "Asia/Seoul", "PHT": "Asia/Manila", "WIB": "Asia/Jakarta", "ICT": "Asia/Bangkok",
    "GST": "Asia/Dubai", "PKT": "Asia/Karachi", "MSK": "Europe/Moscow",
    "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "EET": "Europe/Helsinki", "EEST": "Europe/Helsinki",
    "SAST": "Africa/Johannesburg", "WAT": "Africa/Lagos", "EAT": "Africa/Nairobi",
    "BRT": "America/Sao_Paulo", "ART": "America/Argentina/Buenos_Aires",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
    "AST": "America/Halifax", "ADT": "America/Halifax", "NST": "America/St_Johns", "NDT": "America/St_Johns",
}  # fmt: skip
# Also US state abbreviations: "Stamford, CT 06901" names no zone.
_STATES = {"CT", "MT"}
# Also everyday acronyms ("the ICT team", "plus GST", "ART director"): a zone only right after a time.
_ACRONYMS = {
    "ART",
    "AST",
    "ADT",
    "WEST",
    "EAT",
    "WAT",
    "GST",
    "ICT",
    "PHT",
    "NST",
    "NDT",
    "WIB",
    "HST",
    "MSK",
    "PKT",
    "BRT",
}
# "9:30am Mountain", "2pm Central": a zone only right after a time ("the Central team" is none).
_BARE_REGIONS = {"mountain", "central", "atlantic"}
# … or after a word for the times themselves: "All times are Central", "times shown in Mountain".
_AFTER_TIME = re.compile(
    r"(?:\d|[ap]\.?m\.?|uhr|h)\s*\(?$|\btimes? (?:are |is |shown |listed )?(?:in )?$", re.IGNORECASE
)

_WORDS = {
    "pacific time": _LA, "pacific": _LA, "mountain time": _DEN, "mountain standard time": _DEN,
    "central time": _CHI, "central standard time": _CHI, "mountain": _DEN, "central": _CHI,
    "eastern time": _NY, "eastern": _NY, "uk time": _LON, "irish time": "Europe/Dublin", "ireland time": "Europe/Dublin", "british time": _LON, "british summer time": _LON,
    "gmt standard time": _LON, "coordinated universal time": "UTC",
    "central european time": _BER, "central european summer time": _BER,
    "central europe standard time": _BER, "w. europe standard time": _BER,
    "romance standard time": _PAR,
    "heure de paris": _PAR, "heure française": _PAR,
    "hora de madrid": _MAD, "hora peninsular": _MAD, "hora de españa": _MAD,
    "india standard time": "Asia/Kolkata", "indian standard time": "Asia/Kolkata",
    "deutscher zeit": _BER, "deutsche zeit": _BER, "mitteleuropäische zeit": _BER,
    "central european standard time": _BER, "eastern european time": "Europe/Helsinki",
    "western european time": "Europe/Lisbon", "japan time": "Asia/Tokyo", "japan standard time": "Asia/Tokyo",
    "singapore standard time": "Asia/Singapore", "china standard time": "Asia/Shanghai",
    "australian eastern time": "Australia/Sydney", "aus eastern standard time": "Australia/Sydney",
    "arizona time": "America/Phoenix", "atlantic time": "America/Halifax", "atlantic": "America/Halifax", "newfoundland time": "America/St_Johns", "hawaii time": "Pacific/Honolulu", "alaska time": "America/Anchorage",
    "horário de brasília": "America/Sao_Paulo", "hora de brasília": "America/Sao_Paulo",
    "hora canaria": "Atlantic/Canary", "hora de canarias": "Atlantic/Canary", "hora insular": "Atlantic/Canary",
    "hora del centro": "America/Mexico_City", "heure de l'est": _NY, "hora del este": _NY,
    "heure de montréal": "America/Toronto", "heure du québec": "America/Toronto",
}  # fmt: skip

# "Amsterdam time", "Singapore time": a city's name with "time" names the city's zone.
_CITIES = {
    "amsterdam": "Europe/Amsterdam", "brussels": "Europe/Brussels", "zurich": "Europe/Zurich",
    "vienna": "Europe/Vienna", "stockholm": "Europe/Stockholm", "copenhagen": "Europe/Copenhagen",
    "oslo": "Europe/Oslo", "warsaw": "Europe/Warsaw", "prague": "Europe/Prague", "rome": "Europe/Rome",
    "milan": "Europe/Rome", "madrid": _MAD, "barcelona": _MAD, "lisbon": "Europe/Lisbon",
    "dublin": "Europe/Dublin", "munich": _BER, "frankfurt": _BER, "hamburg": _BER, "berlin": _BER,
    "paris": _PAR, "london": _LON, "helsinki": "Europe/Helsinki", "athens": "Europe/Athens",
    "istanbul": "Europe/Istanbul", "tel aviv": "Asia/Jerusalem", "dubai": "Asia/Dubai",
    "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong", "tokyo": "Asia/Tokyo",
    "seoul": "Asia/Seoul", "shanghai": "Asia/Shanghai", "beijing": "Asia/Shanghai",
    "sydney": "Australia/Sydney", "melbourne": "Australia/Melbourne", "auckland": "Pacific/Auckland",
    "toronto": "America/Toronto", "vancouver": "America/Vancouver", "chicago": _CHI, "denver": _DEN,
    "los angeles": _LA, "san francisco": _LA, "seattle": _LA, "boston": _NY, "new york": _NY,
    "mumbai": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
    "delhi": "Asia/Kolkata", "são paulo": "America/Sao_Paulo", "sao paulo": "America/Sao_Paulo",
    "mexico city": "America/Mexico_City", "ciudad de méxico": "America/Mexico_City",
    "montreal": "America/Toronto", "montréal": "America/Toronto", "austin": _CHI, "dallas": _CHI,
    "atlanta": _NY, "miami": _NY, "phoenix": "America/Phoenix",
    "bogotá": "America/Bogota", "bogota": "America/Bogota", "buenos aires": "America/Argentina/Buenos_Aires",
    "cape town": "Africa/Johannesburg", "johannesburg": "Africa/Johannesburg", "lagos": "Africa/Lagos",
    "nairobi": "Africa/Nairobi", "cairo": "Africa/Cairo", "riyadh": "Asia/Riyadh", "karachi": "Asia/Karachi",
    "jakarta": "Asia/Jakarta", "manila": "Asia/Manila", "bangkok": "Asia/Bangkok", "taipei": "Asia/Taipei",
    "kyiv": "Europe/Kyiv", "bucharest": "Europe/Bucharest", "budapest": "Europe/Budapest",
    "edinburgh": _LON, "manchester": _LON, "brisbane": "Australia/Brisbane", "perth": "Australia/Perth",
    # as the cities write themselves: "heure de Bruxelles", "hora de Lisboa"
    "bruxelles": "Europe/Brussels", "lisboa": "Europe/Lisbon", "wien": "Europe/Vienna",
    "zürich": "Europe/Zurich", "münchen": _BER, "roma": "Europe/Rome", "milano": "Europe/Rome",
    "londres": _LON, "varsovie": "Europe/Warsaw", "nueva york": _NY, "genève": "Europe/Zurich",
}  # fmt: skip
_WORDS.update({f"{form} {city}" if form != "time" else f"{city} time": name
               for city, name in _CITIES.items() for form in ("time", "heure de", "hora de")})  # fmt: skip

# "America/Argentina/Buenos_Aires" has three parts; "America/Argentina" alone is a folder, not a zone.
_IANA = re.compile(
    r"\b((?:America|Europe|Asia|Australia|Africa|Pacific|Atlantic|Indian)(?:/[A-Z][A-Za-z_-]+){1,2})(?![\w/-])"
)
_ABBR = re.compile(
    r"(?<![A-Za-z])(" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")(?![A-Za-z])"
)
_WORD = re.compile(r"\b(" + word_alternation(_WORDS) + r")\b", re.IGNORECASE)
_OFFSET = re.compile(r"\b(?:GMT|UTC)\s?(?P<sign>[+\-−–])\s?(?P<h>[01]?\d)(?::?(?P<m>[0-5]\d))?\b")
_ZIP_AFTER = re.compile(r"\s+\d{5}\b")


@cache
def zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder of zones, not a zone
        return None


def _offset(match: re.Match[str]) -> tzinfo | None:
    minutes = int(match.group("h")) * 60 + int(match.group("m") or 0)
    if minutes > 14 * 60:
        return None
    sign = 1 if match.group("sign") == "+" else -1
    return timezone(timedelta(minutes=sign * minutes))


# An abbreviation used as a noun names something else: "Chef de projet PST", "du PST" (a Belgian
# municipality's strategic plan), "the EST team".
_NOUN_BEFORE = re.compile(
    factored(
        r"\b(?:the|du|des|le|la|les|der|die|das|dem|den|el|del|los|las|het|our|your|projet|project|projekt|proyecto|plan)\s+$"
    ),
    re.IGNORECASE,
)


def _not_a_zone(text: str, match: re.Match[str]) -> bool:
    word = match.group(1)
    if word.isupper() and _NOUN_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
        return True
    if word in _ACRONYMS or word.lower() in _BARE_REGIONS:
        return not _AFTER_TIME.search(text[max(0, match.start() - 20) : match.start()])
    return word in _STATES and (
        text[max(0, match.start() - 2) : match.start()] == ", "
        or _ZIP_AFTER.match(text, match.end()) is not None
    )


_OFFSET_RANK, _IANA_RANK, _ABBR_RANK, _WORD_RANK = range(4)


def _candidates(text: str) -> list[tuple[int, int, tzinfo, int]]:
    """The first match of each kind: (start, end, zone, rank of the kind)."""
    found: list[tuple[int, int, tzinfo, int]] = []
    for match in _OFFSET.finditer(text):
        if (fixed := _offset(match)) is not None:
            found.append((match.start(), match.end(), fixed, _OFFSET_RANK))
            break
    kinds = ((_IANA_RANK, _IANA, None), (_ABBR_RANK, _ABBR, _ABBREVIATIONS), (_WORD_RANK, _WORD, _WORDS))
    for rank, pattern, table in kinds:
        for match in pattern.finditer(text):
            if pattern is not _IANA and _not_a_zone(text, match):
                continue
            word = match.group(1)
            named = zone(word if table is None else table.get(word, table.get(word.lower(), "")))
            if named is not None:
                found.append((match.start(), match.end(), named, rank))
                break
    return found


def find_zone(text: str) -> tuple[int, tzinfo] | None:
    """The first zone named in `text` and where it starts; the longest name where several start.

    A name right after an offset or an abbreviation says which zone is meant: "(UTC-05:00) Eastern
    Time" follows daylight saving, and "7pm AEST (Brisbane time)" is Queensland, which has none.
    """
    found = sorted(_candidates(text), key=lambda c: (c[0], -(c[1] - c[0])))
    if not found:
        return None
    start, end, first, rank = found[0]
    if rank in (_OFFSET_RANK, _ABBR_RANK):
        wanted = {_IANA_RANK, _WORD_RANK} | ({_ABBR_RANK} if rank == _OFFSET_RANK else set())
        named = next((c for c in found[1:] if c[3] in wanted and 0 <= c[0] - end <= 3), None)
        if named is not None:
            return start, named[2]
    return start, first
