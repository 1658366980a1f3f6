"""Wegweiser Kommune Data API (Bertelsmann Stiftung; dl-de/by-2-0, no key).

Requests per fetch, batched: one region filter for all municipalities (by AGS), one list of Länder and
Bund, one filter of Landkreise per Land where Kreis-only indicators are needed, and one statistics
request for all indicators × regions × years (friendly URL `ind1+ind2+…+region1+region2+…+y0-y1`).
Keys are friendly URLs and AGS/ARS, never the numeric ids (these change between data versions).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..catalogue import Indicator
from ..errors import DataSourceError
from ..regions import Region
from .base import OnlineProvider
from .frame import COLUMNS, normalise

BASE_URL = "https://www.wegweiser-kommune.de/data-api"
PROVIDER = "Wegweiser Kommune"
BUND_KEY = "DG"  # Deutschland (Destatis' key for the Bund in regional statistics)
LICENCE = "dl-de/by-2-0"
ATTRIBUTION = "Bertelsmann Stiftung/www.wegweiser-kommune.de (Datenlizenz Deutschland – Namensnennung – 2.0)"


@dataclass(frozen=True)
class WwRegion:
    friendly_url: str
    name: str
    ags: str
    ars: str
    type: str
    parent: str = ""
    demographic_type: int = 0

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> WwRegion:
        return cls(raw["friendlyUrl"], raw.get("name", ""), str(raw.get("ags", "")), str(raw.get("ars", "")),
                   raw.get("type", ""), raw.get("parent") or "", int(raw.get("demographicType") or 0))


class WegweiserProvider(OnlineProvider):
    BASE_URL = BASE_URL
    URL_ENV = "BNK_WEGWEISER_URL"

    # --- regions --------------------------------------------------------------------------------------
    def regions_by_ags(self, ags_list: list[str]) -> dict[str, WwRegion]:
        """Gemeinden/kreisfreie Städte by 8-digit AGS, in one request."""
        data = self.http.post_json(f"{self.base_url}/rest/region/filter", {"ags": ags_list},
                                   what="Wegweiser Kommune: Kommunen suchen")
        found = {r["ags"]: WwRegion.from_json(r) for r in data.get("regions", [])}
        missing = [a for a in ags_list if a not in found]
        if missing:
            raise DataSourceError(
                f"Wegweiser Kommune kennt die AGS {', '.join(missing)} nicht (Gemeinden unter 5.000 "
                f"Einwohner:innen führt Wegweiser nicht einzeln). Prüfen mit: bnk regions --search NAME"
            )
        return found

    def peers(self, ags: str, limit: int = 5) -> list[str]:
        """AGS of comparable municipalities: same Land and same Wegweiser demographic type (1–9)."""
        own = self.regions_by_ags([ags])[ags]
        if not own.demographic_type:
            raise DataSourceError(f"Wegweiser Kommune nennt für {ags} keinen Demografietyp; Vergleichskommunen "
                                  "bitte ausdrücklich angeben.")
        data = self.http.post_json(
            f"{self.base_url}/rest/region/filter",
            {"ags": [f"{ags[:2]}*"], "demographicTypes": [own.demographic_type],
             "regionTypes": ["GEMEINDE", "KREISFREIE_STADT"]},
            what=f"Wegweiser Kommune: Vergleichskommunen für {ags}",
        )
        found = [WwRegion.from_json(r) for r in data.get("regions", [])]
        return [r.ags for r in found if r.ags != ags and r.demographic_type == own.demographic_type][:limit]

    def search(self, name: str) -> list[WwRegion]:
        data = self.http.get_json(
            f"{self.base_url}/rest/region/list",
            params={"search": name, "max": 50, "types": ["GEMEINDE", "KREISFREIE_STADT", "LANDKREIS"]},
            what=f"Wegweiser Kommune: Suche '{name}'",
        )
        return [WwRegion.from_json(r) for r in data]

    def states_and_federation(self) -> list[WwRegion]:
        data = self.http.get_json(f"{self.base_url}/rest/region/list",
                                  params={"types": ["BUNDESLAND", "BUND"], "max": 100},
                                  what="Wegweiser Kommune: Länder und Bund")
        return [WwRegion.from_json(r) for r in data]

    def landkreise(self, land_ags: str) -> list[WwRegion]:
        data = self.http.post_json(f"{self.base_url}/rest/region/filter",
                                   {"ags": [f"{land_ags}*"], "regionTypes": ["LANDKREIS"]},
                                   what=f"Wegweiser Kommune: Landkreise im Land {land_ags}")
        return [WwRegion.from_json(r) for r in data.get("regions", [])]

    def indicators(self) -> list[dict[str, Any]]:
        """The 'Nachhaltigkeit / SDGs' topic with its indicators (metadata)."""
        topic = self.http.get_json(f"{self.base_url}/rest/topic/get/nachhaltigkeit",
                                   what="Wegweiser Kommune: Thema Nachhaltigkeit")
        return list(topic.get("indicators", []))

    # --- data -----------------------------------------------------------------------------------------
    def fetch(
        self,
        ags_list: list[str],
        indicator_ids: list[str] | None = None,
        years: tuple[int, int] = (2014, 2023),
        with_land: bool = True,
        with_bund: bool = True,
    ) -> pd.DataFrame:
        """IndicatorFrame for the municipalities (+ their Land and Bund); Kreis-only indicators from the Kreis."""
        indicators = [self.catalogue.get(i) for i in indicator_ids] if indicator_ids else list(self.catalogue)
        indicators = [i for i in indicators if i.ids.wegweiser]
        if not indicators:
            raise DataSourceError("Keiner der gewählten Indikatoren ist bei Wegweiser Kommune verfügbar.")
        municipalities = [self.regions.municipality(a) for a in ags_list]
        ww = self.regions_by_ags([m.ags for m in municipalities])
        selection: dict[str, WwRegion] = {m.ags: ww[m.ags] for m in municipalities}  # our key -> Wegweiser region
        if with_land or with_bund:
            upper = self.states_and_federation()
            for land in {self.regions.land_of(m) for m in municipalities} if with_land else set():
                selection[land.ags] = _match_state(upper, land)
            if with_bund:
                bund = [r for r in upper if r.type == "BUND"]
                selection[BUND_KEY] = bund[0] if bund else _missing("Bund")
        kreis_for: dict[str, str] = {}  # municipality AGS -> Kreis key, for kreisangehörige municipalities
        if any(i.levels == ["Kreis"] for i in indicators):
            for land_ags in sorted({m.land_ags for m in municipalities if ww[m.ags].type == "GEMEINDE"}):
                kreise = {r.ars[:5]: r for r in self.landkreise(land_ags)}
                for m in municipalities:
                    if m.land_ags == land_ags and ww[m.ags].type == "GEMEINDE" and m.kreis_ags in kreise:
                        selection[m.kreis_ags] = kreise[m.kreis_ags]
                        kreis_for[m.ags] = m.kreis_ags
        response = self._statistics(indicators, list(selection.values()), years)
        return self._to_frame(response, indicators, selection, kreis_for)

    def _statistics(self, indicators: list[Indicator], regions: list[WwRegion], years: tuple[int, int]) -> Any:
        parts = [i.ids.wegweiser for i in indicators] + [r.friendly_url for r in regions] + [f"{years[0]}-{years[1]}"]
        return self.http.get_json(f"{self.base_url}/rest/statistics/data/{'+'.join(p for p in parts if p)}",
                                  what="Wegweiser Kommune: Indikatordaten")

    def _to_frame(
        self,
        response: Any,
        indicators: list[Indicator],
        selection: dict[str, WwRegion],
        kreis_for: dict[str, str],
    ) -> pd.DataFrame:
        try:
            data = response["data"]
            years = [int(y) for y in response["years"]]
            regions = [WwRegion.from_json(r) for r in data["regions"]]
            series = data["indicators"]
        except (KeyError, TypeError):
            raise DataSourceError("Wegweiser Kommune: Antwort hat nicht die Form einer Statistik "
                                  "(erwartet: data.regions, data.indicators, years).") from None
        by_url = {i.ids.wegweiser: i for i in indicators}
        meta = {t.get("friendlyUrl"): t for t in response.get("indicatorsAndTopics", [])}
        key_of = {r.friendly_url: key for key, r in selection.items()}
        retrieved = dt.date.today().isoformat()
        rows: list[dict[str, Any]] = []
        for item in series:
            indicator = by_url.get(item.get("friendlyUrl"))
            if indicator is None:
                continue
            info = meta.get(item.get("friendlyUrl"), {})
            common = {
                "indicator_id": indicator.id,
                "unit": item.get("unit") or info.get("unit") or indicator.unit,
                "source": info.get("source") or data.get("source") or indicator.data_providers,
                "provider": PROVIDER,
                "licence": LICENCE,
                "attribution": ATTRIBUTION,
                "retrieved_at": retrieved,
                "note": item.get("remark") or "",
            }
            values_by_key: dict[str, list[Any]] = {}
            for region, values in zip(regions, item.get("regionYearValues", []), strict=False):
                key = key_of.get(region.friendly_url)
                if key is not None:
                    values_by_key[key] = values
            for key, values in values_by_key.items():
                level = level_of(key)
                if level == "Kreis":
                    continue  # Kreis values are only used in place of a missing Gemeinde series (below)
                rows += _rows(common, key, years, values, level)
            for municipality, kreis in kreis_for.items():
                own = values_by_key.get(municipality) or []
                if indicator.levels == ["Kreis"] and all(v is None for v in own) and kreis in values_by_key:
                    rows += _rows(common, municipality, years, values_by_key[kreis], "Kreis")
        return normalise(pd.DataFrame(rows, columns=COLUMNS))


def level_of(key: str) -> str:
    if key == BUND_KEY:
        return "Bund"
    return {2: "Land", 5: "Kreis"}.get(len(key), "Gemeinde")


def _rows(common: dict[str, Any], key: str, years: list[int], values: list[Any], level: str) -> list[dict[str, Any]]:
    return [{**common, "ags": key, "year": year, "value": value, "level_used": level}
            for year, value in zip(years, values, strict=False) if value is not None]


def _match_state(upper: list[WwRegion], land: Region) -> WwRegion:
    for region in upper:
        if region.type == "BUNDESLAND" and region.name.split(",")[0].strip() == land.name:
            return region
    return _missing(land.name)


def _missing(name: str) -> WwRegion:
    raise DataSourceError(f"Wegweiser Kommune: Vergleichsregion '{name}' nicht gefunden.")
