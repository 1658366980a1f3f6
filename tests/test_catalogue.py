from pathlib import Path

import pytest
import yaml

from bnk_lib.catalogue import load_indicators, parse_indicator_file
from bnk_lib.errors import CatalogueError

SHIPPED = Path(__file__).resolve().parents[1] / "bnk_lib" / "catalogue" / "indicators.yaml"


def shipped_doc() -> dict:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def test_55_indicators_with_unit_sdg_direction():
    catalogue = load_indicators()
    assert len(catalogue) == 55
    for indicator in catalogue:
        assert indicator.unit
        assert 1 <= indicator.sdg <= 17
        assert indicator.direction_de in {"niedriger ist besser", "höher ist besser", "keine Richtung"}


def test_research_tags_are_kept():
    catalogue = load_indicators()
    sgb = catalogue.get("sdgp.sgb_quote")
    assert (sgb.direction, sgb.direction_status) == ("lower_is_better", "verified")
    assert sgb.ids.wegweiser == "sgb-ii-sgb-xii-quote" and sgb.ids.inkar == "16001"
    hausarzt = catalogue.get("sdgp.gv_hausarzt")
    assert hausarzt.direction_status == "inferred"
    assert "review" in (catalogue.get("sdgp.landschaftsqualitaet").note or "")
    assert catalogue.get("sdgp.luftschadstoffe").definition_changes[0].text.startswith("Datenstand 2023")


def _dump(doc: dict) -> str:
    return yaml.safe_dump(doc, allow_unicode=True)


def test_bad_sdg_names_path():
    doc = shipped_doc()
    doc["indicators"][3]["sdg"] = 18
    with pytest.raises(CatalogueError, match=r"x.yaml:\d+: indicators\[3\]\.sdg"):
        parse_indicator_file(_dump(doc), "x.yaml")


def test_duplicate_id_names_both_places():
    doc = shipped_doc()
    doc["indicators"][5]["id"] = doc["indicators"][1]["id"]
    with pytest.raises(CatalogueError, match=r"indicators\[5\]\.id: doppelte Kennung .* indicators\[1\]"):
        parse_indicator_file(_dump(doc), "x.yaml")


def test_unknown_key_and_bad_status():
    doc = shipped_doc()
    doc["indicators"][0]["colour"] = "red"
    with pytest.raises(CatalogueError, match=r"indicators\[0\]\.colour"):
        parse_indicator_file(_dump(doc), "x.yaml")
    doc = shipped_doc()
    doc["indicators"][2]["status"] = "sure"
    with pytest.raises(CatalogueError, match=r"indicators\[2\]\.status"):
        parse_indicator_file(_dump(doc), "x.yaml")


def test_consultant_file_extends_and_overrides(tmp_path):
    own = {
        "indicators": [
            {**shipped_doc()["indicators"][0], "name": "SGB-Quote (eigene Fassung)"},
            {"id": "own.radwege", "name": "Radwegenetz", "unit": "km", "sdg": 11,
             "direction": "higher_is_better", "direction_status": "inferred", "status": "inferred"},
        ]
    }
    path = tmp_path / "mein-katalog.yaml"
    path.write_text(_dump(own), encoding="utf-8")
    catalogue = load_indicators(path)
    assert len(catalogue) == 56
    assert catalogue.get("sdgp.sgb_quote").name == "SGB-Quote (eigene Fassung)"
    assert catalogue.get("own.radwege").unit == "km"


def test_unreadable_and_invalid_yaml(tmp_path):
    with pytest.raises(CatalogueError, match="nicht lesbar"):
        load_indicators(tmp_path / "fehlt.yaml")
    bad = tmp_path / "kaputt.yaml"
    bad.write_text("indicators: [\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="kaputt.yaml: kein gültiges YAML"):
        load_indicators(bad)
