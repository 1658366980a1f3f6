"""The one tidy indicator table every provider returns (IndicatorFrame) and its atomic CSV writer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..atomic import write_text
from ..errors import DataSourceError

COLUMNS = [
    "ags",  # region key: Gemeinde 8 digits, Kreis 5, Land 2
    "indicator_id",  # catalogue id
    "year",  # data year; empty where the provider gives a value without a year
    "value",
    "unit",
    "source",  # original data holders (e.g. Bundesagentur für Arbeit)
    "provider",  # who delivered the value to us (e.g. SDG-Portal snapshot, Wegweiser Kommune)
    "licence",
    "attribution",
    "retrieved_at",  # ISO date the provider's data were retrieved
    "level_used",  # Gemeinde | Kreis | Land: the level the value really belongs to
    "note",  # provider's remark on the series (definition change, data stand), may be empty
]
DTYPES: dict[str, str] = {"ags": "string", "indicator_id": "string", "year": "Int64", "value": "float64"}


def empty_frame() -> pd.DataFrame:
    return normalise(pd.DataFrame(columns=COLUMNS))


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Column order and types of the IndicatorFrame; keys stay strings (leading zeros!)."""
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DataSourceError(f"Indikatortabelle ohne Spalte(n): {', '.join(missing)}")
    frame = frame[COLUMNS].astype(DTYPES)
    for column in COLUMNS:
        if column not in DTYPES:  # text columns: empty means "", never NaN, so CSV round trips are exact
            frame[column] = frame[column].astype("string").fillna("")
    return frame.sort_values(["ags", "indicator_id", "year"], ignore_index=True)


def read_csv(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=DTYPES, encoding="utf-8")
    except FileNotFoundError:
        raise DataSourceError(f"Indikatordaten '{path}' nicht gefunden.") from None
    return normalise(frame)


def write_csv_atomic(frame: pd.DataFrame, path: Path) -> None:
    write_text(path, normalise(frame).to_csv(index=False))
