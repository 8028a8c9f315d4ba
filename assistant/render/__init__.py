"""PlannedDraft → RFC 5322 bytes via jinja2 templates handed in by the edge; proofreading."""

from assistant.render.draft import (
    RenderedDraft,
    Sender,
    draft_message_id,
    environment,
    render_draft,
    template_names,
)

__all__ = [
    "RenderedDraft",
    "Sender",
    "draft_message_id",
    "environment",
    "render_draft",
    "template_names",
]
