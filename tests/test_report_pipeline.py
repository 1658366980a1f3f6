"""The default report end to end: papermill executes the master notebook, nbconvert exports HTML + PDF."""

import json
import re
import subprocess
import sys

import nbformat
import pytest
from pypdf import PdfReader

from bnk_lib.report.pipeline import render_report


@pytest.fixture(scope="module")
def pdf_text(heidelberg_report) -> list[str]:
    # pypdf keeps the layout's double spaces (number span + title); compare words, not spacing.
    return [re.sub(r"[ \t]+", " ", page.extract_text()) for page in PdfReader(heidelberg_report.pdf).pages]


def test_outputs_written(heidelberg_report):
    for path in (heidelberg_report.html, heidelberg_report.pdf, heidelberg_report.notebook):
        assert path.exists() and path.stat().st_size > 10_000
    assert heidelberg_report.html.name == "bnk-bericht-08221000-2026.html"
    assert not list(heidelberg_report.html.parent.glob(".*.part")), "no temp files left behind"
    manifest = json.loads((heidelberg_report.html.parent / ".bnk-manifest.json").read_text(encoding="utf-8"))
    assert manifest["ags"] == "08221000" and manifest["html"] == str(heidelberg_report.html)
    assert heidelberg_report.data.exists() and manifest["outputs"]["data"]


def test_parameters_injected_as_strings(heidelberg_report):
    nb = nbformat.read(heidelberg_report.notebook, as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'ags = "08221000"' in injected.source


def test_pdf_contains_real_values_in_german_format(pdf_text):
    text = "\n".join(pdf_text)
    assert "Heidelberg" in text
    table = re.search(r"SGB II-/ SGB XII-Quote.*?Richtung\s*5,35\s*2023\s*%\s*5,97 \(2023\)", text, re.S)
    assert table, "SGB II-/SGB XII-Quote 2023 = 5,35 with Land average 5,97"
    assert "Baden-Württemberg" in text  # umlauts survive
    assert "dl-de/by-2-0" in text and "Datenlizenz Deutschland" in text


def test_pdf_pages_numbers_toc_and_bookmarks(heidelberg_report, pdf_text):
    reader = PdfReader(heidelberg_report.pdf)
    pages = len(reader.pages)
    assert pages > 20
    assert f"Seite 2 von {pages}" in pdf_text[1]
    assert f"Seite {pages} von {pages}" in pdf_text[-1]
    toc = pdf_text[1] + pdf_text[2]  # the table of contents fills two pages
    for chapter in ("1 Einleitung", "2 Kommunales Profil", "3 Steuerung", "01 Strategie", "4 Handlungsfelder",
                    "18 Globale Verantwortung und Eine Welt", "5 Indikatoren nach SDG", "5.1 SDG 1 – Keine Armut"):
        assert chapter in toc, chapter
    top_level = [item for item in reader.outline if not isinstance(item, list)]
    bookmarks = {" ".join(item.title.split()): reader.get_destination_page_number(item) for item in top_level}
    for chapter in ("1 Einleitung", "2 Kommunales Profil", "3 Steuerung", "4 Handlungsfelder",
                    "5 Indikatoren nach SDG", "6 Anhang: Quellen und Lizenzen", "7 Impressum und Datenstand"):
        assert chapter in bookmarks, chapter
        # the bookmark leads to the page where the chapter heading is printed
        assert chapter in pdf_text[bookmarks[chapter]], chapter


def test_pdf_has_static_charts_and_embedded_fonts(heidelberg_report):
    reader = PdfReader(heidelberg_report.pdf)
    fonts, xobjects = set(), 0
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font.get("/DescendantFonts", [{}])[0].get_object().get(
                "/FontDescriptor"
            )
            if descriptor:
                d = descriptor.get_object()
                assert any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"font {font} not embedded"
                fonts.add(str(font.get("/BaseFont")))
        xobjects += len(resources.get("/XObject") or {})
    assert fonts
    assert xobjects >= 40, "one static (vector) chart per indicator with a time series"


def test_html_has_no_code_and_works_offline(heidelberg_report):
    html = heidelberg_report.html.read_text(encoding="utf-8")
    assert '<html lang="de">' in html
    for code in ("build_context", "import ", "display(", "jp-InputArea", "In&nbsp;["):
        assert code not in html
    assert not re.search(r'<script[^>]+src=["\']https?:', html), "no CDN scripts"
    assert not re.search(r'<link[^>]+href=["\']https?:', html)
    assert html.count("plotly.js (basic - minified)") == 1, "plotly.js embedded exactly once"
    assert heidelberg_report.html.stat().st_size <= 5 * 1024 * 1024
    visible = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert "Traceback" not in visible and "Warning" not in visible


def test_nbconvert_cli_exports_bnk_pdf_and_html(heidelberg_report, tmp_path):
    for fmt, ext in (("bnk_pdf", ".pdf"), ("bnk_html", ".html")):
        subprocess.run(
            [sys.executable, "-m", "jupyter", "nbconvert", "--to", fmt, str(heidelberg_report.notebook),
             "--output-dir", str(tmp_path)],
            check=True, capture_output=True,
        )
        out = tmp_path / (heidelberg_report.notebook.stem + ext)
        assert out.exists() and out.stat().st_size > 10_000
    assert len(PdfReader(tmp_path / (heidelberg_report.notebook.stem + ".pdf")).pages) == len(
        PdfReader(heidelberg_report.pdf).pages
    )


def test_leading_zero_ags_through_the_whole_pipeline(tmp_path):
    """Flensburg (01001000) has no embedded indicator data: the report says so instead of failing."""
    result = render_report("01001000", output_dir=tmp_path)
    nb = nbformat.read(result.notebook, as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'ags = "01001000"' in injected.source
    text = "\n".join(p.extract_text() for p in PdfReader(result.pdf).pages)
    assert "Flensburg" in text and "01001000" in text
    assert "Werte zu 0 von 55" in text


def test_pdf_hyphenates_german_text(pdf_text):
    """lang="de" + hyphens: auto: WeasyPrint breaks long German words with a hyphen at line ends."""
    text = "\n".join(pdf_text)
    assert re.search(r"[a-zäöüß]‐\n[a-zäöüß]", text), "no hyphenated line break found"
