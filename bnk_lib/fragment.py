"""A piece of report HTML that Jupyter displays through _repr_html_ (sections, fact boxes, tiles)."""

from __future__ import annotations


class Fragment:
    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup
