"""SDG overview (17 tiles) and indicator fact boxes: HTML with real text, identical on screen and in print."""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from .. import fmt, sdg
from ..catalogue import Indicator, IndicatorCatalogue
from ..fragment import Fragment
from .spec import source_line
from .trend import MIN_POINTS, THRESHOLD, WINDOW, Trend, assess_trend

TREND_NOTE = (
    f"Trend: Steigung der letzten {WINDOW} Jahre mit Werten (mindestens {MIN_POINTS}), bezogen auf den "
    f"Mittelwert; „stabil“ bei weniger als {fmt.number(THRESHOLD)} % pro Jahr, sonst je nach Richtung des "
    "Indikators „verbessert“ oder „verschlechtert“. Lesehilfe der BNK-Werkbank, keine amtliche Methode."
)


def indicator_trend(frame: pd.DataFrame, indicator: Indicator, key: str) -> Trend:
    rows = frame[(frame["indicator_id"] == indicator.id) & (frame["ags"] == key)].dropna(subset=["year"])
    return assess_trend([int(y) for y in rows["year"]], rows["value"].tolist(), indicator.direction)


@dataclass(frozen=True)
class GoalSummary:
    goal: int
    indicators: int
    with_data: int
    trends: dict[str, int]


class SdgOverview:
    def __init__(self, goals: list[GoalSummary]) -> None:
        self.goals = goals

    def _repr_html_(self) -> str:
        tiles = []
        for g in self.goals:
            parts = [f"{n} {'ohne Trend' if label == 'unbestimmt' else label}" for label, n in g.trends.items() if n]
            trend = " · ".join(parts) if parts else "kein Trend bestimmbar"
            tiles.append(
                f'<li class="bnk-sdg-tile" style="--sdg:{sdg.COLOURS[g.goal]}">'
                f'<span class="bnk-sdg-no">{g.goal}</span> '
                f'<span class="bnk-sdg-title">{html.escape(sdg.TITLES[g.goal])}</span>'
                f'<span class="bnk-sdg-count">{g.with_data} von {g.indicators} Indikatoren mit Daten</span>'
                f'<span class="bnk-sdg-trend">{html.escape(trend)}</span></li>'
            )
        return (
            '<figure class="bnk-figure bnk-sdg-overview"><ul class="bnk-sdg-grid">' + "".join(tiles) + "</ul>"
            f'<figcaption><span class="bnk-caption-title">SDG-Übersicht</span> '
            f'<span class="bnk-source">{html.escape(TREND_NOTE)}</span></figcaption></figure>'
        )


def sdg_overview(frame: pd.DataFrame, catalogue: IndicatorCatalogue, key: str) -> SdgOverview:
    """Per goal: indicators in the catalogue, how many have data for `key`, and their trends."""
    goals = []
    for goal in range(1, 18):
        indicators = [i for i in catalogue if i.sdg == goal]
        with_data = [i for i in indicators if not frame[(frame["indicator_id"] == i.id) & (frame["ags"] == key)].empty]
        counts = Counter(indicator_trend(frame, i, key).label for i in with_data)
        ordered = {label: counts.get(label, 0) for label in
                   ("verbessert", "stabil", "verschlechtert", "gestiegen", "gesunken", "unbestimmt")}
        goals.append(GoalSummary(goal, len(indicators), len(with_data), ordered))
    return SdgOverview(goals)


class FactBox(Fragment):
    """Value, change, trend arrow, unit, year and source of one indicator."""


def fact_box(frame: pd.DataFrame, indicator: Indicator, key: str, land_key: str | None = None) -> FactBox:
    """Value, change over the trend window, trend arrow, unit, year and source of one indicator."""
    rows = frame[(frame["indicator_id"] == indicator.id) & (frame["ags"] == key)]
    title = html.escape(indicator.name)
    if rows.empty:
        return FactBox(f'<div class="bnk-factbox"><p class="bnk-factbox-title">{title}</p>'
                       '<p class="bnk-nodata">Keine Daten.</p></div>')
    dated = rows.dropna(subset=["year"]).sort_values("year")
    latest = (dated if not dated.empty else rows).iloc[-1]
    unit = html.escape(str(latest["unit"]))
    year = "ohne Jahresangabe" if pd.isna(latest["year"]) else str(int(latest["year"]))
    trend = indicator_trend(frame, indicator, key)
    change = ""
    if trend.first_year is not None and trend.first_year != trend.last_year:
        first = dated[dated["year"] == trend.first_year]["value"].iloc[0]
        delta = float(latest["value"]) - float(first)
        sign = "+" if delta > 0 else ""
        delta_unit = "Prozentpunkte" if unit == "%" else unit  # a change of a share is in points
        change = f'<p class="bnk-factbox-change">{sign}{fmt.number(delta)} {delta_unit} seit {trend.first_year}</p>'

    land = ""
    if land_key:
        land_rows = frame[(frame["indicator_id"] == indicator.id) & (frame["ags"] == land_key)].dropna(subset=["year"])
        if not land_rows.empty:
            lr = land_rows.sort_values("year").iloc[-1]
            land = (f'<p class="bnk-factbox-land">Landesdurchschnitt {int(lr["year"])}: '
                    f'{fmt.number(lr["value"])} {unit}</p>')
    return FactBox(
        f'<div class="bnk-factbox"><p class="bnk-factbox-title">{title}</p>'
        f'<p class="bnk-factbox-value">{fmt.number(latest["value"])} <span class="bnk-factbox-unit">{unit}</span></p>'
        f'<p class="bnk-factbox-year">{year}</p>{change}'
        f'<p class="bnk-factbox-trend"><span aria-hidden="true">{trend.arrow}</span> Trend: {trend.label}</p>{land}'
        f'<p class="bnk-source">{html.escape(source_line(rows))}</p></div>'
    )
