"""Where the embedded data and the outputs live (overridable for installed copies and tests)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    return Path(os.environ.get("BNK_DATA_DIR", PROJECT_ROOT / "data"))


def outputs_dir() -> Path:
    return Path(os.environ.get("BNK_OUTPUT_DIR", PROJECT_ROOT / "outputs"))


def notebooks_dir() -> Path:
    return Path(os.environ.get("BNK_NOTEBOOK_DIR", PROJECT_ROOT / "notebooks"))
