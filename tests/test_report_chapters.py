"""The report follows the catalogue: one chapter per criterion, comply-or-explain markers, linked indicators."""

import copy
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from bnk_lib.catalogue import load_catalogue
from bnk_lib.report.pipeline import render_report

FRAMEWORKS = Path(__file__).resolve().parents[1] / "bnk_lib" / "catalogue" / "frameworks.yaml"


def test_every_criterion_is_a_chapter_with_coverage_and_markers(heidelberg_report):
    soup = BeautifulSoup(heidelberg_report.html.read_text(encoding="utf-8"), "html.parser")
    fw = load_catalogue().framework("bnk-1.0")
    for criterion in fw.criteria():
        heading = soup.find("h3", id=criterion.id.replace(".", "-"))
        assert heading is not None, criterion.id
        assert criterion.title in heading.get_text()
        section = heading.find_parent("section")
        coverage = section.find(class_="bnk-coverage").get_text()
        total = len(criterion.aspects)
        assert coverage == f"0 von {total} {'Aspekt' if total == 1 else 'Aspekten'} berichtet"
        aspects = section.find_all(class_="bnk-aspect")
        assert len(aspects) == total
        assert all("Nicht berichtet" in a.get_text() for a in aspects)
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
