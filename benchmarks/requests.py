"""Count HTTP requests for a full report's data against a local replay server.

A full report: all SDG indicators for the municipality, its Land, the Bund and 5 peers, 10 years.
Goal: ≤ 5 requests cold (empty cache), 0 warm (second run). Run: .venv/bin/python benchmarks/requests.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# This file is named like the `requests` package: keep its folder off the import path.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

from bnk_lib.sources import HttpClient, HttpSettings, WegweiserProvider  # noqa: E402
from tests.replay_server import ReplayServer  # noqa: E402

MUNICIPALITY = "08221000"  # Heidelberg
# Mannheim, Karlsruhe, Freiburg, Stuttgart, Heilbronn
PEERS = ["08222000", "08212000", "08311000", "08111000", "08121000"]


def run(http: HttpClient, url: str) -> tuple[int, float]:
    start = time.perf_counter()
    frame = WegweiserProvider(http, base_url=f"{url}/data-api").fetch([MUNICIPALITY, *PEERS], years=(2014, 2023))
    return len(frame), time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp, ReplayServer(synthetic_municipalities=True) as server:
        http = HttpClient(HttpSettings(cache_path=Path(tmp) / "cache.sqlite"))
        rows, cold_s = run(http, server.url)
        cold = len(server.requests)
        _, warm_s = run(http, server.url)
        warm = len(server.requests) - cold
    print(f"rows: {rows} (6 municipalities + Land + Bund, all catalogue indicators, 2014–2023)")
    print(f"cold: {cold} requests in {cold_s:.2f} s  (goal ≤ 5)")
    print(f"warm: {warm} requests in {warm_s:.2f} s  (goal 0)")
    ok = cold <= 5 and warm == 0
    print("OK" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
