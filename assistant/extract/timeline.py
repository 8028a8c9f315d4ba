"""The date by which the employer said they would answer (`respond_by`).

Only firm statements count: a date or "end of (next) week" introduced by "by"/"before"/"no later
than" near words about deciding or getting back. Vague phrases ("soon", "early next week") give
nothing, so the policy falls back to its default wait instead of a guess.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.extract.alternation import factored
from assistant.extract.dates import find_dates

_DEADLINE_CUE = re.compile(
    # not "until": "Hamish is on leave until Monday" says when someone is back, not when the answer comes
    factored(
        r"\b(?:by|before|no later than|not later than|on or before|bis|avant le|avant|"
        # Spanish "hasta el viernes 13" after an answer word is the date it comes by
        r"d['’]ici|antes del?|para el|hasta|a más tardar|uiterlijk|ten laatste|vóór|voor|entro|senast|senest|innen|do|au plus tard|spätestens),?\s+"
        r"(?:spätestens\s+|au plus tard\s+|a más tardar,?\s+|the latest\s+|op\s+)?"
        r"(?:the\s+|(?:this|next)\s+|le\s+|au\s+|el\s+|den\s+|)?$"
    ),
    re.IGNORECASE,
)
_DECISION = re.compile(
    factored(
        r"\b(?:decision|decide|(?:an|our|a) (?:[\w-]+ )?answer|answer (?:for|to) you|hear (?:back )?from|get back to you|back to (?:you|everyone|all)|"
        r"be back (?:to|in touch|with)|"
        r"(?:an|any|some|a) (?:[\w-]+ )?update|update you\b|let you know|word back|(?:final )?results|résultats|resultados|"
        r"respond|feedback|next steps|news|follow up with you|\w*entscheid\w*|rückmeldung|melden|"
        # "votre retour", "un retour" (not "de retour": back at the office; not "retourner" a form)
        # "les convocations vous seront envoyées", "la Comisión publicará la relación definitiva"
        r"convocations?|vous seront (?:envoyée?s?|communiquée?s?|transmise?s?)|publicar\w*|publish\w* (?:the )?(?:results|shortlist|list)|"
        r"décision|réponse|(?<!de )retour\b|reviendr\w*|reviens vers|(?:te|vous) reviens|(?:te|vous) revenons|revenir vers vous|recontact\w*|decisión|respuesta|noticias|"
        # "we will revert with the schedule", "Sie hören bis Freitag von uns", "vous aurez de nos nouvelles"
        r"revert|in touch|von uns|bescheid|resposta|retorno|novidades|nouvelles|te (?:escribiremos|contactaremos|diremos)|volveremos"
        # "I'll come back to you by next Friday", "we'll circle back by EOW", "send you scheduling options by"
        r"|come back to you|circle back|send you (?:\w+ ){0,2}(?:options|times|slots)"
        # "expect to hear by Friday", "I'll follow up by Wednesday", "let all candidates know the outcome"
        # (not "let me know": that is the reader's to do)
        r"|hear by|hear back|follow(?:-| )?up|let (?!me\b|us\b)(?:\w+ ){1,4}know|outcome|notif(?:ied|y)|te diré|diré algo|cómo seguimos"
        # Dutch: "laten we je weten", "een beslissing", "terugkoppeling", "je hoort van ons"
        r"|(?:laten|laat) (?:we |ze |zij |ik )?(?:je |u |jou |het )?(?:\w+ ){0,7}weten|beslissing|besluit|uitsluitsel|uitkomst|terugkoppeling|hoort (?:\w+ )?van ons|(?:u|je|jij) hoort\b|reactie"
        # Italian, Swedish, Danish, Norwegian, Polish
        r"|faremo sapere|(?:una )?risposta|riscontro|ricontatter\w*|aggiornamento|återkommer|besked|återkoppling"
        r"|vender (?:tilbage|retur)|tilbagemelding|tilbakemelding|kommer tilbake|odezwiemy|odpowied\w*|decyzj\w*|damy (?:znać|odpowied\w*))"
    ),
)
_END_OF_WEEK = re.compile(
    r"\b(?:by|before|until|bis|d['’]ici)\s+(?:the\s+)?(?:end\s+of\s+(?:(?P<which>this|next|the)\s+)?week|eow)\b"
    r"|\bEnde\s+(?P<de>dieser|nächster|der nächsten|der)\s+Woche\b"
    r"|\b(?:voor|vóór|tegen)\s+(?:het\s+)?eind(?:e)?\s+van\s+(?P<nl>de(?:ze)?\s+week|volgende\s+week|de\s+volgende\s+week)"
    r"|\bfin\s+de\s+(?P<fr>cette|la semaine prochaine)"
    r"|\bfinal(?:es)?\s+de\s+(?P<es>esta semana|la semana que viene|la próxima semana|la semana próxima)"
    r"|\bantes de que (?:acabe|termine|finalice)\s+(?P<es2>esta semana|la semana que viene|la próxima semana)"
    r"|\bfinal\s+da\s+(?P<pt>próxima semana|semana que vem|semana)"
    r"|\bentro la fine della\s+(?P<it>prossima settimana|settimana)"
    r"|\bi slutet av\s+(?P<sv>nästa vecka|veckan)|\binden udgangen af\s+(?P<da>næste uge|ugen)"
    r"|\bdo końca\s+(?P<pl>przyszłego tygodnia|tygodnia)",
    re.IGNORECASE,
)
# A sentence ends at "!", "?", a blank line, or a period before a capital; not at the period of a
# German ordinal ("bis Freitag, 11. Dezember") or of an abbreviation before a number ("Dec. 11").
_SENTENCE_END = re.compile(
    r"(?<=[!?])\s+|\n\s*\n|(?<=\D\.)\s+(?=[A-ZÀ-Ý\"'“])"
    r"|(?<=\d\.)\s+(?=[A-ZÀ-Ý])(?!Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)"
)


_NEXT_WEEK = {"next", "nächster", "der nächsten", "la semaine prochaine", "la semana que viene",
              "la próxima semana", "la semana próxima", "próxima semana", "semana que vem",
              "prossima settimana", "nästa vecka", "næste uge", "przyszłego tygodnia", "volgende week",
              "de volgende week"}  # fmt: skip
# "your answer by Friday", "votre réponse d'ici le 11": the candidate's deadline, not the employer's.
_YOURS = re.compile(
    # (Dutch "je" is also French "je": "je reviendrai vers vous" is the employer's promise)
    factored(
        r"\b(?:your|votre|vos|tu|tus|su|sus|ihre|deine|uw|jouw)\s+$|\b(?:please|kindly|merci de|bitte|graag)\s+(?:\w+\s+){0,2}$"
        # "they've asked for an answer by Thursday": the answer wanted is the candidate's
        r"|\b(?:asked|ask|asking|need|needs|needed|want|wants|would like|love|like|appreciate)\s+(?:you\s+)?(?:for\s+)?$"
        r"|\b(?:nos|me) (?:des|dieras|diera|dé|envíes|mandes|confirmes|dês|dê)\s+(?:una\s+|uma\s+|tu\s+)?$"
    )
)


# "Wilt u uiterlijk woensdag 11 november laten weten welk moment uw voorkeur heeft?": a sentence
# that asks the reader for something sets the reader's deadline.
_ASKS_READER = re.compile(
    r"(?:wilt|kunt|wil|kun|zou|zoudt) (?:u|je|jij)\b|(?:could|would|can|will) you\b"
    r"|(?:pourriez|pouvez|voudriez|voulez)[- ]vous\b|(?:könnten|können|würden) sie\b|(?:kannst|könntest) du\b"
    r"|(?:podría|puede|podrías|puedes|podrían|pueden) (?:usted |ustedes )?(?:confirmar|indicar|enviar|decir|responder)",
    re.IGNORECASE,
)


# "If you have not received it by Monday evening, let me know": a date inside a condition.
_CONDITION = re.compile(r"\b(?:if|unless|si|falls|wenn|indien|mocht)\b[^,;]{0,60}$", re.IGNORECASE)


def _employer_answers(sentence: str) -> bool:
    """A word about deciding or answering that is not the reader's own ("your answer"). The
    patterns are lower case and run on lower-cased text: case-insensitive alternations are slow."""
    lowered = sentence.lower()
    return any(
        not _YOURS.search(lowered, max(0, m.start() - 20), m.start()) for m in _DECISION.finditer(lowered)
    )


def _friday(anchor: date, next_week: bool) -> date:
    """The Friday that ends this (Monday-based) week, or the next one; a weekend is already the end."""
    if next_week:
        return anchor + timedelta(days=7 - anchor.weekday() + 4)
    return anchor + timedelta(days=max(0, 4 - anchor.weekday()))


def _promise_distance(sentence: str, start: int, end: int) -> int | None:
    """How far the deadline at start…end is from the nearest word about answering, when that word
    is the employer's: in "we'd love an answer by Friday, … the right decision", Friday is the
    reader's deadline."""
    lowered = sentence.lower()
    distances = [
        (m.start() - end if m.start() >= end else start - m.end(), m) for m in _DECISION.finditer(lowered)
    ]
    if not distances:
        return None
    distance, nearest = min(distances, key=lambda pair: pair[0])
    return None if _YOURS.search(lowered, max(0, nearest.start() - 20), nearest.start()) else distance


def find_respond_by(text: str, anchor: date) -> date | None:
    """The first sentence with a promised date wins; within it, the date nearest the promise ("he
    is away until Tuesday, so we'll have feedback by Wednesday" gives Wednesday)."""
    for raw_sentence in _SENTENCE_END.split(text):
        sentence = " ".join(raw_sentence.split())
        if not _employer_answers(sentence) or _ASKS_READER.match(sentence):
            continue
        candidates: list[tuple[int, date]] = []
        week = _END_OF_WEEK.search(sentence)
        if week and (distance := _promise_distance(sentence, week.start(), week.end())) is not None:
            which = next((g for g in week.groups() if g), "").lower()
            candidates.append((distance, _friday(anchor, which in _NEXT_WEEK)))
        for hit in find_dates(sentence, anchor):
            before = sentence[: hit.start]
            if _DEADLINE_CUE.search(before) and hit.day >= anchor and not _CONDITION.search(before):
                distance = _promise_distance(sentence, hit.start, hit.end)
                if distance is not None:
                    candidates.append((distance, hit.day))
        if candidates:
            return min(candidates, key=lambda pair: pair[0])[1]
    return None
