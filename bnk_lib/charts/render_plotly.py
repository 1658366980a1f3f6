"""Interactive renderer (HTML report, JupyterLab)."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from .spec import ChartSpec

FONT = "DejaVu Sans, Arial, sans-serif"


def figure(spec: ChartSpec) -> go.Figure:
    return _bars(spec) if spec.kind == "bars" else _time_series(spec)


def _bars(spec: ChartSpec) -> go.Figure:
    fig = go.Figure(
        go.Bar(
            x=[s.values[0] for s in spec.series],
            y=[s.name for s in spec.series],
            orientation="h",
            marker={"color": [s.colour for s in spec.series]},
            hovertemplate=f"%{{y}}: %{{x:,.2f}} {spec.unit}<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": spec.title, "font": {"size": 15}},
        separators=",.",
        font={"family": FONT, "size": 12},
        template="simple_white",
        height=120 + 40 * len(spec.series),
        margin={"l": 10, "r": 20, "t": 50, "b": 50},
        xaxis={"title": {"text": spec.unit}, "tickformat": ",~r", "gridcolor": "#e5e5e5", "showgrid": True},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return fig


def _time_series(spec: ChartSpec) -> go.Figure:
    fig = go.Figure()
    for s in spec.series:
        single = len(s.years) == 1
        fig.add_trace(
            go.Scatter(
                x=s.years,
                y=s.values,
                name=s.name,
                mode="markers" if single else "lines+markers",
                connectgaps=False,
                line={"color": s.colour, "width": 3 if s.role == "municipality" else 2},
                marker={"color": s.colour, "size": 11 if single else 7,
                        "symbol": "diamond" if s.role == "land" else "circle"},
                hovertemplate=f"%{{x}}: %{{y:,.2f}} {spec.unit}<extra>{s.name}</extra>",
            )
        )
    fig.update_layout(
        title={"text": spec.title, "font": {"size": 15}},
        separators=",.",  # German: decimal comma, thousands point
        font={"family": FONT, "size": 12},
        template="simple_white",
        height=360,
        margin={"l": 60, "r": 20, "t": 50, "b": 90},
        legend={"orientation": "h", "y": -0.2},
        xaxis={"title": {"text": "Jahr"}, "tickformat": "d", "dtick": 1},
        yaxis={"title": {"text": spec.unit}, "tickformat": ",~r", "gridcolor": "#e5e5e5", "showgrid": True},
    )
    return fig


def html(spec: ChartSpec) -> str:
    """A <div> that draws the chart with the page's single embedded plotly.js."""
    return pio.to_html(
        figure(spec),
        include_plotlyjs=False,
        full_html=False,
        div_id=spec.chart_id,
        config={"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
    )
