"""Where the rules and the word model disagree, which one to believe.

The rules decide; the model (`kind_model`) overrules them only when it knows enough of the
message's words, and most of them, finds the rules' answer unlikely and its own likely. Facts about
the message's structure are never overruled: the owner's own mail, the owner sitting on the
interviewing side, calendar replies and cancellations; a word model cannot see those, and the
contract depends on them. Nor are the outcomes the rules read in words.

Becoming a confirmation asks more, because a false confirmation costs a thank-you for a meeting that
never happened: the model must be confident, a time must have been found, and only the rules' soft
verdicts (a reply, a request for times, `other`) can be raised; an outcome or a cancellation the
rules found in words stays what they found. Slots laid out on two or more days are options to
choose from: no word count makes one of them fixed.

The thresholds were chosen by replaying earlier held-out batches (README, "A second opinion"):
the model trained without each batch, the rules as they stood when the batch was first scored.
"""

from __future__ import annotations

from assistant.extract.classify import Signals
from assistant.extract.kind_model import Opinion
from assistant.model import Kind

# Real mail, headers and signature aside, gives the model 28 or more words it knows; a one-line
# note gives it a dozen or two, too few to overrule anything.
MIN_WORDS = 25
# On corpus mail the model knows 55 % or more of a message's words (96 % typically); on mail in a
# language it was never trained on, 25-40 %. Below half, it is guessing from the few English words.
MIN_SHARE = 0.5
DOUBT = 0.15
BELIEF = 0.30
CONFIDENT_CONFIRMATION = 0.60
_MAY_BECOME_CONFIRMATION = {Kind.RECRUITER_REPLY, Kind.SCHEDULING_REQUEST, Kind.OTHER}
# An outcome the rules found in words ("we will not be moving forward") is a precise reading; a
# bag of words sees "moving forward" and disagrees.
_OUTCOMES = {Kind.REJECTION, Kind.OFFER}


def reconsider(kind: Kind, signals: Signals, opinion: Opinion) -> Kind:
    probabilities = opinion.probabilities
    if opinion.words < MIN_WORDS or opinion.share < MIN_SHARE:
        return kind
    if (
        kind in _OUTCOMES
        or signals.from_owner
        or signals.owner_is_colleague
        or signals.calendar_reply
        or signals.calendar_cancel
    ):
        return kind
    favoured = max(probabilities, key=lambda k: probabilities[k])
    if favoured is kind or probabilities[kind] >= DOUBT or probabilities[favoured] <= BELIEF:
        return kind
    if favoured is Kind.INTERVIEW_CONFIRMATION and not (
        kind in _MAY_BECOME_CONFIRMATION
        and signals.has_future_time
        and signals.offered_days < 2
        and probabilities[favoured] >= CONFIDENT_CONFIRMATION
    ):
        return kind
    return favoured
