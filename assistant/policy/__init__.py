"""(facts, state, now) → Plan: what to place, what waits, what lapsed. Pure; the clock is an argument."""

from assistant.policy.interviews import derive_interviews
from assistant.policy.plan import draft_key, evaluate, plan
from assistant.policy.settings import PolicySettings

__all__ = ["PolicySettings", "derive_interviews", "draft_key", "evaluate", "plan"]
