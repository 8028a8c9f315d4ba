"""PlannedDraft → RFC 5322 bytes via jinja2 templates handed in by the edge; proofreading."""

from assistant.render.draft import (
    RenderedDraft,
    Sender,
    TemplateProblem,
    draft_message_id,
    environment,
    render_draft,
    template_names,
    validate_templates,
)

__all__ = [
    "RenderedDraft",
    "Sender",
    "TemplateProblem",
    "draft_message_id",
    "environment",
    "render_draft",
    "template_names",
    "validate_templates",
]
