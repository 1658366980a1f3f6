"""The report follows the catalogue: one chapter per criterion, comply-or-explain markers, linked indicators."""

import copy
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from bnk_lib.catalogue import load_catalogue
from bnk_lib.content import REPORTED, load_content
from bnk_lib.report.pipeline import render_report

FRAMEWORKS = Path(__file__).resolve().parents[1] / "bnk_lib" / "catalogue" / "frameworks.yaml"


def test_every_criterion_is_a_chapter_with_coverage_and_markers(heidelberg_report):
    soup = BeautifulSoup(heidelberg_report.html.read_text(encoding="utf-8"), "html.parser")
    fw = load_catalogue().framework("bnk-1.0")
    sample = load_content(Path(__file__).resolve().parents[1] / "data/content/08221000.xlsx", load_catalogue(),
                          "bnk-1.0").content
    for criterion in fw.criteria():
        heading = soup.find("h3", id=criterion.id.replace(".", "-"))
        assert heading is not None, criterion.id
        assert criterion.title in heading.get_text()
        section = heading.find_parent("section")
        coverage = section.find(class_="bnk-coverage").get_text()
        total = len(criterion.aspects)
        reported = sum(sample.status(a.id) == REPORTED for a in criterion.aspects)
        assert coverage.startswith(f"{reported} von {total} {'Aspekt' if total == 1 else 'Aspekten'} berichtet")
        aspects = section.find_all(class_="bnk-aspect")
        assert len(aspects) == total
        for aspect, item in zip(criterion.aspects, aspects, strict=True):
            if not sample.status(aspect.id):
                assert "Nicht berichtet – keine Angaben" in item.get_text()
            else:
                assert "Beispielinhalt" in item.get_text()
        for indicator_id in criterion.indicators:
            name = load_catalogue().indicators.get(indicator_id).name
            assert name in section.get_text(), (criterion.id, indicator_id)


def test_extended_catalogue_text_appears_in_report(tmp_path):
    doc = yaml.safe_load(FRAMEWORKS.read_text(encoding="utf-8"))
    fw = copy.deepcopy(doc["frameworks"]["bnk-1.0"])
    fw["parts"][1]["criteria"][0]["aspects"][0]["official_text"] = "Amtlicher Wortlaut Klimaziele (Test)"
    own = tmp_path / "katalog.yaml"
    own.write_text(yaml.safe_dump({"frameworks": {"bnk-1.0": fw}}, allow_unicode=True), encoding="utf-8")
    # Flensburg: leading-zero AGS, no embedded indicator data, quick to render.
    result = render_report("01001000", catalogue=str(own), output_dir=tmp_path / "out")
    html = result.html.read_text(encoding="utf-8")
    assert "Amtlicher Wortlaut Klimaziele (Test)" in html
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(result.pdf).pages)
    assert "Amtlicher Wortlaut Klimaziele (Test)" in text


def test_sample_content_is_marked_and_every_feature_shows(heidelberg_report):
    soup = BeautifulSoup(heidelberg_report.html.read_text(encoding="utf-8"), "html.parser")
    assert "Enthält Beispielinhalte" in soup.find(class_="bnk-sample-banner").get_text()
    climate = soup.find("h3", id="bnk1-c10").find_parent("section")
    assert climate.find("aside", class_="bnk-lighthouse") is not None
    assert "Klimaschutzkonzept" in climate.get_text()
    assert soup.find("h4", id="ind-own-beispiel_photovoltaik_auf_staedtischen_daechern") is not None
    assert "Radnetz" in soup.find("h3", id="bnk1-c12").find_parent("section").get_text()
