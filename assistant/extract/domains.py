"""Mail domains that say nothing about an employer: ATS and bulk-mail relays, free mail providers.

The rest name an organisation: "dana@northwind-analytics.com" works at Northwind Analytics, and
the owner's colleagues share the owner's domain.
"""

from __future__ import annotations

import re

# An address written in running text.
EMAIL_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")

RELAY_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "ashbyhq.com", "myworkday.com",
    "workday.com", "myworkdayjobs.com", "smartrecruiters.com", "icims.com", "goodtime.io",
    "calendly.com", "hire.lever.co", "sendgrid.net", "mailchimpapp.net", "mcsv.net",
    "workable.com", "workablemail.com", "bamboohr.com", "personio.de", "personio.com", "teamtailor.com",
    "teamtailor-mail.com", "recruitee.com", "jazzhr.com", "applytojob.com", "breezy.hr", "jobvite.com",
    "taleo.net", "successfactors.com", "successfactors.eu", "paradox.ai", "modernloop.io", "gem.com",
    "rippling.com", "pinpointhq.com", "comeet.co", "join.com", "homerun.co", "dover.com", "ashbyhq.io",
    "gethired.com", "hirehive.com", "manatal.com", "zohorecruit.com", "freshteam.com", "bookings.microsoft.com",
)  # fmt: skip
FREE_MAIL = frozenset(
    {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "me.com",
     "proton.me", "protonmail.com", "fastmail.com", "gmx.de", "gmx.net", "web.de", "aol.com", "live.com",
     "orange.fr", "free.fr", "msn.com", "live.co.uk", "hotmail.co.uk", "hotmail.fr", "hotmail.de",
     "outlook.de", "outlook.fr", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.es", "ymail.com", "mail.com",
     "zoho.com", "yandex.ru", "yandex.com", "tutanota.com", "tuta.io", "hey.com", "pm.me", "qq.com", "163.com",
     "naver.com", "libero.it", "laposte.net", "sfr.fr", "wanadoo.fr", "t-online.de", "btinternet.com",
     "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "rediffmail.com", "mac.com", "posteo.de", "mailbox.org",
     "icloud.de", "telenet.be", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "bluewin.ch", "sapo.pt", "terra.com.br",
     "uol.com.br", "bol.com.br"}
)  # fmt: skip


_RELAYS = frozenset(RELAY_DOMAINS)


def is_relay(domain: str) -> bool:
    """The domain or one of its parents is a relay ("candidates.workablemail.com")."""
    labels = domain.split(".")
    return any(".".join(labels[i:]) in _RELAYS for i in range(len(labels) - 1))


# Second levels under a country code: "thistlebank.co.uk", "kairos.co.in", "acme.com.au".
# Second levels under which the organisation names itself: "co.uk", and the public sector's
# "gc.ca", "gob.mx", "gouv.fr", "gv.at", "admin.ch", "bund.de", "nhs.uk".
_COUNTRY_SECOND_LEVELS = frozenset(
    {"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "ne", "or", "gc", "gob", "gouv", "gv", "govt", "gub",
     "admin", "bund", "nhs"}
)  # fmt: skip


def organisation_label(email: str) -> str | None:
    """The name-bearing label of an employer's domain ("northwind-analytics"), or None."""
    domain = email.rpartition("@")[2].lower()
    labels = domain.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _COUNTRY_SECOND_LEVELS:
        labels = labels[:-1]
    if domain in FREE_MAIL or is_relay(domain) or len(labels) < 2 or len(labels[-2]) < 3:
        return None
    return labels[-2]
