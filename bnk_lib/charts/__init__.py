"""Charts: one specification, two renderers.

`Chart` exposes both renderings through its MIME bundle: text/html (interactive plotly) and
image/svg+xml (static matplotlib). The HTML exporter picks the former, the PDF exporter the latter;
JupyterLab shows the plotly JSON. The notebook never decides.
"""

from __future__ import annotations

import html as _html
import json
from pathlib import Path
from typing import Any

from . import render_plotly, render_static
from .overview import FactBox, SdgOverview, fact_box, sdg_overview
from .spec import ChartSpec, Series, comparison_bars, source_line, time_series
from .trend import Trend, assess_trend

__all__ = [
    "Chart", "ChartSpec", "FactBox", "SdgOverview", "Series", "Trend", "assess_trend", "comparison_bars",
    "fact_box", "sdg_overview", "source_line", "time_series",
]


class Chart:
    def __init__(self, spec: ChartSpec) -> None:
        self.spec = spec

    def figcaption(self, with_source: bool = True) -> str:
        """The static SVG draws its own source line, so its caption leaves it out."""
        s = self.spec
        source = f' <span class="bnk-source">{_html.escape(s.source_line)}</span>' if with_source else ""
        missing = (
            f' <span class="bnk-missing">Keine Werte für: {_html.escape(", ".join(s.missing))}.</span>'
            if s.missing else ""
        )
        return (
            f'<figcaption><span class="bnk-caption-title">{_html.escape(s.title)}</span>{missing}{source}'
            "</figcaption>"
        )

    def to_html(self, fig: dict[str, Any] | None = None) -> str:
        s = self.spec
        if not s.has_data:
            return f'<p class="bnk-nodata">{_html.escape(s.empty_message)}</p>'
        return (
            f'<figure class="bnk-figure bnk-chart" role="group" aria-label="{_html.escape(s.alt_text)}">'
            f'<div class="bnk-plot" role="img" aria-label="{_html.escape(s.alt_text)}">'
            f"{render_plotly.html(s, fig)}</div>{self.figcaption()}</figure>"
        )

    def save(self, path: str | Path) -> Path:
        """Write the static rendering as .svg or .png (200 dpi), e.g. for a presentation."""
        path = Path(path)
        if path.suffix not in {".svg", ".png"}:
            raise ValueError(f"{path}: nur .svg oder .png")
        path.parent.mkdir(parents=True, exist_ok=True)
        metadata = {"Date": None} if path.suffix == ".svg" else None  # reproducible SVG files
        render_static.figure(self.spec).savefig(path, dpi=200, metadata=metadata)
        return path

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        s = self.spec
        fig = render_plotly.figure_dict(s) if s.has_data else None
        data: dict[str, Any] = {"text/html": self.to_html(fig), "text/plain": s.alt_text}
        if not s.has_data or fig is None:
            data["text/plain"] = s.empty_message
            return data, {}
        data["image/svg+xml"] = render_static.svg(s)
        data["application/vnd.plotly.v1+json"] = json.loads(json.dumps(fig))  # plain JSON types for the notebook
        meta = {"bnk": {"alt": s.alt_text, "caption_html": self.figcaption(with_source=False), "id": s.chart_id}}
        return data, meta
