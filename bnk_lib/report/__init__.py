"""The report: context, sections (used by the master notebook) and the render pipeline."""

from .context import ReportContext, build_context
from .sections import Fragment, appendix, indicator_part, introduction, profile, table_of_contents, title_page

__all__ = [
    "Fragment",
    "ReportContext",
    "appendix",
    "build_context",
    "indicator_part",
    "introduction",
    "profile",
    "table_of_contents",
    "title_page",
]
