"""Interactive renderer (HTML report, JupyterLab).

The figure is built as a plain plotly.js JSON dict (no plotly.py validation, no template deep copies):
that keeps a 50-chart report fast. `figure()` wraps the same dict in a plotly Figure for analysts.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

from .spec import ChartSpec

FONT = "DejaVu Sans, Arial, sans-serif"
AXIS = {"showline": True, "linecolor": "#444", "ticks": "outside", "tickcolor": "#444", "zeroline": False}


def _layout(spec: ChartSpec, **extra: Any) -> dict[str, Any]:
    return {
        "title": {"text": spec.title, "font": {"size": 15}},
        "separators": ",.",  # German: decimal comma, thousands point
        "font": {"family": FONT, "size": 12, "color": "#1d1d1b"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        **extra,
    }


def _time_series(spec: ChartSpec) -> dict[str, Any]:
    traces = []
    for s in spec.series:
        single = len(s.years) == 1
        traces.append({
            "type": "scatter",
            "x": s.years,
            "y": s.values,
            "name": s.name,
            "mode": "markers" if single else "lines+markers",
            "connectgaps": False,
            "line": {"color": s.colour, "width": 3 if s.role == "municipality" else 2},
            "marker": {"color": s.colour, "size": 11 if single else 7,
                       "symbol": "diamond" if s.role == "land" else "circle"},
            "hovertemplate": f"%{{x}}: %{{y:,.2f}} {spec.unit}<extra>{s.name}</extra>",
        })
    layout = _layout(
        spec,
        height=360,
        margin={"l": 60, "r": 20, "t": 50, "b": 90},
        legend={"orientation": "h", "y": -0.2},
        xaxis={**AXIS, "title": {"text": "Jahr"}, "tickformat": "d", "dtick": 1},
        yaxis={**AXIS, "title": {"text": spec.unit}, "tickformat": ",~r", "gridcolor": "#e5e5e5", "showgrid": True},
    )
    return {"data": traces, "layout": layout}


def _bars(spec: ChartSpec) -> dict[str, Any]:
    trace = {
        "type": "bar",
        "x": [s.values[0] for s in spec.series],
        "y": [s.name for s in spec.series],
        "orientation": "h",
        "marker": {"color": [s.colour for s in spec.series]},
        "hovertemplate": f"%{{y}}: %{{x:,.2f}} {spec.unit}<extra></extra>",
    }
    layout = _layout(
        spec,
        height=120 + 40 * len(spec.series),
        margin={"l": 10, "r": 20, "t": 50, "b": 50},
        xaxis={**AXIS, "title": {"text": spec.unit}, "tickformat": ",~r", "gridcolor": "#e5e5e5", "showgrid": True},
        yaxis={**AXIS, "autorange": "reversed", "automargin": True},
    )
    return {"data": [trace], "layout": layout}


def figure_dict(spec: ChartSpec) -> dict[str, Any]:
    return _bars(spec) if spec.kind == "bars" else _time_series(spec)


def figure(spec: ChartSpec) -> go.Figure:
    return go.Figure(figure_dict(spec))


def html(spec: ChartSpec, fig: dict[str, Any] | None = None) -> str:
    """A <div> that draws the chart with the page's single embedded plotly.js."""
    return pio.to_html(
        fig or figure_dict(spec),
        include_plotlyjs=False,
        full_html=False,
        div_id=spec.chart_id,
        validate=False,
        config={"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
    )
