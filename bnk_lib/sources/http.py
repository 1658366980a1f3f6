"""One HTTP layer for all online providers: persistent cache, retries with backoff, timeouts, offline mode.

- Cache: requests-cache (SQLite in the user cache dir, or BNK_CACHE_DIR), GET and POST (the body is part
  of the key), expiry configurable (default 7 days).
- Retries: urllib3 Retry on 429/500/502/503/504 with exponential backoff, honouring Retry-After.
- TLS verification always on; a custom CA bundle may be configured (INKAR sends an incomplete chain).
- Offline: answers only from the cache and never opens a socket; missing entries are named.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import requests
from platformdirs import user_cache_dir
from requests.adapters import HTTPAdapter
from requests_cache import CachedSession
from urllib3.exceptions import MaxRetryError, ReadTimeoutError
from urllib3.util.retry import Retry

from .. import __version__
from ..errors import DataSourceError

USER_AGENT = f"BNK-Werkbank/{__version__} (Nachhaltigkeitsberichte für Kommunen; python-requests)"


def default_cache_path() -> Path:
    return Path(os.environ.get("BNK_CACHE_DIR", user_cache_dir("bnk-werkbank"))) / "http-cache.sqlite"


@dataclass
class HttpSettings:
    cache_path: Path = field(default_factory=default_cache_path)
    expire_after: timedelta = timedelta(days=7)
    offline: bool = field(default_factory=lambda: os.environ.get("BNK_OFFLINE", "") == "1")
    timeout: tuple[float, float] = (5.0, 30.0)  # connect, read
    retries: int = 3
    backoff: float = 0.5
    ca_bundle: str | None = None  # path to a PEM bundle; verification is never switched off


class HttpClient:
    def __init__(self, settings: HttpSettings | None = None) -> None:
        self.settings = settings or HttpSettings()
        self.settings.cache_path.parent.mkdir(parents=True, exist_ok=True)
        self.session = CachedSession(
            str(self.settings.cache_path),
            backend="sqlite",
            expire_after=self.settings.expire_after,
            allowable_methods=("GET", "POST"),
            allowable_codes=(200,),
            stale_if_error=False,
        )
        self.session.settings.only_if_cached = self.settings.offline
        retry = Retry(
            total=self.settings.retries,
            backoff_factor=self.settings.backoff,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=None,  # POST queries are idempotent reads here
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.verify = self.settings.ca_bundle or True
        self.requests_sent = 0  # requests that went to the network (cache misses)

    def get_json(self, url: str, params: dict[str, Any] | None = None, what: str = "") -> Any:
        return self._json(self._request("GET", url, params=params, what=what), what)

    def post_json(self, url: str, body: Any, what: str = "") -> Any:
        return self._json(self._request("POST", url, json=body, what=what), what)

    def _request(self, method: str, url: str, what: str, **kw: Any) -> requests.Response:
        label = what or url
        try:
            response = self.session.request(method, url, timeout=self.settings.timeout, **kw)
        except requests.exceptions.SSLError as exc:
            raise DataSourceError(
                f"{label}: TLS-Zertifikat nicht prüfbar ({url}). Die Prüfung bleibt eingeschaltet; "
                f"ggf. eine CA-Datei angeben (ca_bundle). Details: {exc.__class__.__name__}"
            ) from None
        except requests.exceptions.Timeout:
            seconds = self.settings.timeout[1]
            raise DataSourceError(f"{label}: keine Antwort innerhalb von {seconds:g} s ({url}).") from None
        except requests.exceptions.RetryError:
            raise DataSourceError(f"{label}: Server antwortet nach {self.settings.retries} Versuchen mit Fehlern "
                                  f"({url}).") from None
        except requests.exceptions.ConnectionError as exc:
            if _is_read_timeout(exc):  # urllib3 wraps read timeouts after its retries in MaxRetryError
                seconds = self.settings.timeout[1]
                raise DataSourceError(f"{label}: keine Antwort innerhalb von {seconds:g} s ({url}).") from None
            raise DataSourceError(f"{label}: Server nicht erreichbar ({url}). Netz prüfen oder --offline "
                                  f"mit gefülltem Cache verwenden.") from None
        if self.settings.offline and response.status_code == 504:  # requests-cache's answer for a cache miss
            raise DataSourceError(
                f"{label}: offline, aber nicht im Cache ({method} {url}). Einmal online abrufen "
                f"oder die eingebetteten Daten verwenden."
            )
        if not getattr(response, "from_cache", False):
            self.requests_sent += 1
        if response.status_code == 404:
            raise NotFound(f"{label}: nicht gefunden (404, {url}).")
        if response.status_code >= 400:
            raise DataSourceError(f"{label}: Server meldet HTTP {response.status_code} ({url}).")
        return response

    @staticmethod
    def _json(response: requests.Response, what: str) -> Any:
        label = what or response.url
        content_type = response.headers.get("Content-Type", "")
        if "html" in content_type or response.text.lstrip().startswith("<"):
            raise DataSourceError(f"{label}: Antwort ist eine HTML-Seite statt JSON ({response.url}).")
        try:
            data = json.loads(response.text)
            if isinstance(data, str):  # INKAR sends JSON inside a JSON string
                data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise DataSourceError(f"{label}: unvollständiges oder ungültiges JSON ({response.url}): {exc.msg} "
                                  f"an Position {exc.pos}.") from None
        return data


def _is_read_timeout(exc: requests.exceptions.ConnectionError) -> bool:
    cause = exc.args[0] if exc.args else None
    return isinstance(cause, MaxRetryError) and isinstance(cause.reason, ReadTimeoutError)


class NotFound(DataSourceError):
    """404: the provider has no data for this request (e.g. not at this level)."""
