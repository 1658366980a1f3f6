"""Qualitative report content: per aspect a comply-or-explain status and text, measures, own indicators."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..catalogue import Indicator

REPORTED = "berichtet"
NOT_REPORTED = "nicht berichtet – Begründung"
NOT_APPLICABLE = "nicht zutreffend"
STATUSES = (REPORTED, NOT_REPORTED, NOT_APPLICABLE)


@dataclass(frozen=True)
class AspectContent:
    aspect_id: str
    status: str  # one of STATUSES, or "" (open)
    text: str = ""  # Markdown; for NOT_REPORTED/NOT_APPLICABLE the reason
    documents: str = ""  # Konzepte, Strategien, Leitbilder, Beschlüsse
    unit: str = ""  # responsible unit
    contact: str = ""
    edited: str = ""


@dataclass(frozen=True)
class Measure:
    title: str
    criterion_id: str
    sdgs: str = ""
    status: str = ""
    period: str = ""
    budget: str = ""
    responsible: str = ""
    description: str = ""  # Markdown
    link: str = ""
    lighthouse: bool = False  # Leuchtturmprojekt: shown as a highlighted box


@dataclass
class ReportContent:
    source: str  # file or folder it came from
    aspects: dict[str, AspectContent] = field(default_factory=dict)
    measures: list[Measure] = field(default_factory=list)
    own_data: pd.DataFrame | None = None  # IndicatorFrame rows of the municipality's own indicators
    own_indicators: list[Indicator] = field(default_factory=list)
    own_criteria: dict[str, str] = field(default_factory=dict)  # own indicator id -> criterion id
    sample: bool = False  # illustrative example content, never the municipality's statements

    def status(self, aspect_id: str) -> str:
        entry = self.aspects.get(aspect_id)
        return entry.status if entry else ""
