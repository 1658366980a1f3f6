"""Qualitative content: Excel collection template, Markdown folders, validated import.

`load_content(path, …)` reads either a filled Erhebungsbogen (.xlsx) or a folder of Markdown files
(one per criterion, for consultants who write directly) and returns a CheckResult: the content, every
problem with its place, and a completeness table per criterion.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..catalogue import Catalogue
from ..errors import BnkError
from .excel import CheckResult, Problem, build_template, completeness, read_workbook, write_template
from .markdown import to_html
from .model import (
    NOT_APPLICABLE,
    NOT_REPORTED,
    REPORTED,
    STATUSES,
    AspectContent,
    Measure,
    ReportContent,
)

__all__ = [
    "NOT_APPLICABLE", "NOT_REPORTED", "REPORTED", "STATUSES", "AspectContent", "CheckResult", "Measure", "Problem",
    "ReportContent", "build_template", "load_content", "read_markdown_folder", "read_workbook", "to_html",
    "write_template",
]

SECTION = re.compile(r"^##\s+(\S+?)\s*:\s*(.*?)\s*$")


def _sections(path: Path) -> list[tuple[str, str, int, str]]:
    """(aspect id, status, line, text) for every `## id: status` section of one file."""
    sections: list[tuple[str, str, int, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = SECTION.match(line)
        if match:
            sections.append((match.group(1), match.group(2), number, ""))
        elif sections:
            aspect_id, status, start, text = sections[-1]
            sections[-1] = (aspect_id, status, start, f"{text}\n{line}")
    return sections


def read_markdown_folder(folder: Path, catalogue: Catalogue, framework_id: str) -> CheckResult:
    """Files `*.md`, each with sections `## <aspect-id>: <status>` followed by the Markdown text."""
    fw = catalogue.framework(framework_id)
    aspect_ids = {a.id for c in fw.criteria() for a in c.aspects}
    result = CheckResult(ReportContent(source=str(folder)))
    files = sorted(Path(folder).glob("*.md"))
    if not files:
        raise BnkError(f"{folder}: keine Markdown-Dateien (*.md) gefunden.")
    for path in files:
        for aspect_id, status, line, raw in _sections(path):
            text, place = raw.strip(), f"{path.name}:{line}"
            if aspect_id not in aspect_ids:
                result.problems.append(Problem(place, f"Aspekt-ID '{aspect_id}' gibt es im Berichtsrahmen nicht."))
            elif status not in STATUSES:
                allowed = ", ".join(STATUSES)
                result.problems.append(Problem(place, f"Status '{status}' ist nicht aus der Liste ({allowed})."))
            elif status in (REPORTED, NOT_REPORTED) and not text:
                result.problems.append(Problem(place, f"„{status}“ ohne Text bzw. Begründung."))
            else:
                result.content.aspects[aspect_id] = AspectContent(aspect_id, status, text)
    result.completeness = completeness(fw, result.content)
    return result


def load_content(path: str | Path, catalogue: Catalogue, framework_id: str | None) -> CheckResult:
    """framework_id None: an Excel template names its own framework; Markdown folders default to bnk-1.0."""
    path = Path(path)
    if path.is_dir():
        return read_markdown_folder(path, catalogue, framework_id or "bnk-1.0")
    if not path.exists():
        raise BnkError(f"Inhalte '{path}' nicht gefunden (Excel-Erhebungsbogen oder Ordner mit Markdown-Dateien).")
    return read_workbook(path, catalogue, framework_id)
