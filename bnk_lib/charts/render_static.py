"""Static renderer (PDF report): matplotlib SVG with real text (searchable, vector)."""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # no display; set before pyplot could ever be imported
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from .. import fmt  # noqa: E402
from .spec import ChartSpec  # noqa: E402

matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",  # keep text as text: searchable in the PDF, crisp at any zoom
        "svg.hashsalt": "bnk",  # stable ids -> reproducible files
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


def figure(spec: ChartSpec) -> Figure:
    return _bars(spec) if spec.kind == "bars" else _time_series(spec)


def _bars(spec: ChartSpec) -> Figure:
    fig = Figure(figsize=(7.0, 1.4 + 0.4 * len(spec.series)))
    ax = fig.add_subplot()
    names = [s.name for s in spec.series][::-1]  # matplotlib draws bottom-up; keep the reading order
    values = [s.values[0] or 0.0 for s in spec.series][::-1]
    colours = [s.colour for s in spec.series][::-1]
    bars = ax.barh(names, values, color=colours)
    ax.bar_label(bars, labels=[fmt.number(v) for v in values], padding=3, fontsize=8)
    ax.set_title(spec.title, loc="left", fontsize=11, fontweight="bold")
    ax.set_xlabel(spec.unit)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt.number(x)))
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_axisbelow(True)
    fig.text(0.01, 0.01, "\n".join(textwrap.wrap(spec.source_line, 130)), fontsize=6.5, color="#444")
    fig.subplots_adjust(left=0.3, right=0.95, top=0.8, bottom=0.35 if len(spec.series) < 4 else 0.25)
    return fig


def _time_series(spec: ChartSpec) -> Figure:
    fig = Figure(figsize=(7.0, 3.4))
    ax = fig.add_subplot()
    for s in spec.series:
        single = len(s.years) == 1
        ax.plot(
            s.years,
            [float("nan") if v is None else v for v in s.values],  # NaN leaves a visible gap
            label=s.name,
            color=s.colour,
            linewidth=2.4 if s.role == "municipality" else 1.6,
            linestyle="none" if single else "-",
            marker="D" if s.role == "land" else "o",
            markersize=7 if single else 4,
        )
    ax.set_title(spec.title, loc="left", fontsize=11, fontweight="bold")
    ax.set_xlabel("Jahr")
    ax.set_ylabel(spec.unit if len(spec.unit) < 40 else "\n".join(textwrap.wrap(spec.unit, 35)))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{int(x)}"))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: fmt.number(y)))
    ax.grid(axis="y", color="#e5e5e5")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False, fontsize=8)
    fig.text(0.01, 0.01, "\n".join(textwrap.wrap(spec.source_line, 130)), fontsize=6.5, color="#444")
    fig.subplots_adjust(left=0.11, right=0.98, top=0.88, bottom=0.36)
    return fig


def svg(spec: ChartSpec) -> str:
    buffer = io.StringIO()
    figure(spec).savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()
