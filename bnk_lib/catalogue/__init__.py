"""The BNK frameworks and the SDG indicator catalogue as validated data.

Shipped as YAML package data (indicators.yaml, frameworks.yaml); a consultant's file can extend or
replace entries (`bnk report --catalogue FILE`). Errors name the file, the YAML path
(e.g. `frameworks.bnk-1.0.parts[1].criteria[3].aspects[2].id`) and the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import BnkError, CatalogueError
from ..yamlcheck import format_loc, located, parse
from .schema import DIRECTION_DE, Aspect, CatalogueFile, CoreIndicator, Criterion, Framework, Indicator, Part

__all__ = [
    "DIRECTION_DE", "Aspect", "Catalogue", "CoreIndicator", "Criterion", "Framework", "Indicator",
    "IndicatorCatalogue", "Part", "load_catalogue", "load_indicators", "parse_catalogue_file",
    "parse_indicator_file",
]


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


class Catalogue:
    """Indicators + frameworks, references checked."""

    def __init__(self, indicators: IndicatorCatalogue, frameworks: dict[str, Framework]) -> None:
        self.indicators = indicators
        self.frameworks = frameworks

    def framework(self, framework_id: str) -> Framework:
        try:
            return self.frameworks[framework_id]
        except KeyError:
            raise CatalogueError(
                f"Berichtsrahmen '{framework_id}' unbekannt; möglich: {', '.join(self.frameworks)}."
            ) from None


# --- parsing and validation -------------------------------------------------------------------------

def _fail(source: str, text: str, loc: list[object], message: str) -> BnkError:
    return located(source, text, loc, message, CatalogueError)


def parse_catalogue_file(text: str, source: str) -> CatalogueFile:
    """Schema + duplicate-id validation of one YAML document; `source` names the file in messages."""
    parsed = parse(text, source, CatalogueFile, CatalogueError)
    _check_duplicates(parsed, source, text)
    return parsed


def _check_duplicates(parsed: CatalogueFile, source: str, text: str) -> None:
    seen: dict[str, str] = {}

    def claim(identifier: str, loc: list[object]) -> None:
        where = format_loc(loc)
        if identifier in seen:
            raise _fail(source, text, loc, f"doppelte Kennung '{identifier}' (schon in {seen[identifier]})")
        seen[identifier] = where

    for i, indicator in enumerate(parsed.indicators):
        claim(indicator.id, ["indicators", i, "id"])
    for fw_id, fw in parsed.frameworks.items():
        for p, part in enumerate(fw.parts):
            claim(part.id, ["frameworks", fw_id, "parts", p, "id"])
            for c, criterion in enumerate(part.criteria):
                claim(criterion.id, ["frameworks", fw_id, "parts", p, "criteria", c, "id"])
                for a, aspect in enumerate(criterion.aspects):
                    claim(aspect.id, ["frameworks", fw_id, "parts", p, "criteria", c, "aspects", a, "id"])
        for k, core in enumerate(fw.core_indicators):
            claim(core.id, ["frameworks", fw_id, "core_indicators", k, "id"])


def _check_references(catalogue: Catalogue, source: str, text: str) -> None:
    """Every link points at something that exists: indicators, criteria, BNK 1.0 predecessors."""
    all_criteria = {c.id for fw in catalogue.frameworks.values() for c in fw.criteria()}
    for fw_id, fw in catalogue.frameworks.items():
        own_criteria = {c.id for c in fw.criteria()}
        for p, part in enumerate(fw.parts):
            for c, criterion in enumerate(part.criteria):
                base: list[object] = ["frameworks", fw_id, "parts", p, "criteria", c]
                for k, indicator_id in enumerate(criterion.indicators):
                    if indicator_id not in catalogue.indicators:
                        raise _fail(source, text, [*base, "indicators", k],
                                    f"verweist auf unbekannten Indikator '{indicator_id}'")
                for k, predecessor in enumerate(criterion.predecessors):
                    if predecessor not in all_criteria:
                        raise _fail(source, text, [*base, "predecessors", k],
                                    f"verweist auf unbekanntes Kriterium '{predecessor}'")
        for k, core in enumerate(fw.core_indicators):
            base = ["frameworks", fw_id, "core_indicators", k]
            if core.indicator is not None and core.indicator not in catalogue.indicators:
                message = f"verweist auf unbekannten Indikator '{core.indicator}'"
                raise _fail(source, text, [*base, "indicator"], message)
            if core.criterion is not None and core.criterion not in own_criteria:
                message = f"verweist auf unbekanntes Kriterium '{core.criterion}'"
                raise _fail(source, text, [*base, "criterion"], message)


def parse_indicator_file(text: str, source: str) -> IndicatorCatalogue:
    parsed = parse_catalogue_file(text, source)
    return IndicatorCatalogue(list(parsed.indicators), parsed.data_stand or "")


def _shipped(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def load_catalogue(extra_file: Path | None = None) -> Catalogue:
    """The shipped catalogue; a consultant's file adds indicators and replaces/adds frameworks by id."""
    indicators_doc = parse_catalogue_file(_shipped("indicators.yaml"), "bnk_lib/catalogue/indicators.yaml")
    frameworks_text = _shipped("frameworks.yaml")
    frameworks_doc = parse_catalogue_file(frameworks_text, "bnk_lib/catalogue/frameworks.yaml")
    indicators = {i.id: i for i in indicators_doc.indicators}
    frameworks = dict(frameworks_doc.frameworks)
    data_stand = indicators_doc.data_stand or ""
    check_text, check_source = frameworks_text, "bnk_lib/catalogue/frameworks.yaml"
    if extra_file is not None:
        try:
            text = Path(extra_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise CatalogueError(f"Katalogdatei '{extra_file}' nicht lesbar: {exc.strerror}") from None
        own = parse_catalogue_file(text, str(extra_file))
        indicators.update({i.id: i for i in own.indicators})
        frameworks.update(own.frameworks)
        data_stand = own.data_stand or data_stand
        if own.frameworks:
            check_text, check_source = text, str(extra_file)
    catalogue = Catalogue(IndicatorCatalogue(list(indicators.values()), data_stand), frameworks)
    _check_references(catalogue, check_source, check_text)
    return catalogue


def load_indicators(extra_file: Path | None = None) -> IndicatorCatalogue:
    return load_catalogue(extra_file).indicators
