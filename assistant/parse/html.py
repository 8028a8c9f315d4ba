"""HTML → readable text, keeping the structure that carries meaning in recruiting mail.

Schedules often come as tables ("2:00 PM | Priya Shah | Engineering Manager"), so a row of a data
table stays on one line with " | " between its cells, while the layout tables mail templates are
built from (rows of one cell, or cells holding further tables) read as ordinary blocks. Block
elements become line breaks and blockquotes become "> " lines, so quoted history can be told from
the new text. BeautifulSoup builds the tree with lxml (fast, and it repairs tag soup as browsers
do: implied end tags for cells and rows, stray closing tags); this module only decides how each
element reads. It runs only for mail without a usable text part.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PreformattedString, Tag

_BREAKS = frozenset(
    ("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
     "section", "article", "header", "footer", "center", "pre", "address", "caption", "form", "tr")
)  # fmt: skip
# Struck-through text ("<s>Thu 12 Nov, 1 PM</s> Tue 17 Nov, 11:30 AM") is what a reschedule replaced.
_HIDDEN = frozenset(("script", "style", "head", "title", "noscript", "template", "svg", "s", "strike", "del"))
_SPACE = re.compile(r"[ \t\r\n\f\v\xa0\u200b]+")
_MAX_INLINE_ROW = 300
_JSON_LD = re.compile(
    r"<script[^>]*type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)


def _tidy(text: str) -> list[str]:
    """Lines with spaces collapsed, at most one blank line in a row, none at either end."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _rows(table: Tag) -> Iterator[list[Tag]]:
    """The table's own rows (not those of tables nested in its cells), as lists of cells."""
    for row in table.find_all("tr"):
        if row.find_parent("table") is table:
            yield [cell for cell in row.find_all(("td", "th"), recursive=False)]


def _row(cells: list[Tag]) -> str:
    """A data row on one line; a layout row (one cell, nested tables, long text) as blocks."""
    filled = [lines for lines in (_tidy(_render_children(cell)) for cell in cells) if lines]
    inline = (
        len(filled) >= 2
        and not any(cell.find("table") for cell in cells)
        and sum(len(line) for lines in filled for line in lines) <= _MAX_INLINE_ROW
    )
    if inline:
        return " | ".join(", ".join(line for line in lines if line) for lines in filled)
    return "\n" + "\n\n".join("\n".join(lines) for lines in filled) + "\n"


def _render_children(node: Tag) -> str:
    return "".join(_render(child) for child in node.children)


def _render(node: Any) -> str:
    if isinstance(node, PreformattedString):  # comments, doctype, CDATA, processing instructions
        return ""
    if isinstance(node, NavigableString):
        inside_pre = node.find_parent("pre") is not None
        return str(node) if inside_pre else _SPACE.sub(" ", str(node))
    if not isinstance(node, Tag) or node.name in _HIDDEN:
        return ""
    if node.name in ("br", "hr"):
        return "\n"
    if node.name == "table":
        return "\n" + "\n".join(_row(cells) for cells in _rows(node) if cells) + "\n"
    if node.name == "blockquote":
        lines = _tidy(_render_children(node))
        return "\n" + "\n".join(f"> {line}" if line else ">" for line in lines) + "\n"
    inner = _render_children(node)
    return f"\n{inner}\n" if node.name in _BREAKS else inner


def html_to_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    for hidden in soup.find_all(_HIDDEN):
        hidden.decompose()
    try:
        text = _render(soup)
    except RecursionError:  # absurdly deep markup: keep the words, lose the layout
        text = soup.get_text("\n")
    return "\n".join(_tidy(text))


def json_ld_objects(html: str) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's `application/ld+json` scripts, flattened from @graph."""
    for script in _JSON_LD.findall(html):
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
