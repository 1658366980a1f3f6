"""What every online provider shares: the HTTP client, a configurable base URL, catalogue and regions."""

from __future__ import annotations

import os

from ..catalogue import IndicatorCatalogue, load_indicators
from ..regions import RegionIndex, default_index
from .http import HttpClient


class OnlineProvider:
    BASE_URL = ""
    URL_ENV = ""  # environment variable that overrides the base URL (mirrors, test servers)

    def __init__(
        self,
        http: HttpClient | None = None,
        base_url: str | None = None,
        catalogue: IndicatorCatalogue | None = None,
        regions: RegionIndex | None = None,
    ) -> None:
        self.http = http or HttpClient()
        self.base_url = (base_url or os.environ.get(self.URL_ENV) or self.BASE_URL).rstrip("/")
        self.catalogue = catalogue or load_indicators()
        self.regions = regions or default_index()
