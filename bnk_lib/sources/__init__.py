"""Indicator data providers. Each returns the tidy IndicatorFrame (see frame.COLUMNS).

Providers: `wegweiser` (Wegweiser Kommune Data API), `inkar` (BBSR INKAR), `snapshot` (legacy
SDG-Portal snapshot files), `file` (the municipality's own CSV/XLSX), and the embedded default data
in data/indicators/ for offline reports.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import DataSourceError
from .frame import COLUMNS, empty_frame, normalise, read_csv, write_csv_atomic
from .http import HttpClient, HttpSettings
from .inkar import InkarProvider
from .own import OwnData, read_own_data
from .snapshot import read_snapshot
from .wegweiser import BUND_KEY, WegweiserProvider

PROVIDERS = ("wegweiser", "inkar", "snapshot", "file")

__all__ = [
    "BUND_KEY", "COLUMNS", "PROVIDERS", "HttpClient", "HttpSettings", "InkarProvider", "OwnData",
    "WegweiserProvider", "embedded_path", "empty_frame", "fetch", "load_indicator_data", "normalise", "read_csv",
    "read_own_data", "read_snapshot", "write_csv_atomic",
]


def embedded_path(ags: str) -> Path:
    return paths.data_dir() / "indicators" / f"{ags}.csv"


def fetch(
    provider: str,
    ags: list[str] | None = None,
    indicators: list[str] | None = None,
    years: tuple[int, int] = (2014, 2023),
    file: Path | None = None,
    base_url: str | None = None,
    http: HttpClient | None = None,
    peers: int = 0,
) -> pd.DataFrame:
    """One entry point for every provider (used by `bnk fetch` and by online reports)."""
    if provider == "snapshot":
        if file is None:
            raise DataSourceError("Anbieter snapshot braucht eine Datei (--file SNAPSHOT.json).")
        return read_snapshot(file, ags=ags[0] if ags else None)
    if provider == "file":
        if file is None:
            raise DataSourceError("Anbieter file braucht eine Datei (--file DATEN.csv|xlsx).")
        frame = read_own_data(file).frame
        return frame[frame["ags"].isin(ags)] if ags else frame
    if not ags:
        raise DataSourceError(f"Anbieter {provider} braucht mindestens eine AGS (--ags).")
    if provider == "wegweiser":
        ww = WegweiserProvider(http, base_url=base_url)
        chosen = list(ags) + (ww.peers(ags[0], peers) if peers else [])  # peers: same Land and demographic type
        return ww.fetch(chosen, indicators, years)
    if provider == "inkar":
        return InkarProvider(http, base_url=base_url).fetch(ags, indicators, years)
    raise DataSourceError(f"Anbieter '{provider}' unbekannt; möglich: {', '.join(PROVIDERS)}.")


def load_indicator_data(
    ags: str, data_mode: str = "offline", http: HttpClient | None = None, peers: list[str] | None = None
) -> pd.DataFrame:
    """The report's indicator data: offline = embedded tables data/indicators/<AGS>.csv of the municipality
    and its peers (where present); online = Wegweiser Kommune for the municipality, its peers, Land and Bund."""
    if data_mode == "online":
        return fetch("wegweiser", [ags, *(peers or [])], http=http)
    if data_mode != "offline":
        raise DataSourceError(f"data_mode '{data_mode}' unbekannt; möglich: offline, online.")
    frames = [read_csv(embedded_path(key)) for key in [ags, *(peers or [])] if embedded_path(key).exists()]
    if not frames:
        return empty_frame()
    # a peer's file also holds its Land average: keep one copy per row
    return normalise(pd.concat(frames, ignore_index=True).drop_duplicates(["ags", "indicator_id", "year"]))
