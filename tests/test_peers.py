"""Peers (Vergleichskommunen) in the report: lines in the time series, comparison bars, honest gaps."""

import shutil

from bnk_lib.charts import Chart
from bnk_lib.report import build_context, indicator_part
from bnk_lib.report.sections import Fragment
from bnk_lib.sources import read_csv, write_csv_atomic

from .conftest import ROOT


def test_report_with_peers(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    frame = read_csv(data / "indicators" / "08221000.csv")
    peer = frame[frame["ags"] == "08221000"].copy()
    peer["ags"] = "08222000"
    peer["value"] = peer["value"] + 1  # SYNTHETIC peer values, only for this test
    write_csv_atomic(peer, data / "indicators" / "08222000.csv")
    monkeypatch.setenv("BNK_DATA_DIR", str(data))

    ctx = build_context("08221000", peers=["08222000", "08212000"])
    blocks = list(indicator_part(ctx))
    charts = [b for b in blocks if isinstance(b, Chart)]
    line = next(c for c in charts if c.spec.kind == "time_series" and c.spec.title == "SGB II-/ SGB XII-Quote")
    assert [s.name for s in line.spec.series] == ["Heidelberg", "Baden-Württemberg (Landesdurchschnitt)", "Mannheim"]
    bars = next(c for c in charts if c.spec.kind == "bars" and c.spec.title.startswith("SGB II-/ SGB XII-Quote"))
    assert [(s.name, s.values[0]) for s in bars.spec.series] == [
        ("Heidelberg", 5.35), ("Baden-Württemberg", 5.97), ("Mannheim", 6.35)]
    assert bars.spec.missing == ["Karlsruhe"]
    intro = next(b for b in blocks if isinstance(b, Fragment) and "Vergleichskommunen" in b.markup)
    assert "Keine Indikatordaten vorhanden für: Karlsruhe" in intro.markup


def test_peers_come_from_the_project_file():
    ctx = build_context("08221000", project=ROOT / "data" / "project-example.yaml")
    assert [p.ags for p in ctx.peers] == ["08222000", "08212000"]
