"""German number and date formatting through Babel (CLDR data), never by string replacement."""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "de_DE"


def number(value: float | int | None, decimals: int | None = None) -> str:
    """Format a value the German way: 161.485 / 5,35. `decimals` fixes the digits after the comma."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") if decimals is not None else "#,##0.##"
    return format_decimal(value, format=pattern, locale=LOCALE)


def date(value: dt.date | str) -> str:
    """31.12.2020 style; accepts ISO strings such as '2026-06-09T09:02:57+00:00'."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return format_date(value, format="dd.MM.yyyy", locale=LOCALE)
