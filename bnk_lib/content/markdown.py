"""Markdown → safe HTML. Raw HTML in the input is never passed through: markdown-it renders it as text
(html disabled) and nh3 (Ammonia) cleans the result again, so no script or event handler survives."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4", "h5",
         "table", "thead", "tbody", "tr", "th", "td", "hr"}


def to_html(text: str) -> str:
    rendered = _MD.render(text or "")
    return nh3.clean(
        rendered,
        tags=_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
