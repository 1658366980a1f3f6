"""A real HTTP server on 127.0.0.1 that replays recorded Wegweiser Kommune and INKAR responses.

Used by the tests and by benchmarks/requests.py. Fault injection: queue faults with `server.fail(...)`
(status codes with optional Retry-After, delays, an HTML page, truncated JSON) — each fault answers one
request, then normal replay resumes. Every request is counted in `server.requests`.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

FIXTURES = Path(__file__).parent / "fixtures"

# Regions the recorded data do not contain. Their values below are SYNTHETIC test values (never shipped,
# never shown in a report): they exercise the Land/Bund/Kreis handling, not the data.
SYNTHETIC_REGIONS = {
    "nordrhein-westfalen": {"friendlyUrl": "nordrhein-westfalen", "name": "Nordrhein-Westfalen", "ags": "05000000",
                            "ars": "050000000000", "type": "BUNDESLAND"},
    "baden-wuerttemberg": {"friendlyUrl": "baden-wuerttemberg", "name": "Baden-Württemberg", "ags": "08000000",
                           "ars": "080000000000", "type": "BUNDESLAND"},
    "deutschland": {"friendlyUrl": "deutschland", "name": "Deutschland", "ags": "00000000", "ars": "000000000000",
                    "type": "BUND"},
    "detmold": {"friendlyUrl": "detmold", "name": "Detmold", "ags": "05766020", "ars": "057660020020",
                "type": "GEMEINDE", "demographicType": 5},
    "bad-salzuflen": {"friendlyUrl": "bad-salzuflen", "name": "Bad Salzuflen", "ags": "05766008",
                      "ars": "057660008008", "type": "GEMEINDE", "demographicType": 4},
    "lippe-landkreis": {"friendlyUrl": "lippe-landkreis", "name": "Lippe, Landkreis", "ags": "05766000",
                        "ars": "057660000000", "type": "LANDKREIS"},
}
SYNTHETIC_VALUES = {  # friendlyUrl -> {indicator friendlyUrl -> {year: value}}
    "nordrhein-westfalen": {"sgb-ii-sgb-xii-quote": {2021: 11.1, 2022: 11.2, 2023: 11.3}},
    "deutschland": {"sgb-ii-sgb-xii-quote": {2021: 9.1, 2022: 9.2, 2023: 9.3}},
    "lippe-landkreis": {"wohnungslosigkeit": {2022: 0.21, 2023: 0.22}, "pkw-dichte": {2021: 601.0, 2023: 603.0}},
}


def _recorded() -> tuple[dict[str, dict], dict[str, dict[str, dict[int, float]]], dict[str, dict]]:
    """Regions, values by region and indicator metadata from the recorded StatisticResponse files."""
    regions: dict[str, dict] = {}
    values: dict[str, dict[str, dict[int, float]]] = {}
    meta: dict[str, dict] = {}
    for path in sorted((FIXTURES / "wegweiser").glob("statistics-*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        years = doc["years"]
        for r_index, region in enumerate(doc["data"]["regions"]):
            regions[region["friendlyUrl"]] = region
            for item in doc["data"]["indicators"]:
                meta.setdefault(item["friendlyUrl"], {k: v for k, v in item.items() if k != "regionYearValues"})
                series = values.setdefault(region["friendlyUrl"], {}).setdefault(item["friendlyUrl"], {})
                for year, value in zip(years, item["regionYearValues"][r_index], strict=True):
                    if value is not None:
                        series[year] = value
    return regions, values, meta


class ReplayServer:
    def __init__(self, synthetic_municipalities: bool = False) -> None:
        self.requests: list[str] = []
        self.faults: list[dict[str, Any]] = []
        self.synthetic_municipalities = synthetic_municipalities  # benchmark: any AGS is a known Gemeinde
        regions, values, meta = _recorded()
        self.regions = {**regions, **SYNTHETIC_REGIONS}
        self.values = {**values, **SYNTHETIC_VALUES}
        self.meta = meta
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                server._handle(self, "GET", b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                server._handle(self, "POST", self.rfile.read(length))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ReplayServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def fail(self, **fault: Any) -> None:
        """Next request gets this fault: status=500 [retry_after=1] | delay=3 | html=True | truncated=True."""
        self.faults.append(fault)

    # --- request handling -----------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler, method: str, body: bytes) -> None:
        self.requests.append(f"{method} {handler.path}")
        if self.faults:
            fault = self.faults.pop(0)
            if "delay" in fault:
                time.sleep(fault["delay"])
            elif "status" in fault:
                headers = {"Retry-After": str(fault["retry_after"])} if "retry_after" in fault else {}
                return self._send(handler, fault["status"], b'{"error": "injected"}', headers=headers)
            elif fault.get("html"):
                return self._send(handler, 200, b"<html><body>Wartungsarbeiten</body></html>", "text/html")
            elif fault.get("truncated"):
                payload = self._route(method, handler.path, body)
                return self._send(handler, 200, payload[1][: len(payload[1]) // 2])
        status, payload = self._route(method, handler.path, body)
        self._send(handler, status, payload)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, payload: bytes, content_type: str = "application/json",
              headers: dict[str, str] | None = None) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", f"{content_type}; charset=utf-8")
        handler.send_header("Content-Length", str(len(payload)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(payload)

    def _route(self, method: str, raw_path: str, body: bytes) -> tuple[int, bytes]:
        url = urlparse(raw_path)
        path = unquote(url.path)
        if path.startswith("/data-api/"):
            return self._wegweiser(method, path[len("/data-api"):], parse_qs(url.query), body)
        inkar = {"/Wizard/GetGebieteZumRaumbezug/KRE": "GetGebieteZumRaumbezug-KRE-response.json",
                 "/Wizard/GetMöglich": "GetMoeglich-POST-response.json",
                 "/Table/GetDataTable": "GetDataTable-POST-response.json"}
        if path in inkar:
            return 200, (FIXTURES / "inkar" / inkar[path]).read_bytes()  # double-encoded, as the server sends it
        return 404, b'{"error": "not found"}'

    def _wegweiser(self, method: str, path: str, query: dict[str, list[str]], body: bytes) -> tuple[int, bytes]:
        if path == "/rest/region/filter" and method == "POST":
            request = json.loads(body or b"{}")
            if request.get("demographicTypes"):
                prefix = request["ags"][0].rstrip("*")
                found = [r for r in self.regions.values() if r["ags"].startswith(prefix)
                         and r.get("demographicType") in request["demographicTypes"]
                         and r["type"] in request.get("regionTypes", [])]
            elif request.get("regionTypes") == ["LANDKREIS"]:
                prefix = request["ags"][0].rstrip("*")
                found = [r for r in self.regions.values() if r["type"] == "LANDKREIS" and r["ags"].startswith(prefix)]
            else:
                found = [r for r in self.regions.values() if r["ags"] in request.get("ags", [])]
                if self.synthetic_municipalities:
                    known = {r["ags"] for r in found}
                    found += [{"friendlyUrl": f"gemeinde-{a}", "name": a, "ags": a, "ars": a[:5] + "0" + a[5:] * 2,
                               "type": "KREISFREIE_STADT"} for a in request.get("ags", []) if a not in known]
            return 200, _json({"friendlyUrl": "filter", "name": "Filter", "regions": found})
        if path == "/rest/region/list":
            types = set(query.get("types", []))
            return 200, _json([r for r in self.regions.values() if r["type"] in types])
        if path.startswith("/rest/statistics/data/"):
            return self._statistics(path[len("/rest/statistics/data/"):].split("+"))
        return 404, b'{"error": "not found"}'

    def _statistics(self, parts: list[str]) -> tuple[int, bytes]:
        first, _, last = parts[-1].partition("-")
        years = list(range(int(first), int(last or first) + 1))
        indicators = [p for p in parts[:-1] if p in self.meta]
        region_urls = [p for p in parts[:-1] if p not in self.meta]
        regions = []
        for url in region_urls:
            if url in self.regions:
                regions.append(self.regions[url])
            elif self.synthetic_municipalities and url.startswith("gemeinde-"):
                ags = url[len("gemeinde-"):]
                regions.append({"friendlyUrl": url, "name": ags, "ags": ags, "ars": ags, "type": "KREISFREIE_STADT"})
            else:
                return 404, b'{"error": "unknown region"}'
        data = []
        for ind in indicators:
            def value(region: dict, year: int, ind: str = ind) -> float | None:
                if self.synthetic_municipalities and region["friendlyUrl"].startswith("gemeinde-"):
                    return float(year % 100)
                return self.values.get(region["friendlyUrl"], {}).get(ind, {}).get(year)
            data.append({**self.meta[ind], "regionYearValues": [[value(r, y) for y in years] for r in regions]})
        return 200, _json({
            "years": years,
            "indicatorsAndTopics": [{"id": self.meta[i]["id"], "friendlyUrl": i, "name": self.meta[i]["name"],
                                     "type": "COMMUNAL_DATA"} for i in indicators],
            "data": {"type": "COMMUNAL_DATA", "regions": regions, "indicators": data},
        })


def _json(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")
