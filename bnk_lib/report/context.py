"""Everything one report needs, gathered once from the library (regions, catalogue, indicator data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import __version__
from ..catalogue import Catalogue, Framework, Indicator, IndicatorCatalogue, load_catalogue
from ..charts.trend import Trend, assess_trend
from ..content import ReportContent, load_content
from ..errors import ReportError
from ..inputs import default_content
from ..project import Municipality, load_project
from ..regions import Region, default_index
from ..sources import load_indicator_data

FRAMEWORKS = {"bnk-1.0": "BNK 1.0 (2021)", "bnk-2.0": "BNK 2.0 (2024)"}
DEFAULT_FRAMEWORK = "bnk-1.0"  # structure verified; BNK 2.0 aspect texts are still placeholders
DATA_MODES = ("offline", "online")


@dataclass
class ReportContext:
    municipality: Region
    kreis: Region
    land: Region
    year: int
    framework: str
    data_mode: str
    full_catalogue: Catalogue
    data: pd.DataFrame
    content: ReportContent | None = None
    peers: list[Region] = field(default_factory=list)
    programme: str = ""
    process: Municipality | None = None  # the municipality's entry in the project file (working group, milestones)
    created: dt.date = field(default_factory=dt.date.today)
    tool_version: str = __version__

    @property
    def framework_title(self) -> str:
        return FRAMEWORKS.get(self.framework, self.framework)

    @property
    def catalogue(self) -> IndicatorCatalogue:
        return self.full_catalogue.indicators

    @property
    def bnk(self) -> Framework:
        return self.full_catalogue.framework(self.framework)

    def rows(self, indicator: Indicator, key: str | None = None) -> pd.DataFrame:
        key = key or self.municipality.ags
        data = self.data
        return data[(data["indicator_id"] == indicator.id) & (data["ags"] == key)]

    def own_indicators(self, criterion_id: str) -> list[Indicator]:
        """The municipality's own indicators (from its content) placed in this criterion's chapter."""
        if self.content is None:
            return []
        return [i for i in self.content.own_indicators if self.content.own_criteria.get(i.id) == criterion_id]

    def trend(self, indicator: Indicator) -> Trend:
        rows = self.rows(indicator).dropna(subset=["year"])
        return assess_trend([int(y) for y in rows["year"]], rows["value"].tolist(), indicator.direction)

    def latest(self, indicator: Indicator, key: str | None = None) -> pd.Series | None:
        """The newest row (by year; a value without year only if nothing else exists)."""
        rows = self.rows(indicator, key)
        if rows.empty:
            return None
        dated = rows.dropna(subset=["year"])
        return (dated if not dated.empty else rows).sort_values("year").iloc[-1]


def build_context(
    ags: object,
    year: object = 2026,
    framework: str = DEFAULT_FRAMEWORK,
    data_mode: str = "offline",
    content: str | Path | None = None,
    catalogue_file: str | Path | None = None,
    project: str | Path | None = None,
    peers: list[str] | None = None,
) -> ReportContext:
    regions = default_index()
    municipality = regions.municipality(ags)
    if data_mode not in DATA_MODES:
        raise ReportError(f"data_mode '{data_mode}' unbekannt; möglich: {', '.join(DATA_MODES)}.")
    try:
        report_year = int(str(year))
    except ValueError:
        raise ReportError(f"Berichtsjahr '{year}' ist keine Jahreszahl.") from None
    if not 2000 <= report_year <= 2100:
        raise ReportError(f"Berichtsjahr {report_year} liegt außerhalb von 2000–2100.")
    catalogue = load_catalogue(Path(catalogue_file) if catalogue_file else None)
    catalogue.framework(framework)  # fails clearly for an unknown framework
    report_content = _content(content or default_content(municipality.ags), catalogue, framework)
    programme, process = "", None
    if project:
        loaded = load_project(project)
        programme, process = loaded.project.programme, loaded.municipality(municipality.ags)
    if peers is None and process is not None:
        peers = process.peers  # the project file names the municipality's peers
    peer_regions = [regions.municipality(p) for p in peers or []]
    data = load_indicator_data(municipality.ags, data_mode, peers=[p.ags for p in peer_regions])
    if report_content is not None and report_content.own_data is not None and not report_content.own_data.empty:
        data = pd.concat([data, report_content.own_data], ignore_index=True)
    return ReportContext(
        municipality=municipality,
        kreis=regions.kreis_of(municipality),
        land=regions.land_of(municipality),
        year=report_year,
        framework=framework,
        data_mode=data_mode,
        full_catalogue=catalogue,
        data=data,
        content=report_content,
        programme=programme,
        process=process,
        peers=peer_regions,
    )


def _content(path: str | Path | None, catalogue: Catalogue, framework: str) -> ReportContent | None:
    if not path:
        return None
    result = load_content(path, catalogue, framework)
    if result.blocking:
        listed = "; ".join(str(p) for p in result.blocking[:5])
        more = f" (und {len(result.blocking) - 5} weitere)" if len(result.blocking) > 5 else ""
        raise ReportError(f"Inhalte '{path}' haben {len(result.blocking)} Fehler: {listed}{more}. "
                          f"Alle Probleme mit: bnk check {path}")
    return result.content
