"""Direction-aware trend assessment: one documented rule, used by fact boxes, tables and the SDG overview.

Rule (a reading aid of the BNK-Werkbank, NOT an official method of the SDG-Portal or the RNE):
- Window: the last `window` years (default 5) up to the newest year with a value.
- At least `min_points` values (default 3) in the window, else "unbestimmt".
- Slope of an ordinary least-squares line through the window's values, relative to the window's mean
  absolute value, in percent per year.
- |relative slope| < `threshold` (default 1 % per year) → "stabil".
- Otherwise "verbessert" when the change goes in the indicator's better direction, "verschlechtert"
  when against it; indicators without direction get "gestiegen"/"gesunken" (no judgement).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WINDOW = 5
THRESHOLD = 1.0  # percent of the mean per year
MIN_POINTS = 3

ARROWS = {"verbessert": "↗", "verschlechtert": "↘", "stabil": "→", "gestiegen": "↑", "gesunken": "↓",
          "unbestimmt": "·"}


@dataclass(frozen=True)
class Trend:
    label: str  # verbessert | stabil | verschlechtert | gestiegen | gesunken | unbestimmt
    slope_pct: float | None  # relative change per year in percent
    first_year: int | None
    last_year: int | None

    @property
    def arrow(self) -> str:
        return ARROWS[self.label]



def assess_trend(
    years: Sequence[int],
    values: Sequence[float | None],
    direction: str,
    window: int = WINDOW,
    threshold: float = THRESHOLD,
    min_points: int = MIN_POINTS,
) -> Trend:
    points = sorted((y, v) for y, v in zip(years, values, strict=True) if v is not None and not math.isnan(v))
    if not points:
        return Trend("unbestimmt", None, None, None)
    last_year = points[-1][0]
    points = [(y, v) for y, v in points if y > last_year - window]
    if len(points) < min_points:
        return Trend("unbestimmt", None, points[0][0], last_year)
    n = len(points)
    mean_x = sum(y for y, _ in points) / n
    mean_y = sum(v for _, v in points) / n
    sxx = sum((y - mean_x) ** 2 for y, _ in points)
    slope = sum((y - mean_x) * (v - mean_y) for y, v in points) / sxx
    scale = sum(abs(v) for _, v in points) / n
    if scale == 0:
        return Trend("stabil", 0.0, points[0][0], last_year)
    rel = slope / scale * 100
    if abs(rel) < threshold:
        label = "stabil"
    elif direction == "higher_is_better":
        label = "verbessert" if rel > 0 else "verschlechtert"
    elif direction == "lower_is_better":
        label = "verbessert" if rel < 0 else "verschlechtert"
    else:
        label = "gestiegen" if rel > 0 else "gesunken"
    return Trend(label, rel, points[0][0], last_year)
