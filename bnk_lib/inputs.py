"""Content hashes of everything that feeds one report, by name (for incremental batches and releases).

A changed hash names the changed input ("content", "data", …), so a refusal can say what changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from . import __version__, paths

MANIFEST = ".bnk-manifest.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    return sha256_bytes(Path(path).read_bytes())


def tree_hash(folder: Path, patterns: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for pattern in patterns for p in folder.rglob(pattern)):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def default_content(ags: str) -> Path | None:
    """data/content/<AGS>.xlsx, when present (the embedded default municipality ships a sample)."""
    path = paths.data_dir() / "content" / f"{ags}.xlsx"
    return path if path.exists() else None


def report_inputs(
    ags: str,
    year: int,
    framework: str,
    data_mode: str,
    content: Path | None,
    catalogue: Path | None,
    project_entry: dict[str, Any] | None,
    peers: list[str] | None = None,
) -> dict[str, str]:
    library = Path(__file__).parent
    inputs = {
        "notebook": sha256_file(paths.notebooks_dir() / "bnk_report.ipynb"),
        "library": f"{__version__}:{tree_hash(library, ('*.py', '*.yaml', '*.j2', '*.json', '*.css'))}",
        "regions": sha256_file(paths.data_dir() / "regions.csv"),
        "parameters": sha256_bytes(json.dumps({"ags": ags, "year": year, "framework": framework,
                                               "data_mode": data_mode, "project": project_entry,
                                               "peers": peers or []},
                                              sort_keys=True, default=str).encode()),
    }
    data = [paths.data_dir() / "indicators" / f"{key}.csv" for key in [ags, *(peers or [])]]
    inputs["data"] = sha256_bytes("".join(sha256_file(p) if p.exists() else "none" for p in data).encode())
    if catalogue is not None:
        inputs["catalogue"] = sha256_file(catalogue)
    content = content or default_content(ags)
    if content is not None:
        inputs["content"] = tree_hash(content, ("*.md",)) if content.is_dir() else sha256_file(content)
    return inputs


def overall(inputs: dict[str, str]) -> str:
    return sha256_bytes(json.dumps(inputs, sort_keys=True).encode())


def changed(before: dict[str, str], now: dict[str, str]) -> list[str]:
    return sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))


def read_manifest(output_dir: Path, ags: str) -> dict[str, Any] | None:
    path = Path(output_dir) / ags / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
