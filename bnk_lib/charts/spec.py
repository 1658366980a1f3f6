"""A chart is a small specification; renderers (plotly, matplotlib) only draw what it says."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from .. import fmt
from ..catalogue import Indicator

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
ROLE_COLOURS = {"municipality": "#0072B2", "land": "#E69F00", "bund": "#009E73"}
PEER_COLOURS = ["#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]


@dataclass(frozen=True)
class Series:
    name: str
    role: str  # municipality | land | bund | peer
    years: list[int]
    values: list[float | None]  # None = gap (kept as a gap, never interpolated)
    colour: str


@dataclass(frozen=True)
class ChartSpec:
    kind: str  # "time_series" | "bars"
    chart_id: str
    title: str
    unit: str
    direction_de: str
    source_line: str
    alt_text: str
    series: list[Series] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # regions asked for but without a value (said, not hidden)

    @property
    def has_data(self) -> bool:
        return any(v is not None for s in self.series for v in s.values)

    @property
    def empty_message(self) -> str:
        return f"Keine Daten: Für „{self.title}“ liegen keine Werte vor."


def source_line(rows: pd.DataFrame) -> str:
    """'Quelle: <data holders>; bereitgestellt über <provider> (<licence>); Datenjahr …; abgerufen am …'."""
    if rows.empty:
        return ""
    first = rows.iloc[0]
    years = rows["year"].dropna()
    year_text = (
        f"Datenjahre {int(years.min())}–{int(years.max())}" if years.nunique() > 1
        else f"Datenjahr {int(years.iloc[0])}" if len(years) else "Datenjahr nicht angegeben"
    )
    return (
        f"Quelle: {first['source']}; bereitgestellt über {first['provider']} ({first['licence']}); "
        f"{year_text}; abgerufen am {fmt.date(str(first['retrieved_at']))}"
    )


def _series(rows: pd.DataFrame, name: str, role: str, colour: str) -> Series:
    rows = rows.dropna(subset=["year"]).sort_values("year")
    values = [None if math.isnan(v) else float(v) for v in rows["value"]]
    return Series(name, role, [int(y) for y in rows["year"]], values, colour)


def time_series(
    frame: pd.DataFrame,
    indicator: Indicator,
    municipality: tuple[str, str],
    land: tuple[str, str] | None = None,
    bund: tuple[str, str] | None = None,
    peers: list[tuple[str, str]] | None = None,
) -> ChartSpec:
    """Time series of one indicator for the municipality with Land, Bund and peers ((key, name) pairs)."""
    data = frame[frame["indicator_id"] == indicator.id]
    series: list[Series] = []
    wanted = [(municipality, "municipality", ROLE_COLOURS["municipality"])]
    if land:
        wanted.append((land, "land", ROLE_COLOURS["land"]))
    if bund:
        wanted.append((bund, "bund", ROLE_COLOURS["bund"]))
    for i, peer in enumerate(peers or []):
        wanted.append((peer, "peer", PEER_COLOURS[i % len(PEER_COLOURS)]))
    for (key, name), role, colour in wanted:
        rows = data[data["ags"] == key]
        if not rows.dropna(subset=["year"]).empty:
            label = f"{name} (Landesdurchschnitt)" if role == "land" else name
            series.append(_series(rows, label, role, colour))
    own = data[data["ags"] == municipality[0]]
    unit = str(own["unit"].iloc[0]) if not own.empty else indicator.unit
    return ChartSpec(
        kind="time_series",
        chart_id=f"chart-{indicator.id.replace('.', '-')}",
        title=indicator.name,
        unit=unit,
        direction_de=indicator.direction_de,
        source_line=source_line(data[data["ags"].isin([k for (k, _), _, _ in wanted])]),
        alt_text=_alt_text(indicator.name, unit, series),
        series=series,
    )


def _alt_text(title: str, unit: str, series: list[Series]) -> str:
    if not series:
        return f"Keine Daten für {title}."
    parts = []
    for s in series:
        points = [(y, v) for y, v in zip(s.years, s.values, strict=True) if v is not None]
        if not points:
            continue
        (y0, v0), (y1, v1) = points[0], points[-1]
        if y0 == y1:
            parts.append(f"{s.name} {y1}: {fmt.number(v1)} {unit}")
        else:
            parts.append(f"{s.name} {y0}–{y1}: von {fmt.number(v0)} {unit} auf {fmt.number(v1)} {unit}")
    return f"Liniendiagramm {title}. " + "; ".join(parts) + "."


GREY = "#8c8c8c"


def comparison_bars(
    frame: pd.DataFrame,
    indicator: Indicator,
    municipality: tuple[str, str],
    others: list[tuple[str, str]],
    year: int | None = None,
) -> ChartSpec:
    """Latest-year values of the municipality (highlighted) beside Land, Bund or peers ((key, name) pairs)."""
    data = frame[(frame["indicator_id"] == indicator.id)].dropna(subset=["year"])
    own = data[data["ags"] == municipality[0]]
    if year is None and not own.empty:
        year = int(own["year"].max())
    series: list[Series] = []
    missing: list[str] = []
    for key, name in [municipality, *others]:
        rows = data[(data["ags"] == key) & (data["year"] == year)]
        if rows.empty:
            missing.append(name)
            continue
        role = "municipality" if key == municipality[0] else ("land" if len(key) == 2 else "peer")
        colour = ROLE_COLOURS["municipality"] if role == "municipality" else (
            ROLE_COLOURS["land"] if role == "land" else GREY)
        series.append(Series(name, role, [int(year)], [float(rows["value"].iloc[0])], colour))  # type: ignore[arg-type]
    unit = str(own["unit"].iloc[0]) if not own.empty else indicator.unit
    title = f"{indicator.name} {year} im Vergleich" if year else indicator.name
    values = "; ".join(f"{s.name}: {fmt.number(s.values[0])} {unit}" for s in series)
    alt = f"Balkendiagramm {title}. {values}." if series else f"Keine Daten für {indicator.name}."
    if missing and series:
        alt += f" Keine Werte für: {', '.join(missing)}."
    used = data[data["ags"].isin([k for k, _ in [municipality, *others]]) & (data["year"] == year)]
    return ChartSpec(
        kind="bars",
        chart_id=f"bars-{indicator.id.replace('.', '-')}",
        title=title,
        unit=unit,
        direction_de=indicator.direction_de,
        source_line=source_line(used),
        alt_text=alt,
        series=series,
        missing=missing if series else [],
    )
