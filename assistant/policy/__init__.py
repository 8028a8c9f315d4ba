"""(facts, state, now) → Plan: what to place, what waits, what lapsed. Pure; the clock is an argument."""

from assistant.policy.interviews import derive_interviews
from assistant.policy.plan import ThreadView, draft_key, evaluate, plan, thread_views
from assistant.policy.settings import PolicySettings

__all__ = [
    "PolicySettings",
    "ThreadView",
    "derive_interviews",
    "draft_key",
    "evaluate",
    "plan",
    "thread_views",
]
