import re

import pandas as pd
import pytest

from bnk_lib.catalogue import load_indicators
from bnk_lib.charts import Chart, render_plotly, render_static, time_series
from bnk_lib.sources import embedded_path, read_csv


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return read_csv(embedded_path("08221000"))


def sgb_spec(data):
    indicator = load_indicators().get("sdgp.sgb_quote")
    return time_series(data, indicator, ("08221000", "Heidelberg"), land=("08", "Baden-Württemberg"))


def test_plotly_data_equal_table_values(data):
    fig = render_plotly.figure(sgb_spec(data))
    own = data[(data["indicator_id"] == "sdgp.sgb_quote") & (data["ags"] == "08221000")]
    heidelberg, land = fig.data
    assert list(heidelberg.x) == [int(y) for y in own["year"]]
    assert list(heidelberg.y) == own["value"].tolist()
    assert (list(land.x), list(land.y)) == ([2023], [5.97])
    assert fig.layout.separators == ",."


def test_static_svg_has_title_unit_german_ticks_and_source(data):
    svg = render_static.svg(sgb_spec(data))
    assert "SGB II-/ SGB XII-Quote" in svg
    assert ">%<" in svg or "> %<" in svg or "%</text>" in svg  # unit on the y axis
    assert re.search(r"5,[2468]", svg), "German decimal comma in tick labels"
    assert "Jahr" in svg
    assert "Quelle: Bundesagentur für Arbeit" in svg
    assert "Datenjahre 2014–2023" in svg


def test_gaps_stay_gaps(data):
    indicator = load_indicators().get("sdgp.sgb_quote")
    holed = data[~((data["indicator_id"] == "sdgp.sgb_quote") & (data["year"] == 2018))].copy()
    gap = holed[(holed["indicator_id"] == "sdgp.sgb_quote") & (holed["ags"] == "08221000")].iloc[[0]].copy()
    gap["year"] = 2018
    gap["value"] = float("nan")
    holed = pd.concat([holed, gap])
    spec = time_series(holed, indicator, ("08221000", "Heidelberg"))
    series = spec.series[0]
    assert series.values[series.years.index(2018)] is None
    assert render_plotly.figure(spec).data[0].connectgaps is False


def test_mime_bundle_offers_both_renderings(data):
    bundle, meta = Chart(sgb_spec(data))._repr_mimebundle_()
    assert "plotly-graph-div" in bundle["text/html"]
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert "application/vnd.plotly.v1+json" in bundle
    assert meta["bnk"]["alt"].startswith("Liniendiagramm SGB II-/ SGB XII-Quote")
    assert "5,35 %" in meta["bnk"]["alt"]


def test_no_data_renders_one_line_message():
    indicator = load_indicators().get("sdgp.fliessgewaesser")
    empty = read_csv(embedded_path("08221000")).iloc[0:0]
    chart = Chart(time_series(empty, indicator, ("08221000", "Heidelberg")))
    bundle, _ = chart._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert bundle["text/html"].startswith('<p class="bnk-nodata">Keine Daten')
    assert "Fließgewässerqualität" in bundle["text/plain"]


def test_comparison_bars_highlight_and_missing(data):
    from bnk_lib.charts import comparison_bars

    indicator = load_indicators().get("sdgp.sgb_quote")
    spec = comparison_bars(data, indicator, ("08221000", "Heidelberg"),
                           [("08", "Baden-Württemberg"), ("08222000", "Mannheim")])
    assert [(s.name, s.values[0]) for s in spec.series] == [("Heidelberg", 5.35), ("Baden-Württemberg", 5.97)]
    assert spec.missing == ["Mannheim"]
    fig = render_plotly.figure(spec)
    assert list(fig.data[0].x) == [5.35, 5.97]
    assert fig.data[0].marker.color[0] != fig.data[0].marker.color[1], "municipality highlighted"
    svg = render_static.svg(spec)
    assert "5,35" in svg and "5,97" in svg and "im Vergleich" in svg and "Quelle:" in svg
    bundle, _ = Chart(spec)._repr_mimebundle_()
    assert "Keine Werte für: Mannheim" in bundle["text/html"]


def test_sdg_overview_counts_and_trends(data):
    from bnk_lib.charts import sdg_overview

    overview = sdg_overview(data, load_indicators(), "08221000")
    assert len(overview.goals) == 17
    goal1 = overview.goals[0]
    assert (goal1.indicators, goal1.with_data) == (5, 5)
    assert sum(goal1.trends.values()) == goal1.with_data
    assert overview.goals[16].indicators == 0
    html = overview._repr_html_()
    assert html.count('class="bnk-sdg-tile"') == 17
    assert "#E5243B" in html  # official SDG 1 red
    assert "keine amtliche Methode" in html


def test_fact_box(data):
    from bnk_lib.charts import fact_box

    box = fact_box(data, load_indicators().get("sdgp.sgb_quote"), "08221000", "08").markup
    assert "5,35" in box and "2023" in box and "Landesdurchschnitt 2023: 5,97 %" in box
    assert "Prozentpunkte seit 2019" in box and "Trend: stabil" in box
    empty = fact_box(data, load_indicators().get("sdgp.fliessgewaesser"), "08221000").markup
    assert "Keine Daten" in empty


def test_chart_save(tmp_path, data):
    chart = Chart(sgb_spec(data))
    assert chart.save(tmp_path / "a.svg").read_text(encoding="utf-8").count("SGB II") >= 1
    assert chart.save(tmp_path / "a.png").read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(ValueError):
        chart.save(tmp_path / "a.gif")
