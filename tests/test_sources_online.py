"""Wegweiser Kommune and INKAR providers against a real HTTP server on 127.0.0.1 replaying recorded responses."""

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml

from bnk_lib.catalogue import load_catalogue
from bnk_lib.errors import DataSourceError
from bnk_lib.sources import HttpClient, HttpSettings, InkarProvider, WegweiserProvider, read_csv

from .replay_server import FIXTURES, ReplayServer

LEMGO = "05766044"
RECORDED = json.loads((FIXTURES / "wegweiser" / "statistics-lemgo-2021-2023.json").read_text(encoding="utf-8"))


@pytest.fixture
def server():
    with ReplayServer() as s:
        yield s


def client(tmp_path: Path, **kw) -> HttpClient:
    settings = dict(cache_path=tmp_path / "cache.sqlite", timeout=(1.0, 2.0), backoff=0.01)
    return HttpClient(HttpSettings(**{**settings, **kw}))


def provider(server, http) -> WegweiserProvider:
    return WegweiserProvider(http, base_url=f"{server.url}/data-api")


def test_values_equal_the_recorded_responses(server, tmp_path):
    frame = provider(server, client(tmp_path)).fetch([LEMGO], years=(2021, 2023), with_land=False, with_bund=False)
    catalogue = load_catalogue().indicators
    by_url = {i.ids.wegweiser: i for i in catalogue if i.ids.wegweiser}
    checked = 0
    for item in RECORDED["data"]["indicators"]:
        indicator = by_url[item["friendlyUrl"]]
        pairs = zip(RECORDED["years"], item["regionYearValues"][0], strict=True)
        expected = {(y, v) for y, v in pairs if v is not None}
        own = frame[(frame["indicator_id"] == indicator.id) & (frame["ags"] == LEMGO)
                    & (frame["level_used"] == "Gemeinde")]
        assert {(int(y), v) for y, v in zip(own["year"], own["value"], strict=True)} == expected, indicator.id
        checked += len(expected)
    assert checked > 100
    assert set(frame["licence"]) == {"dl-de/by-2-0"}
    assert frame["attribution"].str.contains("Bertelsmann Stiftung/www.wegweiser-kommune.de").all()


def test_land_bund_and_kreis_fallback(server, tmp_path):
    frame = provider(server, client(tmp_path)).fetch([LEMGO], years=(2021, 2023))
    sgb = frame[frame["indicator_id"] == "sdgp.sgb_quote"]
    assert dict(zip(sgb[sgb["ags"] == "05"]["year"], sgb[sgb["ags"] == "05"]["value"], strict=True)) == {
        2021: 11.1, 2022: 11.2, 2023: 11.3}
    assert set(sgb[sgb["ags"] == "DG"]["level_used"]) == {"Bund"}
    homeless = frame[(frame["indicator_id"] == "sdgp.wohnungslosigkeit") & (frame["ags"] == LEMGO)]
    assert homeless["value"].tolist() == [0.21, 0.22] and set(homeless["level_used"]) == {"Kreis"}
    assert "Landkreisebene" in homeless["note"].iloc[0]


def test_batched_requests_cold_and_warm(server, tmp_path):
    http = client(tmp_path)
    provider(server, http).fetch([LEMGO], years=(2014, 2023))
    cold = len(server.requests)
    assert cold <= 5, server.requests
    provider(server, http).fetch([LEMGO], years=(2014, 2023))
    assert len(server.requests) == cold, "second run is served from the cache"
    assert http.requests_sent == cold


def test_offline_with_empty_cache_opens_no_socket(server, tmp_path, monkeypatch):
    def forbidden(*args, **kw):
        raise AssertionError("offline mode opened a socket")

    monkeypatch.setattr(socket.socket, "connect", forbidden)
    with pytest.raises(DataSourceError, match="offline, aber nicht im Cache"):
        provider(server, client(tmp_path, offline=True)).fetch([LEMGO], years=(2021, 2023))
    assert server.requests == []


def test_offline_after_a_warm_run(server, tmp_path):
    online = provider(server, client(tmp_path)).fetch([LEMGO], years=(2021, 2023))
    before = len(server.requests)
    offline = provider(server, client(tmp_path, offline=True)).fetch([LEMGO], years=(2021, 2023))
    assert len(server.requests) == before
    pd.testing.assert_frame_equal(online.drop(columns="retrieved_at"), offline.drop(columns="retrieved_at"))


def test_server_error_then_success(server, tmp_path):
    server.fail(status=500)
    frame = provider(server, client(tmp_path)).fetch([LEMGO], years=(2021, 2023), with_land=False, with_bund=False)
    assert not frame.empty
    assert server.requests[0] == server.requests[1], "the failed request was retried"


def test_429_honours_retry_after(server, tmp_path):
    server.fail(status=429, retry_after=1)
    start = time.monotonic()
    provider(server, client(tmp_path)).fetch([LEMGO], years=(2021, 2023), with_land=False, with_bund=False)
    assert time.monotonic() - start >= 1.0


def test_timeout(server, tmp_path):
    server.fail(delay=3)
    with pytest.raises(DataSourceError, match="keine Antwort innerhalb von 2 s"):
        provider(server, client(tmp_path, retries=0)).fetch([LEMGO], years=(2021, 2023))


def test_html_page_instead_of_json(server, tmp_path):
    server.fail(html=True)
    with pytest.raises(DataSourceError, match="HTML-Seite statt JSON"):
        provider(server, client(tmp_path)).fetch([LEMGO], years=(2021, 2023))


def test_truncated_json(server, tmp_path):
    server.fail(truncated=True)
    with pytest.raises(DataSourceError, match="unvollständiges oder ungültiges JSON"):
        provider(server, client(tmp_path)).fetch([LEMGO], years=(2021, 2023))


def test_persistent_server_error(server, tmp_path):
    for _ in range(4):
        server.fail(status=503)
    with pytest.raises(DataSourceError, match="HTTP 503"):
        provider(server, client(tmp_path)).fetch([LEMGO], years=(2021, 2023))


def test_unknown_ags(server, tmp_path):
    with pytest.raises(DataSourceError, match="kennt die AGS 01001000 nicht"):
        provider(server, client(tmp_path)).fetch(["01001000"], years=(2021, 2023))


def test_connection_refused(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nobody listens there
    ww = WegweiserProvider(client(tmp_path, retries=0), base_url=f"http://127.0.0.1:{port}/data-api")
    with pytest.raises(DataSourceError, match="Server nicht erreichbar"):
        ww.fetch([LEMGO])


def test_tls_verification_stays_on(tmp_path):
    assert client(tmp_path).session.verify is True
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    assert client(tmp_path, ca_bundle=str(bundle)).session.verify == str(bundle)


def test_inkar_double_encoded_responses(server, tmp_path):
    own = tmp_path / "katalog.yaml"
    own.write_text(yaml.safe_dump({"indicators": [{
        "id": "own.bip_absolut", "name": "Bruttoinlandsprodukt absolut", "unit": "Mio. Euro", "sdg": 8,
        "direction": "none", "direction_status": "inferred", "status": "verified", "ids": {"inkar": "11"}}]},
        allow_unicode=True), encoding="utf-8")
    catalogue = load_catalogue(own).indicators
    inkar = InkarProvider(client(tmp_path), base_url=server.url, catalogue=catalogue)
    assert inkar.regions_of_level("KRE")["01001"] == "Flensburg, Stadt"
    frame = inkar.fetch(["01001000"], ["own.bip_absolut"], years=(2021, 2021))
    assert frame["value"].tolist() == [3992237.0]
    assert frame["level_used"].tolist() == ["Kreis"] and frame["ags"].tolist() == ["01001000"]
    assert "Laufende Raumbeobachtung des BBSR" in frame["attribution"].iloc[0]


def bnk(*args, env_cache: Path):
    import os

    env = {**os.environ, "BNK_CACHE_DIR": str(env_cache)}
    return subprocess.run([sys.executable, "-m", "bnk_lib.cli", *args], capture_output=True, text=True, env=env)


def test_cli_fetch_wegweiser(server, tmp_path):
    target = tmp_path / "t.csv"
    result = bnk("fetch", "--provider", "wegweiser", "--ags", LEMGO, "--years", "2021-2023",
                 "--base-url", f"{server.url}/data-api", "--output", str(target), env_cache=tmp_path / "c")
    assert result.returncode == 0, result.stderr
    frame = read_csv(target)
    row = frame[(frame["indicator_id"] == "sdgp.sgb_quote") & (frame["ags"] == LEMGO) & (frame["year"] == 2023)]
    assert row["value"].tolist() == [8.0]


def test_cli_fetch_offline_and_refused_write_nothing(tmp_path):
    target = tmp_path / "t.csv"
    offline = bnk("fetch", "--provider", "wegweiser", "--ags", LEMGO, "--offline", "--output", str(target),
                  env_cache=tmp_path / "empty")
    assert offline.returncode == 2 and "nicht im Cache" in offline.stderr and "Traceback" not in offline.stderr
    refused = bnk("fetch", "--provider", "wegweiser", "--ags", LEMGO, "--base-url", "http://127.0.0.1:9/data-api",
                  "--output", str(target), env_cache=tmp_path / "c2")
    assert refused.returncode == 2 and "nicht erreichbar" in refused.stderr and "Traceback" not in refused.stderr
    assert not target.exists()


def test_report_online_mode(server, tmp_path, monkeypatch):
    """data_mode online: the master notebook gets its data through the same provider (kernel inherits env)."""
    from pypdf import PdfReader

    from bnk_lib.report.pipeline import render_report

    monkeypatch.setenv("BNK_WEGWEISER_URL", f"{server.url}/data-api")
    monkeypatch.setenv("BNK_CACHE_DIR", str(tmp_path / "cache"))
    result = render_report(LEMGO, data_mode="online", output_dir=tmp_path / "out")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(result.pdf).pages)
    assert "Lemgo" in text and "Wegweiser Kommune" in text
    assert "Bertelsmann Stiftung/www.wegweiser-kommune.de" in text
    assert "(Wert des Kreises)" in text  # Wohnungslosigkeit from Landkreis Lippe, said so


def test_peers_same_land_and_demographic_type(server, tmp_path):
    ww = provider(server, client(tmp_path))
    assert ww.peers(LEMGO) == ["05766020"]  # Detmold (type 5); Bad Salzuflen (type 4) is not a peer
    with pytest.raises(DataSourceError, match="kennt die AGS"):
        ww.peers("01001000")


def test_cli_fetch_with_automatic_peers(server, tmp_path):
    target = tmp_path / "t.csv"
    result = bnk("fetch", "--provider", "wegweiser", "--ags", LEMGO, "--peers", "3", "--years", "2021-2023",
                 "--base-url", f"{server.url}/data-api", "--output", str(target), env_cache=tmp_path / "c")
    assert result.returncode == 0, result.stderr
    statistics = [r for r in server.requests if "/rest/statistics/data/" in r]
    assert len(statistics) == 1 and "+lemgo+detmold+" in statistics[0], "peer fetched in the same request"
    assert {"05766044"} <= set(read_csv(target)["ags"])
