"""The SDG indicator catalogue as validated data (YAML package data + optional consultant file).

Every entry carries `status` (verified / inferred / placeholder) from the research. Errors name the
file and the YAML path, e.g. `indicators[3].sdg`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import CatalogueError

Status = Literal["verified", "inferred", "placeholder"]
Direction = Literal["lower_is_better", "higher_is_better", "none"]

DIRECTION_DE = {
    "lower_is_better": "niedriger ist besser",
    "higher_is_better": "höher ist besser",
    "none": "keine Richtung",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProviderIds(_Strict):
    sdg_portal: str | None = None
    wegweiser: str | None = None
    inkar: str | None = None


class DefinitionChange(_Strict):
    year: int
    text: str
    status: Status


class Indicator(_Strict):
    id: str = Field(pattern=r"^[a-z0-9_.-]+$")
    name: str
    unit: str
    sdg: int = Field(ge=1, le=17)
    definition: str = ""
    calculation: str = ""
    direction: Direction
    direction_status: Status
    data_providers: str = ""
    ids: ProviderIds = ProviderIds()
    levels: list[Literal["Gemeinde", "Kreis"]] = []
    status: Status
    note: str | None = None
    definition_changes: list[DefinitionChange] = []

    @property
    def direction_de(self) -> str:
        return DIRECTION_DE[self.direction]


class _IndicatorFile(_Strict):
    data_stand: str | None = None
    indicators: list[Indicator]


def _format_loc(loc: Iterable[object]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class IndicatorCatalogue:
    def __init__(self, indicators: list[Indicator], data_stand: str = "") -> None:
        self.data_stand = data_stand
        self._by_id = {i.id: i for i in indicators}
        self._by_portal_id = {i.ids.sdg_portal: i for i in indicators if i.ids.sdg_portal}

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, indicator_id: object) -> bool:
        return indicator_id in self._by_id

    def get(self, indicator_id: str) -> Indicator:
        try:
            return self._by_id[indicator_id]
        except KeyError:
            raise CatalogueError(f"Indikator '{indicator_id}' ist im Indikatorenkatalog unbekannt.") from None

    def by_sdg_portal_id(self, portal_id: str) -> Indicator | None:
        return self._by_portal_id.get(portal_id)

    def extended(self, other: IndicatorCatalogue) -> IndicatorCatalogue:
        """Entries of `other` replace those with the same id and add new ones."""
        merged = {**self._by_id, **other._by_id}
        return IndicatorCatalogue(list(merged.values()), other.data_stand or self.data_stand)


def parse_indicator_file(text: str, source: str) -> IndicatorCatalogue:
    """Validate one indicator YAML document; `source` names the file in messages."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{source}: kein gültiges YAML ({exc})".replace("\n", " ")) from None
    try:
        parsed = _IndicatorFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CatalogueError(
            f"{source}: {_format_loc(first['loc'])}: {first['msg']} "
            f"({exc.error_count()} Fehler insgesamt)"
        ) from None
    seen: dict[str, int] = {}
    for index, indicator in enumerate(parsed.indicators):
        if indicator.id in seen:
            raise CatalogueError(
                f"{source}: indicators[{index}].id: doppelte Kennung '{indicator.id}' "
                f"(schon in indicators[{seen[indicator.id]}])"
            )
        seen[indicator.id] = index
    return IndicatorCatalogue(list(parsed.indicators), parsed.data_stand or "")


@lru_cache(maxsize=8)
def load_indicators(extra_file: Path | None = None) -> IndicatorCatalogue:
    """The shipped catalogue, extended/overridden by a consultant's file when given."""
    shipped = resources.files(__package__).joinpath("indicators.yaml").read_text(encoding="utf-8")
    catalogue = parse_indicator_file(shipped, "bnk_lib/catalogue/indicators.yaml")
    if extra_file is not None:
        try:
            text = Path(extra_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise CatalogueError(f"Katalogdatei '{extra_file}' nicht lesbar: {exc.strerror}") from None
        catalogue = catalogue.extended(parse_indicator_file(text, str(extra_file)))
    return catalogue
