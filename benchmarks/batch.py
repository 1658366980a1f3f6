"""Wall time of `bnk batch` against the naive chain, on the example project (6 municipalities).

Naive chain, per municipality and sequentially: the papermill CLI, then `jupyter nbconvert --to bnk_html`,
then `--to bnk_pdf` (each a fresh process with a fresh kernel/imports). `bnk batch --force` uses 2 worker
processes with the warm in-process engine. Run: .venv/bin/python benchmarks/batch.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "data" / "project-example.yaml"
BIN = Path(sys.executable).parent


def municipalities() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from bnk_lib.project import load_project

    return [m.ags for m in load_project(PROJECT).project.municipalities]


def naive(out: Path) -> float:
    start = time.perf_counter()
    for ags in municipalities():
        executed = out / f"{ags}.ipynb"
        notebook = str(ROOT / "notebooks" / "bnk_report.ipynb")
        subprocess.run([BIN / "papermill", notebook, str(executed), "-r", "ags", ags, "-k", "python3",
                        "--no-progress-bar"], check=True, capture_output=True)
        for fmt in ("bnk_html", "bnk_pdf"):
            subprocess.run([BIN / "jupyter", "nbconvert", "--to", fmt, str(executed), "--output-dir", str(out)],
                           check=True, capture_output=True)
    return time.perf_counter() - start


def batch(out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([BIN / "bnk", "batch", str(PROJECT), "--force", "--jobs", "2", "--output-dir", str(out)],
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        batch_s = batch(Path(a))
        naive_s = naive(Path(b))
    n = len(municipalities())
    print(f"municipalities: {n}")
    print(f"naive chain (papermill CLI + 2× nbconvert, sequential): {naive_s:.1f} s")
    print(f"bnk batch --jobs 2 (in-process engine, warm workers):    {batch_s:.1f} s")
    print(f"ratio: {naive_s / batch_s:.1f}× (target ≥ 5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
