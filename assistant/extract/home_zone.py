"""The zone a writer's clock keeps, where the Date header and the writer's country agree.

With no zone stated, times are read in the zone of the message's Date header. The header carries
only an offset: "+0200" on 20 October is Zurich's summer time, and a slot on Friday 30 October,
after the clocks went back, is 14:00 at +01:00 there, not at +02:00. When the writer's domain
names a country that keeps one zone, and that zone had the header's offset at the moment of
sending, the slot takes the zone and its daylight saving for the slot's own date. Otherwise (a
".com" writer, a header that fits no zone of the country) the bare offset stands.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from assistant.model import Envelope

# Country codes of single-zone countries, as the domain's last label writes them.
_COUNTRY_ZONES = {
    "ch": "Europe/Zurich", "de": "Europe/Berlin", "at": "Europe/Vienna", "nl": "Europe/Amsterdam",
    "be": "Europe/Brussels", "lu": "Europe/Luxembourg", "fr": "Europe/Paris", "it": "Europe/Rome",
    "es": "Europe/Madrid", "pl": "Europe/Warsaw", "cz": "Europe/Prague", "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest", "si": "Europe/Ljubljana", "hr": "Europe/Zagreb", "se": "Europe/Stockholm",
    "dk": "Europe/Copenhagen", "no": "Europe/Oslo", "fi": "Europe/Helsinki", "ee": "Europe/Tallinn",
    "lv": "Europe/Riga", "lt": "Europe/Vilnius", "gr": "Europe/Athens", "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia", "ie": "Europe/Dublin", "uk": "Europe/London", "gb": "Europe/London",
    "il": "Asia/Jerusalem", "nz": "Pacific/Auckland", "cl": "America/Santiago",
    "py": "America/Asuncion",
}  # fmt: skip


def writer_zone(envelope: Envelope) -> datetime | None:
    """The Date header in the writer's country's zone when the two agree, else as written."""
    sent = envelope.date
    if sent is None:
        return None
    for writer in (envelope.sender, *envelope.reply_to):
        if writer is None:
            continue
        name = _COUNTRY_ZONES.get(writer.email.rpartition(".")[2].lower())
        if name is None:
            continue
        local = sent.astimezone(ZoneInfo(name))
        if local.utcoffset() == sent.utcoffset():
            return local
    return sent
