"""BNK frameworks as data: structure, status tags, and validation of corrupted catalogue files."""

import copy
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bnk_lib.catalogue import load_catalogue
from bnk_lib.errors import CatalogueError

FRAMEWORKS = Path(__file__).resolve().parents[1] / "bnk_lib" / "catalogue" / "frameworks.yaml"
DOC = yaml.safe_load(FRAMEWORKS.read_text(encoding="utf-8"))


def test_bnk1_has_18_criteria_in_two_parts():
    fw = load_catalogue().framework("bnk-1.0")
    assert [p.title for p in fw.parts] == ["Steuerung", "Handlungsfelder"]
    assert [len(p.criteria) for p in fw.parts] == [9, 9]
    assert [c.number for c in fw.criteria()] == [f"{n:02d}" for n in range(1, 19)]
    assert fw.criteria()[9].title == "Klimaschutz und Energie"
    assert all(a.status in {"verified", "secondary", "inferred"} for c in fw.criteria() for a in c.aspects)


def test_bnk2_unknowns_are_explicit_placeholders():
    fw = load_catalogue().framework("bnk-2.0")
    handlungsfelder = fw.parts[1].criteria
    assert len(handlungsfelder) == 11
    assert handlungsfelder[0].title == "Klimaschutz und Klimaanpassung"
    assert handlungsfelder[0].predecessors == ["bnk1.c10", "bnk1.c11"]
    assert all(a.status == "placeholder" for c in fw.criteria() for a in c.aspects)
    assert len(fw.core_indicators) == 19
    verified = [k for k in fw.core_indicators if k.status == "verified"]
    assert [(k.indicator, k.criterion) for k in verified] == [("sdgp.sgb_quote", "bnk2.hf07")]


def _load(tmp_path: Path, doc: dict):
    target = tmp_path / "own.yaml"
    target.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    load_catalogue.cache_clear()
    return load_catalogue(target)


def test_dangling_indicator_reference_names_path_and_line(tmp_path):
    doc = copy.deepcopy(DOC)
    doc["frameworks"]["bnk-1.0"]["parts"][1]["criteria"][3]["indicators"].append("sdgp.gibt_es_nicht")
    with pytest.raises(CatalogueError) as err:
        _load(tmp_path, doc)
    message = str(err.value)
    assert re.match(r"^.*own\.yaml:\d+: frameworks\.bnk-1\.0\.parts\[1\]\.criteria\[3\]\.indicators\[\d+\]: ", message)
    assert "sdgp.gibt_es_nicht" in message


def test_duplicate_aspect_id_names_both(tmp_path):
    doc = copy.deepcopy(DOC)
    aspects = doc["frameworks"]["bnk-1.0"]["parts"][1]["criteria"][3]["aspects"]
    aspects[2]["id"] = aspects[0]["id"]
    with pytest.raises(CatalogueError, match=r"parts\[1\]\.criteria\[3\]\.aspects\[2\]\.id: doppelte Kennung"):
        _load(tmp_path, doc)


def test_sdg_18_in_framework(tmp_path):
    doc = copy.deepcopy(DOC)
    doc["frameworks"]["bnk-1.0"]["parts"][1]["criteria"][0]["sdg"] = [7, 18]
    path = r"frameworks\.bnk-1\.0\.parts\[1\]\.criteria\[0\]\.sdg\[1\]"
    with pytest.raises(CatalogueError, match=r"own\.yaml:\d+: " + path):
        _load(tmp_path, doc)


def test_consultant_adds_official_text(tmp_path):
    doc = copy.deepcopy(DOC)
    aspect = doc["frameworks"]["bnk-1.0"]["parts"][0]["criteria"][0]["aspects"][0]
    aspect["official_text"] = "Offizieller Wortlaut aus der Handreichung"
    catalogue = _load(tmp_path, {"frameworks": {"bnk-1.0": doc["frameworks"]["bnk-1.0"]}})
    first = catalogue.framework("bnk-1.0").criteria()[0].aspects[0]
    assert first.display_text == "Offizieller Wortlaut aus der Handreichung"
    assert len(catalogue.framework("bnk-2.0").criteria()) == 19  # untouched framework kept
    load_catalogue.cache_clear()


# --- property-based: random corruptions are always caught with a path ------------------------------

PARTS = DOC["frameworks"]["bnk-1.0"]["parts"]
CRITERIA = [(p, c) for p, part in enumerate(PARTS) for c in range(len(part["criteria"]))]


@st.composite
def corruption(draw):
    p, c = draw(st.sampled_from(CRITERIA))
    criterion = DOC["frameworks"]["bnk-1.0"]["parts"][p]["criteria"][c]
    a = draw(st.integers(0, len(criterion["aspects"]) - 1))
    kind = draw(st.sampled_from(["status", "unknown_key", "dangling", "duplicate", "missing"]))
    value = draw(st.text(alphabet="abcxyz", min_size=3, max_size=8))
    return kind, p, c, a, value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corruption())
def test_random_corruptions_fail_with_path(tmp_path, case):
    kind, p, c, a, value = case
    doc = copy.deepcopy(DOC)
    criterion = doc["frameworks"]["bnk-1.0"]["parts"][p]["criteria"][c]
    base = f"frameworks.bnk-1.0.parts[{p}].criteria[{c}]"
    if kind == "status":
        criterion["aspects"][a]["status"] = "sure-" + value
        expected = f"{base}.aspects[{a}].status"
    elif kind == "unknown_key":
        criterion["aspects"][a]["x_" + value] = 1
        expected = f"{base}.aspects[{a}].x_{value}"
    elif kind == "dangling":
        criterion["indicators"].append("own." + value)
        expected = f"{base}.indicators[{len(criterion['indicators']) - 1}]"
    elif kind == "duplicate":
        criterion["aspects"].append(dict(criterion["aspects"][a]))
        expected = f"{base}.aspects[{len(criterion['aspects']) - 1}].id"
    else:
        del criterion["aspects"][a]["text"]
        expected = f"{base}.aspects[{a}].text"
    with pytest.raises(CatalogueError) as err:
        _load(tmp_path, doc)
    assert expected in str(err.value)
    assert re.search(r"own\.yaml:\d+: ", str(err.value)), "file and line named"
    load_catalogue.cache_clear()
