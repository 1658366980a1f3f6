"""A programme of municipalities: the project file (project.yaml), validated with path-precise errors.

Relative paths in the file (content, catalogue) are resolved against the project file's folder.
AGS must be quoted strings: unquoted YAML turns 01001000 into the octal number 262656.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .errors import BnkError
from .regions import AGS_PATTERN
from .yamlcheck import located, parse


class ProjectError(BnkError):
    pass


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Member(_Strict):
    name: str
    department: str = ""
    role: str = ""


class Contact(_Strict):
    name: str
    email: str = ""
    phone: str = ""


class Milestone(_Strict):
    planned: dt.date | None = None
    done: dt.date | None = None


MILESTONES = {"erstberatung": "Erstberatung", "workshop_1": "Workshop 1", "workshop_2": "Workshop 2",
              "freigabe": "Freigabe"}


class Milestones(_Strict):
    erstberatung: Milestone = Milestone()
    workshop_1: Milestone = Milestone()
    workshop_2: Milestone = Milestone()
    freigabe: Milestone = Milestone()


class Municipality(_Strict):
    ags: str
    name: str = ""
    content: str | None = None
    peers: list[str] = []
    working_group: list[Member] = []
    contacts: list[Contact] = []
    milestones: Milestones = Milestones()
    status: str = "in Arbeit"

    @field_validator("ags", "peers", mode="before")
    @classmethod
    def _ags_as_text(cls, value: Any) -> Any:
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                raise ValueError(f"AGS {item!r} ist eine Zahl – in Anführungszeichen setzen (z. B. '01001000'), "
                                 "sonst gehen führende Nullen verloren")
            if not AGS_PATTERN.match(item):
                raise ValueError(f"AGS '{item}' hat nicht 8 Ziffern")
        return value


class Project(_Strict):
    programme: str
    year: int = Field(ge=2000, le=2100)
    framework: str = "bnk-1.0"
    data_mode: Literal["offline", "online"] = "offline"
    catalogue: str | None = None
    cohort_indicators: list[str] = []  # indicators compared side by side on the cohort page
    municipalities: list[Municipality] = Field(min_length=1)


def project_entry(programme: str, municipality: Municipality | None) -> dict[str, Any] | None:
    """What of the project file feeds one report (hashed as a report input)."""
    if municipality is None:
        return None
    return {"programme": programme, "municipality": municipality.model_dump(mode="json")}


class LoadedProject:
    def __init__(self, project: Project, path: Path) -> None:
        self.project = project
        self.path = path
        self.folder = path.parent

    def resolve(self, relative: str | None) -> Path | None:
        return (self.folder / relative).resolve() if relative else None

    def municipality(self, ags: str) -> Municipality:
        for m in self.project.municipalities:
            if m.ags == ags:
                return m
        raise ProjectError(f"{self.path}: AGS '{ags}' gehört nicht zum Programm.")


def load_project(path: str | Path) -> LoadedProject:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProjectError(f"Projektdatei '{path}' nicht lesbar: {exc.strerror}") from None
    project = parse(text, str(path), Project, ProjectError)
    seen: dict[str, int] = {}
    for index, m in enumerate(project.municipalities):
        if m.ags in seen:
            raise located(str(path), text, ["municipalities", index, "ags"],
                          f"AGS '{m.ags}' steht schon in municipalities[{seen[m.ags]}]", ProjectError)
        seen[m.ags] = index
        if m.content and not (path.parent / m.content).exists():
            raise located(str(path), text, ["municipalities", index, "content"],
                          f"Datei oder Ordner '{m.content}' nicht gefunden (relativ zu {path.parent})", ProjectError)
    return LoadedProject(project, path.resolve())
