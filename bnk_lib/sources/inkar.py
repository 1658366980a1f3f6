"""BBSR INKAR (undocumented JSON API used by the R packages inkaR and bonn; dl-de/by-2-0).

Mostly Kreis-level values. The server double-encodes JSON (a JSON string holding JSON) and is known for
an incomplete TLS chain: verification stays on, a CA bundle can be configured in HttpSettings.
Batched: one GetMöglich (available years) and one GetDataTable for all indicators.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..errors import DataSourceError
from .base import OnlineProvider
from .frame import COLUMNS, normalise

BASE_URL = "https://www.inkar.de"
PROVIDER = "BBSR INKAR"
LICENCE = "dl-de/by-2-0"
ATTRIBUTION = "Laufende Raumbeobachtung des BBSR – INKAR, Ausgabe 07/2025. Hrsg.: BBSR, Bonn (dl-de/by-2-0)"


class InkarProvider(OnlineProvider):
    BASE_URL = BASE_URL
    URL_ENV = "BNK_INKAR_URL"

    def regions_of_level(self, level: str = "KRE") -> dict[str, str]:
        data = self.http.get_json(f"{self.base_url}/Wizard/GetGebieteZumRaumbezug/{level}",
                                  what=f"INKAR: Gebiete {level}")
        try:
            return {g["Schlüssel"]: g["Name"] for g in data["Gebiete"]}
        except (KeyError, TypeError):
            raise DataSourceError("INKAR: Antwort ohne 'Gebiete' (Schlüssel, Name).") from None

    def available(self, m_ids: list[str], level: str = "KRE") -> list[dict[str, str]]:
        body = {"IndicatorCollection": [{"Gruppe": m} for m in m_ids], "TimeCollection": "",
                "SpaceCollection": [{"level": level}]}
        data = self.http.post_json(f"{self.base_url}/Wizard/GetM%C3%B6glich", body, what="INKAR: verfügbare Jahre")
        try:
            return list(data["Möglich"])
        except (KeyError, TypeError):
            raise DataSourceError("INKAR: Antwort ohne 'Möglich' (verfügbare Jahre).") from None

    def data_table(self, m_ids: list[str], possible: list[dict[str, str]], level: str = "KRE") -> list[dict]:
        body = {
            "IndicatorCollection": [{"Gruppe": m} for m in m_ids],
            "TimeCollection": [{"group": p["Gruppe"], "indicator": p["IndID"], "level": p["RaumID"],
                                "time": p["ZeitID"]} for p in possible],
            "SpaceCollection": [{"level": level}],
            "pageorder": "1",
        }
        data = self.http.post_json(f"{self.base_url}/Table/GetDataTable", body, what="INKAR: Datentabelle")
        try:
            return list(data["Daten"])
        except (KeyError, TypeError):
            raise DataSourceError("INKAR: Antwort ohne 'Daten'.") from None

    def fetch(self, ags_list: list[str], indicator_ids: list[str] | None = None,
              years: tuple[int, int] = (2014, 2023)) -> pd.DataFrame:
        """Kreis values for each municipality's Kreis, stored under the municipality with level_used 'Kreis'."""
        indicators = [self.catalogue.get(i) for i in indicator_ids] if indicator_ids else list(self.catalogue)
        by_mid = {i.ids.inkar: i for i in indicators if i.ids.inkar}
        if not by_mid:
            raise DataSourceError("Keiner der gewählten Indikatoren ist in INKAR verfügbar (keine M_ID im Katalog).")
        municipalities = [self.regions.municipality(a) for a in ags_list]
        possible = [p for p in self.available(list(by_mid)) if years[0] <= int(p["ZeitID"]) <= years[1]]
        if not possible:
            raise DataSourceError(f"INKAR: keine Daten für {years[0]}–{years[1]}.")
        table = self.data_table(list(by_mid), possible)
        names = {p["IndID"]: p.get("Indikator", "") for p in possible}
        retrieved = dt.date.today().isoformat()
        rows = []
        wanted = {m.kreis_ags: m.ags for m in municipalities}
        for entry in table:
            municipality = wanted.get(str(entry.get("Schlüssel")))
            indicator = by_mid.get(str(entry.get("ID") or entry.get("Indikator")))
            if municipality is None or indicator is None or entry.get("Wert") is None:
                continue
            rows.append({
                "ags": municipality, "indicator_id": indicator.id, "year": int(entry["ZeitID"]),
                "value": float(entry["Wert"]), "unit": indicator.unit,
                "source": "BBSR, Laufende Raumbeobachtung", "provider": PROVIDER, "licence": LICENCE,
                "attribution": ATTRIBUTION, "retrieved_at": retrieved, "level_used": "Kreis",
                "note": f"INKAR: {names.get(str(entry.get('Indikator')), '')}; Definition kann vom Katalog abweichen",
            })
        return normalise(pd.DataFrame(rows, columns=COLUMNS))
