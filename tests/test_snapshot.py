import json

import pandas as pd
import pytest

from bnk_lib.catalogue import load_indicators
from bnk_lib.errors import DataSourceError
from bnk_lib.sources import COLUMNS, embedded_path, read_csv, read_snapshot

from .conftest import SNAPSHOT

OFFICIAL_FIELDS_IGNORED = ("score", "quality", "dimension", "kwiScore")


@pytest.fixture(scope="module")
def snapshot_doc() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return read_snapshot(SNAPSHOT)


def test_columns_and_resolved_ags(frame):
    assert list(frame.columns) == COLUMNS
    assert set(frame["ags"]) == {"08221000", "08"}
    assert set(frame["licence"]) == {"dl-de/by-2-0"}
    assert set(frame.loc[frame["ags"] == "08", "level_used"]) == {"Land"}


def test_every_time_series_point_equals_the_snapshot(frame, snapshot_doc):
    catalogue = load_indicators()
    checked = 0
    for item in snapshot_doc["indicators"]:
        indicator = catalogue.by_sdg_portal_id(item["id"])
        if indicator is None:
            continue
        rows = frame[(frame["indicator_id"] == indicator.id) & (frame["ags"] == "08221000")]
        expected = {(p["year"], p["value"]) for p in item["timeseries"] if p["value"] is not None}
        if expected:
            assert {(int(y), v) for y, v in zip(rows["year"], rows["value"], strict=True)} == expected
            checked += len(expected)
        if item.get("stateAverage") is not None:
            land = frame[(frame["indicator_id"] == indicator.id) & (frame["ags"] == "08")]
            assert land["value"].tolist() == [item["stateAverage"]]
            assert land["year"].tolist() == [item["year"]]
    assert checked > 400


def test_sgb_quote_2023(frame):
    row = frame[(frame["indicator_id"] == "sdgp.sgb_quote") & (frame["year"] == 2023)]
    assert dict(zip(row["ags"], row["value"], strict=True)) == {"08221000": 5.35, "08": 5.97}


def test_single_values_without_year_are_kept(frame):
    hausarzt = frame[frame["indicator_id"] == "sdgp.gv_hausarzt"]
    assert hausarzt["value"].tolist() == [325.0]
    assert hausarzt["year"].isna().all()


def test_non_official_fields_are_ignored(tmp_path, snapshot_doc, frame):
    doc = json.loads(json.dumps(snapshot_doc))
    for item in doc["indicators"]:
        for key in OFFICIAL_FIELDS_IGNORED:
            item[key] = "geändert"
    doc["summary"] = {"kwiScore": -1}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    pd.testing.assert_frame_equal(read_snapshot(path), frame)


def test_embedded_default_data_equal_the_snapshot(frame):
    pd.testing.assert_frame_equal(read_csv(embedded_path("08221000")), frame)


def test_unknown_and_ambiguous_municipality(tmp_path, snapshot_doc):
    doc = dict(snapshot_doc, municipality={"name": "Atlantis, Stadt", "slug": "atlantis-stadt"})
    path = tmp_path / "atlantis.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataSourceError, match="Atlantis, Stadt.*bnk regions --search"):
        read_snapshot(path)
    # An explicit AGS resolves what the name cannot.
    assert set(read_snapshot(path, ags="08221000")["ags"]) == {"08221000", "08"}


def test_not_a_snapshot(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(DataSourceError, match="other.json: kein SDG-Portal-Snapshot"):
        read_snapshot(path)
    path.write_text('{"municipality": ', encoding="utf-8")
    with pytest.raises(DataSourceError, match="kein gültiges JSON"):
        read_snapshot(path)


def test_provider_remarks_are_split_from_the_data_holders(frame):
    hausarzt = frame[frame["indicator_id"] == "sdgp.gv_hausarzt"].iloc[0]
    assert hausarzt["source"] == "Bundesinstitut für Bau-, Stadt- und Raumforschung, Statistische Ämter der Länder"
    assert hausarzt["note"] == "Datenstand 2021"
    assert not frame["source"].str.contains("Hinweis").any()
    assert (frame[frame["indicator_id"] == "sdgp.sgb_quote"]["note"] == "").all()
