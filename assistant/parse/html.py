"""HTML → readable text, keeping the structure that carries meaning in recruiting mail.

Schedules often come as tables ("2:00 PM | Priya Shah | Engineering Manager"), so cells are kept
on one line separated by " | " and rows on their own lines; block elements become line breaks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup

_BLOCKS = (
    "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "header", "footer", "hr",
)  # fmt: skip


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def html_to_text(html: str) -> str:
    soup = _soup(html)
    for tag in soup(["script", "style", "head", "title", "noscript"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.append(" | ")
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n")
        block.append("\n")
    lines = (" ".join(line.split()).strip(" |") for line in soup.get_text().splitlines())
    text = "\n".join(line for line in lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def json_ld_objects(html: str) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's `application/ld+json` scripts, flattened from @graph."""
    if "ld+json" not in html:
        return
    for script in _soup(html).find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
