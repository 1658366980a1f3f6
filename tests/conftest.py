from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bnk_lib.report.pipeline import RenderedReport, render_report

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SNAPSHOT = ROOT / "data" / "snapshots" / "heidelberg-stadt.json"


@pytest.fixture(scope="session")
def heidelberg_report(tmp_path_factory: pytest.TempPathFactory) -> RenderedReport:
    """The default report, rendered once through papermill + nbconvert + WeasyPrint."""
    return render_report("08221000", output_dir=tmp_path_factory.mktemp("outputs"))


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    target = ROOT / "outputs" / "test-screenshots"
    target.mkdir(parents=True, exist_ok=True)
    return target


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} fehlt: `make test` installiert es (scripts/setup-system.sh test)")
    return path
