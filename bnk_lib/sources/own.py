"""The municipality's own data: CSV or XLSX in one documented layout, validated cell by cell.

Layout (header row, any column order; CSV with ',' or ';'):

| column        | required | meaning                                                             |
|---------------|----------|---------------------------------------------------------------------|
| ags           | yes      | 8-digit AGS as text (leading zero!)                                 |
| indicator_id  | yes      | a catalogue id (e.g. sdgp.sgb_quote) or a new own id `own.<name>`   |
| name          | own only | name of a new own indicator                                         |
| unit          | own only | unit (for catalogue ids the catalogue's unit is used when empty)    |
| year          | yes      | data year, 1990–2100                                                |
| value         | yes      | number; 5.35 or German 5,35                                         |
| source        | yes      | who produced the value (e.g. "Stadt Heidelberg, Amt für Umwelt")    |
| sdg           | no       | SDG 1–17 of a new own indicator                                     |
| licence       | no       | licence of the value (default: "Eigene Daten der Kommune")          |

All problems are collected and reported together, each with file, sheet, cell (XLSX) or line (CSV).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from babel.numbers import NumberFormatError, parse_decimal
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ..catalogue import Indicator, IndicatorCatalogue, load_indicators
from ..errors import DataSourceError
from ..regions import AGS_PATTERN
from .frame import COLUMNS, normalise

REQUIRED = ["ags", "indicator_id", "year", "value", "source"]
OPTIONAL = ["name", "unit", "sdg", "licence"]
OWN_ID = re.compile(r"^own\.[a-z0-9_]+$")
PROVIDER = "Eigene Daten"
MAX_LISTED = 25


@dataclass
class OwnData:
    frame: pd.DataFrame
    indicators: list[Indicator]  # new own indicators (not in the catalogue)


def _read_rows(path: Path) -> tuple[list[str], list[tuple[str, list[Any]]], str]:
    """Header, [(place, cells)] and a label for messages; place is 'Zelle {col}{row}' or 'Zeile n'."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for foreign files
            raise DataSourceError(f"{path}: keine lesbare Excel-Datei ({exc.__class__.__name__}).") from None
        sheet = workbook["Daten"] if "Daten" in workbook.sheetnames else workbook.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        label = f"{path.name}, Blatt '{sheet.title}'"
        header = [str(c).strip().lower() if c is not None else "" for c in (rows[0] if rows else [])]
        body = [(f"Zeile {n}", list(r)) for n, r in enumerate(rows[1:], start=2)]
        return header, body, label
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataSourceError(f"Datei '{path}' nicht gefunden.") from None
    except UnicodeDecodeError:
        raise DataSourceError(f"{path}: nicht UTF-8-kodiert; bitte als 'CSV UTF-8' speichern.") from None
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    rows_csv = list(csv.reader(text.splitlines(), dialect))
    header = [c.strip().lower() for c in (rows_csv[0] if rows_csv else [])]
    return header, [(f"Zeile {n}", list(r)) for n, r in enumerate(rows_csv[1:], start=2)], path.name


@dataclass
class _Row:
    cells: list[Any]
    line: int
    col: dict[str, int]
    label: str
    xlsx: bool

    def get(self, name: str) -> Any:
        index = self.col.get(name)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def where(self, name: str) -> str:
        """'datei.xlsx, Blatt 'Daten', Zelle F5' or 'datei.csv, Zeile 5, Spalte 'value''."""
        if self.xlsx:
            return f"{self.label}, Zelle {get_column_letter(self.col[name] + 1)}{self.line}"
        return f"{self.label}, Zeile {self.line}, Spalte '{name}'"


def parse_number(raw: Any) -> float | None:
    """5.35, 5,35 or 1.234,5 (German) -> float; None if not a number."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return float(raw)
    text = str(raw).strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        return float(text)
    try:
        return float(parse_decimal(text, locale="de_DE", strict=True))
    except (NumberFormatError, ValueError):
        return None


def read_own_data(path: Path, catalogue: IndicatorCatalogue | None = None) -> OwnData:
    catalogue = catalogue or load_indicators()
    path = Path(path)
    header, body, label = _read_rows(path)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DataSourceError(
            f"{label}: Spalte(n) {', '.join(missing)} fehlen in der Kopfzeile. Erwartet: "
            f"{', '.join(REQUIRED + OPTIONAL)} (siehe README, Abschnitt Eigene Daten)."
        )
    col = {name: header.index(name) for name in REQUIRED + OPTIONAL if name in header}
    xlsx = label != path.name
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    own: dict[str, Indicator] = {}
    this_year = dt.date.today().year

    for place, cells in body:
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        row = _Row(cells, int(place.split()[1]), col, label, xlsx)
        cell, where = row.get, row.where

        ags = "" if cell("ags") is None else str(cell("ags")).strip()
        if isinstance(cell("ags"), (int, float)):
            problems.append(f"{where('ags')}: AGS {cell('ags')!r} ist eine Zahl – die führende Null geht verloren; "
                            "Zelle als Text formatieren (z. B. '01001000').")
        elif not AGS_PATTERN.match(ags):
            problems.append(f"{where('ags')}: AGS '{ags}' hat nicht 8 Ziffern.")
        indicator_id = str(cell("indicator_id") or "").strip()
        unit = str(cell("unit") or "").strip()
        if indicator_id in catalogue:
            unit = unit or catalogue.get(indicator_id).unit
        elif OWN_ID.match(indicator_id):
            name = str(cell("name") or "").strip()
            goal = parse_number(cell("sdg")) if cell("sdg") not in (None, "") else None
            if not name or not unit:
                problems.append(f"{where('indicator_id')}: eigener Indikator '{indicator_id}' braucht 'name' und "
                                "'unit'.")
            elif goal is not None and goal not in range(1, 18):
                problems.append(f"{where('sdg')}: SDG '{cell('sdg')}' liegt nicht zwischen 1 und 17.")
            else:
                own.setdefault(indicator_id, Indicator(
                    id=indicator_id, name=name, unit=unit, sdg=int(goal) if goal else None, direction="none",
                    direction_status="placeholder", status="verified", data_providers=str(cell("source") or ""),
                ))
        else:
            problems.append(f"{where('indicator_id')}: '{indicator_id}' ist weder eine Katalog-Kennung noch eine "
                            "eigene Kennung der Form own.name (bnk catalogue show listet die Kennungen).")
        year = parse_number(cell("year")) if cell("year") is not None else None
        if year is None or year != int(year) or not 1990 <= year <= this_year:
            problems.append(f"{where('year')}: Jahr '{cell('year')}' liegt nicht zwischen 1990 und {this_year}.")
        value = parse_number(cell("value")) if cell("value") not in (None, "") else None
        if value is None:
            problems.append(f"{where('value')}: Wert '{cell('value')}' ist keine Zahl.")
        source = str(cell("source") or "").strip()
        if not source:
            problems.append(f"{where('source')}: Quelle fehlt – jede Zahl im Bericht braucht ihre Herkunft.")
        if value is not None and year is not None:
            rows.append({
                "ags": ags, "indicator_id": indicator_id, "year": int(year), "value": value, "unit": unit,
                "source": source, "provider": PROVIDER, "licence": str(cell("licence") or "Eigene Daten der Kommune"),
                "attribution": source, "retrieved_at": dt.date.fromtimestamp(path.stat().st_mtime).isoformat(),
                "level_used": "Gemeinde", "note": "",
            })
    if problems:
        listed = "\n  ".join(problems[:MAX_LISTED])
        more = f"\n  … und {len(problems) - MAX_LISTED} weitere" if len(problems) > MAX_LISTED else ""
        raise DataSourceError(f"{label}: {len(problems)} Problem(e):\n  {listed}{more}")
    return OwnData(normalise(pd.DataFrame(rows, columns=COLUMNS)), list(own.values()))

