"""Schema of the catalogue files (pydantic, unknown keys forbidden)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# Evidence tags from the research: verified (primary source), secondary (second-hand source),
# inferred (researcher's reconstruction), candidate (placeholder guess), placeholder (unknown).
Status = Literal["verified", "secondary", "inferred", "candidate", "placeholder"]
Direction = Literal["lower_is_better", "higher_is_better", "none"]
ID = r"^[a-z0-9_.-]+$"
SDG = Annotated[int, Field(ge=1, le=17)]

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
    id: str = Field(pattern=ID)
    name: str
    unit: str
    sdg: SDG | None  # None only for a municipality's own indicators without SDG
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


class Aspect(_Strict):
    id: str = Field(pattern=ID)
    text: str  # German working paraphrase
    text_en: str | None = None  # the research's English paraphrase
    official_text: str | None = None  # wording of the Handreichung, added by a consultant
    status: Status

    @property
    def display_text(self) -> str:
        return self.official_text or self.text


class Criterion(_Strict):
    id: str = Field(pattern=ID)
    number: str
    title: str
    status: Status
    sdg: list[SDG] = []
    indicators: list[str] = []
    indicators_status: Status = "inferred"
    predecessors: list[str] = []  # BNK 1.0 criteria this BNK 2.0 criterion continues
    note: str | None = None
    aspects: list[Aspect]


class Part(_Strict):
    id: str = Field(pattern=ID)
    title: str
    status: Status
    note: str | None = None
    criteria: list[Criterion]


class CoreIndicator(_Strict):
    id: str = Field(pattern=ID)
    indicator: str | None  # None: not in the indicator catalogue (only the label is known)
    label: str
    criterion: str | None = None
    status: Status


class Framework(_Strict):
    title: str
    published: str
    status: Status
    note: str | None = None
    parts: list[Part]
    core_indicators: list[CoreIndicator] = []

    def criteria(self) -> list[Criterion]:
        return [c for part in self.parts for c in part.criteria]


class CatalogueFile(_Strict):
    """One YAML document: indicators and/or frameworks (a consultant's file may hold either)."""

    data_stand: str | None = None
    indicators: list[Indicator] = []
    frameworks: dict[str, Framework] = {}
