"""The report: context, sections (used by the master notebook) and the render pipeline."""

from .context import ReportContext, build_context
from .sections import (
    Fragment,
    appendix,
    criterion_blocks,
    framework_part,
    how_made,
    indicator_part,
    introduction,
    profile,
    table_of_contents,
    title_page,
)

__all__ = [
    "Fragment",
    "ReportContext",
    "appendix",
    "build_context",
    "criterion_blocks",
    "framework_part",
    "how_made",
    "indicator_part",
    "introduction",
    "profile",
    "table_of_contents",
    "title_page",
]
