"""Hard-wrapped plain text joined back into sentences, for reading phrases across line breaks.

Mail clients wrap plain text at about 72 characters, so "Camille … se joindra à" and "nous pour la
deuxième moitié" land on two lines and no phrase pattern sees "se joindra à nous". Only the
obvious wraps are joined: a long line that does not end a sentence, followed by one that starts in
lower case. Layout lines (dates on their own line, bullets, tables) are short or capitalised and
stay as they are, so callers that pair dates with times keep using the text as written.
"""

from __future__ import annotations

import re

_STARTS_LOWER = re.compile(r"[ \t>]*[a-zà-ÿ(]")


def unwrap(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        previous = out[-1].rstrip() if out else ""
        if (
            len(previous) >= 50
            and not previous.endswith((".", "!", "?", ":", ";"))
            and _STARTS_LOWER.match(line)
        ):
            out[-1] = previous + " " + line.lstrip(" \t>")
        else:
            out.append(line)
    return "\n".join(out)
