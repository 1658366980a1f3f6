"""Regions: AGS ↔ name ↔ level ↔ parent Kreis and Land, from the official municipality list in data/.

Keys are strings: Gemeinde 8 digits (AGS), Kreis 5 digits, Land 2 digits. Never integers: a leading
zero (Flensburg 01001000) must survive every entry point.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import paths
from .errors import InvalidAGSError, UnknownRegionError

AGS_PATTERN = re.compile(r"^\d{8}$")
HOW_TO_FIND = "Gültige AGS finden Sie mit: bnk regions --search NAME"


@dataclass(frozen=True)
class Region:
    ags: str
    name: str
    level: str  # Gemeinde | Kreis | Land
    kreis_ags: str
    land_ags: str
    area_km2: float | None
    population: int | None
    postcode: str

    @property
    def short_name(self) -> str:
        """'Heidelberg, Stadt' -> 'Heidelberg'."""
        return self.name.split(",")[0].strip()

    @property
    def density(self) -> float | None:
        if self.area_km2 and self.population:
            return self.population / self.area_km2
        return None


def validate_ags(value: object) -> str:
    """Return the AGS as an 8-digit string or raise with a message that names the value."""
    if not isinstance(value, str):
        raise InvalidAGSError(
            f"AGS {value!r} ist kein Text, sondern {type(value).__name__}: eine führende Null ging "
            f"vermutlich verloren (z. B. 01001000 → 1001000). AGS immer als Text mit 8 Ziffern übergeben "
            f"(papermill: -r ags 01001000, YAML: ags: '01001000'). {HOW_TO_FIND}"
        )
    if not AGS_PATTERN.match(value):
        raise InvalidAGSError(
            f"AGS '{value}' ist ungültig: erwartet werden genau 8 Ziffern (z. B. 08221000 für Heidelberg). "
            f"{HOW_TO_FIND}"
        )
    return value


class RegionIndex:
    def __init__(self, regions: list[Region]) -> None:
        self._by_key = {r.ags: r for r in regions}

    @classmethod
    def load(cls, path: Path | None = None) -> RegionIndex:
        path = path or paths.data_dir() / "regions.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [
                Region(
                    ags=r["ags"],
                    name=r["name"],
                    level=r["level"],
                    kreis_ags=r["kreis_ags"],
                    land_ags=r["land_ags"],
                    area_km2=float(r["area_km2"]) if r["area_km2"] else None,
                    population=int(r["population"]) if r["population"] else None,
                    postcode=r["postcode"],
                )
                for r in csv.DictReader(fh)
            ]
        return cls(rows)

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, key: str) -> Region:
        try:
            return self._by_key[key]
        except KeyError:
            raise UnknownRegionError(
                f"Region '{key}' ist im amtlichen Gemeindeverzeichnis nicht enthalten. {HOW_TO_FIND}"
            ) from None

    def municipality(self, ags: object) -> Region:
        """The Gemeinde with this AGS (validated as an 8-digit string)."""
        ags = validate_ags(ags)
        region = self._by_key.get(ags)
        if region is None or region.level != "Gemeinde":
            raise UnknownRegionError(
                f"AGS '{ags}' ist keine Gemeinde im amtlichen Gemeindeverzeichnis (Stand 31.12.2020). "
                f"{HOW_TO_FIND}"
            )
        return region

    def kreis_of(self, region: Region) -> Region:
        return self.get(region.kreis_ags)

    def land_of(self, region: Region) -> Region:
        return self.get(region.land_ags)

    def search(self, text: str, level: str | None = "Gemeinde") -> list[Region]:
        needle = text.casefold()
        return [
            r
            for r in self._by_key.values()
            if needle in r.name.casefold() and (level is None or r.level == level)
        ]

    def resolve(self, text: str) -> Region:
        """A Gemeinde by AGS ('08221000'), official name ('Heidelberg, Stadt') or short name ('Heidelberg')."""
        text = str(text).strip()
        if text.isdigit():
            return self.municipality(text)
        matches = self.by_name(text) or [
            r for r in self._by_key.values() if r.level == "Gemeinde" and r.short_name.casefold() == text.casefold()
        ]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise UnknownRegionError(f"Keine Gemeinde heißt '{text}'. {HOW_TO_FIND}")
        listed = ", ".join(f"{r.ags} ({r.name})" for r in matches[:10])
        raise UnknownRegionError(f"'{text}' ist mehrdeutig: {listed}. Bitte die AGS angeben.")

    def by_name(self, name: str, level: str = "Gemeinde") -> list[Region]:
        """Exact (case-insensitive) name matches, e.g. 'Heidelberg, Stadt'."""
        wanted = name.casefold().strip()
        return [r for r in self._by_key.values() if r.level == level and r.name.casefold() == wanted]


@lru_cache(maxsize=1)
def default_index() -> RegionIndex:
    return RegionIndex.load()
