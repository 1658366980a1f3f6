"""Indicator data providers. Each returns the tidy IndicatorFrame (see frame.COLUMNS)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import DataSourceError
from .frame import COLUMNS, empty_frame, normalise, read_csv, write_csv_atomic
from .snapshot import read_snapshot

__all__ = ["COLUMNS", "empty_frame", "normalise", "read_csv", "write_csv_atomic", "read_snapshot",
           "load_indicator_data", "embedded_path"]


def embedded_path(ags: str) -> Path:
    return paths.data_dir() / "indicators" / f"{ags}.csv"


def load_indicator_data(ags: str, data_mode: str = "offline") -> pd.DataFrame:
    """The report's indicator data: offline = the embedded table in data/indicators/<AGS>.csv."""
    if data_mode != "offline":
        raise DataSourceError(
            f"data_mode '{data_mode}' wird noch nicht unterstützt; verfügbar ist 'offline' "
            f"(eingebettete Daten in data/indicators/)."
        )
    path = embedded_path(ags)
    if not path.exists():
        return empty_frame()
    return read_csv(path)
