"""Path- and line-precise messages for YAML files validated with pydantic (catalogue, project file)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import BnkError


def format_loc(loc: Sequence[object]) -> str:
    """('frameworks', 'bnk-1.0', 'parts', 1, 'id') -> 'frameworks.bnk-1.0.parts[1].id'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(text: str, loc: Sequence[object]) -> int | None:
    """1-based line of the YAML node at `loc` (or of its nearest existing parent)."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    line = None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
    return node.start_mark.line + 1 if node is not None else line


def located(source: str, text: str, loc: Sequence[object], message: str, error: type[BnkError]) -> BnkError:
    line = line_of(text, loc)
    where = f"{source}:{line}" if line else source
    return error(f"{where}: {format_loc(loc)}: {message}")


M = TypeVar("M", bound=BaseModel)


def parse(text: str, source: str, model: type[M], error: type[BnkError]) -> M:
    """YAML text -> validated model; the first problem is reported with file, line and path."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise error(f"{source}: kein gültiges YAML ({exc})".replace("\n", " ")) from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = f" (und {exc.error_count() - 1} weitere Fehler)" if exc.error_count() > 1 else ""
        raise located(source, text, list(first["loc"]), first["msg"] + more, error) from None
