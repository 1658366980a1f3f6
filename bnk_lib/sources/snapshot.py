"""Provider for legacy SDG-Portal snapshot JSON files (the portal itself is offline since 2026-06-30).

The file names the municipality only by name/slug; the AGS is resolved through the official
municipality list. Fields added by the third party that captured the pages (score, quality,
dimension, summary, method, kwiScore) are not official statistics and are ignored.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..catalogue import IndicatorCatalogue, load_indicators
from ..errors import DataSourceError
from ..regions import RegionIndex, default_index
from .frame import COLUMNS, normalise

PROVIDER = "SDG-Portal (Snapshot)"
LICENCE = "dl-de/by-2-0"
ATTRIBUTION = "SDG-Portal / Bertelsmann Stiftung (Datenlizenz Deutschland – Namensnennung – 2.0)"


def resolve_municipality(name: str, regions: RegionIndex, source: str) -> str:
    matches = regions.by_name(name)
    if len(matches) == 1:
        return matches[0].ags
    if not matches:
        raise DataSourceError(
            f"{source}: Kommune '{name}' ist im amtlichen Gemeindeverzeichnis nicht eindeutig zu finden. "
            f"Prüfen Sie den Namen mit: bnk regions --search '{name.split(',')[0]}'"
        )
    listed = ", ".join(f"{r.ags} ({r.name})" for r in matches)
    raise DataSourceError(f"{source}: Kommune '{name}' ist mehrdeutig: {listed}. Bitte AGS angeben.")


def read_snapshot(
    path: Path,
    catalogue: IndicatorCatalogue | None = None,
    regions: RegionIndex | None = None,
    ags: str | None = None,
) -> pd.DataFrame:
    """Snapshot file → IndicatorFrame (time series of the municipality + Land average of the latest year)."""
    catalogue = catalogue or load_indicators()
    regions = regions or default_index()
    source = str(path)
    try:
        doc: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        name = doc["municipality"]["name"]
        items = doc["indicators"]
        retrieved = str(doc.get("generatedAt", ""))[:10]
    except FileNotFoundError:
        raise DataSourceError(f"Snapshot-Datei '{source}' nicht gefunden.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataSourceError(f"{source}: kein gültiges JSON ({exc}).") from None
    except (KeyError, TypeError):
        raise DataSourceError(
            f"{source}: kein SDG-Portal-Snapshot (erwartet: 'municipality.name' und 'indicators')."
        ) from None
    ags = ags or resolve_municipality(name, regions, source)
    land = regions.land_of(regions.municipality(ags))

    rows: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        indicator = catalogue.by_sdg_portal_id(str(item.get("id", "")))
        if indicator is None:
            continue  # e.g. the SDG-17 placeholder without data
        # The portal appends remarks to the source: "Statistische Ämter der Länder Hinweis: Datenstand 2021"
        holders, _, note = str(item.get("source") or indicator.data_providers).partition(" Hinweis: ")
        common = {
            "indicator_id": indicator.id,
            "unit": item.get("unit") or indicator.unit,
            "source": holders.strip(),
            "note": note.strip(),
            "provider": PROVIDER,
            "licence": LICENCE,
            "attribution": ATTRIBUTION,
            "retrieved_at": retrieved,
        }
        for point in item.get("timeseries") or []:
            if point.get("value") is None:
                continue
            rows.append({**common, "ags": ags, "year": point["year"], "value": point["value"],
                         "level_used": "Gemeinde"})
        if not item.get("timeseries") and item.get("value") is not None:
            # single values without time series (Grundversorgung); the snapshot may omit the year
            rows.append({**common, "ags": ags, "year": item.get("year"), "value": item["value"],
                         "level_used": "Gemeinde"})
        if item.get("stateAverage") is not None and item.get("year"):
            label = item.get("stateAverageLabel")
            if label and label != land.name:
                raise DataSourceError(
                    f"{source}: indicators[{index}].stateAverageLabel '{label}' passt nicht zum Land "
                    f"der Kommune ({land.name})."
                )
            rows.append({**common, "ags": land.ags, "year": item["year"], "value": item["stateAverage"],
                         "level_used": "Land"})
    return normalise(pd.DataFrame(rows, columns=COLUMNS))
