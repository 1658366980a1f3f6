"""Excel collection template: generation, validated import, comply-or-explain in the report."""

from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup

from bnk_lib.catalogue import load_catalogue
from bnk_lib.content import NOT_APPLICABLE, NOT_REPORTED, REPORTED, load_content, to_html, write_template
from bnk_lib.errors import BnkError, ReportError
from bnk_lib.regions import default_index
from bnk_lib.report import build_context, framework_part
from bnk_lib.report.sections import Fragment

FLENSBURG = "01001000"


@pytest.fixture
def template(tmp_path) -> Path:
    region = default_index().municipality(FLENSBURG)
    return write_template(load_catalogue(), "bnk-1.0", region, tmp_path / "erhebung.xlsx")


def fill(path: Path, aspects: dict, measures=(), own=()) -> Path:
    wb = openpyxl.load_workbook(path)
    for title in ("Steuerung", "Handlungsfelder"):
        for row in wb[title].iter_rows(min_row=2):
            if row[1].value in aspects:
                row[3].value, row[4].value = aspects[row[1].value]
    for index, values in enumerate(measures, start=2):
        for column, value in enumerate(values, start=1):
            wb["Maßnahmen"].cell(row=index, column=column, value=value)
    for index, values in enumerate(own, start=2):
        for column, value in enumerate(values, start=1):
            wb["Eigene Indikatoren"].cell(row=index, column=column, value=value)
    wb.save(path)
    return path


def test_template_structure(template):
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames[:5] == ["Arbeitsanweisung", "Steuerung", "Handlungsfelder", "Maßnahmen", "Eigene Indikatoren"]
    assert wb["_bnk"].sheet_state == "hidden"
    ws = wb["Steuerung"]
    assert [c.value for c in ws[1]][:5] == ["Kriterium", "Aspekt-ID", "Leitfrage", "Status", "Text / Begründung"]
    assert ws.freeze_panes == "D2" and ws.protection.sheet
    assert ws["B2"].protection.locked and not ws["D2"].protection.locked and not ws["E2"].protection.locked
    assert ws.column_dimensions["E"].width >= 60
    validations = [dv for dv in ws.data_validations.dataValidation if "D2" in str(dv.sqref)]
    assert validations and "nicht berichtet – Begründung" in validations[0].formula1
    aspects = sum(len(c.aspects) for c in load_catalogue().framework("bnk-1.0").parts[0].criteria)
    assert ws.max_row == aspects + 1


def test_round_trip_into_the_report(template):
    fill(template, {
        "bnk1.c01.a1": (REPORTED, "Der Rat hat **2024** eine Strategie beschlossen."),
        "bnk1.c10.a2": (NOT_REPORTED, "Wärmeplan in Arbeit, Beschluss 2026."),
        "bnk1.c18.a2": (NOT_APPLICABLE, "Keine Partnerschaft."),
    }, measures=[["Solardach Rathaus", "bnk1.c10", "7", "laufend", "2025", "", "Bauamt", "PV auf dem Rathaus", "",
                  "ja"],
                 ["Radweg Nord", "bnk1.c12", "11", "geplant", "2026", "", "Tiefbau", "Lückenschluss", "", "nein"]],
         own=[["bnk1.c10", "Ladepunkte Stadtwerke", "Anzahl", 2022, 12, "Stadtwerke"],
              ["bnk1.c10", "Ladepunkte Stadtwerke", "Anzahl", 2023, "18", "Stadtwerke"]])
    result = load_content(template, load_catalogue(), "bnk-1.0")
    assert result.problems == []
    row = next(r for r in result.completeness if r["Kriterium"].startswith("10 "))
    assert (row[REPORTED], row[NOT_REPORTED], row["offen"]) == (0, 1, 2)

    ctx = build_context(FLENSBURG, content=template)
    blocks = [b for part in ctx.bnk.parts for b in framework_part(ctx, part)]
    soup = BeautifulSoup("".join(b.markup for b in blocks if isinstance(b, Fragment)), "html.parser")
    strategy = soup.find("h3", id="bnk1-c01").find_parent("section")
    assert "1 von 4 Aspekten berichtet" in strategy.get_text()
    assert strategy.find("strong", string="2024") is not None
    climate = soup.find("h3", id="bnk1-c10").find_parent("section")
    assert "Wärmeplan in Arbeit" in climate.get_text() and "begründet nicht berichtet" in climate.get_text()
    assert climate.find("aside", class_="bnk-lighthouse").find("h4").get_text() == "Solardach Rathaus"
    mobility = soup.find("h3", id="bnk1-c12").find_parent("section")
    assert "Radweg Nord" in mobility.find("table", class_="bnk-measures").get_text()
    assert "Nicht zutreffend" in soup.find(id="bnk1-c18-a2").get_text()
    charts = [b for b in blocks if b.__class__.__name__ == "Chart"]
    assert [c.spec.title for c in charts] == ["Ladepunkte Stadtwerke"]
    assert [v for s in charts[0].spec.series for v in s.values] == [12.0, 18.0]


BROKEN = [
    ({"bnk1.c01.a1": ("erledigt", "x")}, "Blatt 'Steuerung', Zelle D2: Status 'erledigt' ist nicht aus der Liste"),
    ({"bnk1.c01.a1": (REPORTED, None)}, "Blatt 'Steuerung', Zelle E2: „berichtet“ ohne Text"),
    ({"bnk1.c01.a2": (NOT_REPORTED, None)}, "Blatt 'Steuerung', Zelle E3: „nicht berichtet“ ohne Begründung"),
]


@pytest.mark.parametrize(("aspects", "expected"), BROKEN)
def test_broken_aspects(template, aspects, expected):
    result = load_content(fill(template, aspects), load_catalogue(), "bnk-1.0")
    assert len(result.blocking) == 1 and str(result.blocking[0]).startswith(expected)


def test_broken_measures_and_numbers(template):
    fill(template, {}, measures=[["X", "bnk9.c99", "", "", "", "", "", "", "", ""]],
         own=[["bnk1.c10", "Bäume", "Anzahl", 1850, "viele", "Grünflächenamt"]])
    messages = [str(p) for p in load_content(template, load_catalogue(), "bnk-1.0").blocking]
    assert any(m.startswith("Blatt 'Maßnahmen', Zelle B2: Kriterium 'bnk9.c99'") for m in messages)
    assert any(m.startswith("Blatt 'Eigene Indikatoren', Zelle D2: Jahr '1850'") for m in messages)
    assert any(m.startswith("Blatt 'Eigene Indikatoren', Zelle E2: Wert 'viele' ist keine Zahl") for m in messages)


def test_unknown_aspect_id(template):
    wb = openpyxl.load_workbook(template)
    wb["Steuerung"]["B3"].protection = openpyxl.styles.Protection(locked=False)
    wb["Steuerung"]["B3"] = "bnk1.c01.a9"
    wb.save(template)
    messages = [str(p) for p in load_content(template, load_catalogue(), "bnk-1.0").blocking]
    assert messages and messages[0].startswith("Blatt 'Steuerung', Zelle B3: Aspekt-ID 'bnk1.c01.a9'")


def test_foreign_workbook(tmp_path):
    foreign = tmp_path / "haushalt.xlsx"
    openpyxl.Workbook().save(foreign)
    with pytest.raises(BnkError, match="kein Erhebungsbogen der BNK-Werkbank"):
        load_content(foreign, load_catalogue(), "bnk-1.0")
    text = tmp_path / "text.xlsx"
    text.write_text("kein Excel", encoding="utf-8")
    with pytest.raises(BnkError, match="keine lesbare Excel-Datei"):
        load_content(text, load_catalogue(), "bnk-1.0")


def test_blocking_content_stops_the_report_with_a_pointer(template):
    fill(template, {"bnk1.c01.a1": (REPORTED, None)})
    with pytest.raises(ReportError, match="1 Fehler: Blatt 'Steuerung', Zelle E2.*bnk check"):
        build_context(FLENSBURG, content=template)


@pytest.mark.parametrize("attack", [
    "<script>alert('x')</script>Text",
    '<img src=x onerror="alert(1)">',
    "[Klick](javascript:alert(1))",
    '<a href="https://example.org" onclick="steal()">Link</a>',
])
def test_raw_html_and_script_are_neutralised(attack):
    html = to_html(attack)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert all(not attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    assert all(not a.get("href", "").lower().startswith("javascript") for a in soup.find_all("a"))
    assert "&lt;script" in html or "<script" not in attack  # shown as text, never executed


def test_markdown_folder(tmp_path):
    folder = tmp_path / "inhalte"
    folder.mkdir()
    (folder / "c01.md").write_text(
        "## bnk1.c01.a1: berichtet\nStrategie **beschlossen**.\n\n## bnk1.c01.a2: vielleicht\nx\n", encoding="utf-8")
    result = load_content(folder, load_catalogue(), "bnk-1.0")
    assert result.content.aspects["bnk1.c01.a1"].text == "Strategie **beschlossen**."
    assert [str(p) for p in result.problems] == ["c01.md:4: Status 'vielleicht' ist nicht aus der Liste "
                                                 "(berichtet, nicht berichtet – Begründung, nicht zutreffend)."]


def test_sample_workbook_opens_in_libreoffice(tmp_path):
    """The sample Erhebungsbogen converts in headless LibreOffice; its first page shows the instructions."""
    import subprocess

    from pypdf import PdfReader

    from .conftest import ROOT, require

    soffice = require("soffice")
    sample = ROOT / "data" / "content" / "08221000.xlsx"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(sample)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "08221000.pdf"
    first = PdfReader(pdf).pages[0].extract_text()
    assert "Erhebungsbogen" in first and "Rücklauf bis" in first and "Berichten oder erklären" in first
    subprocess.run([require("pdftoppm"), "-r", "30", "-gray", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
                   check=True)
    pixels = next(tmp_path.glob("p-*.pgm")).read_bytes().split(b"\n", 3)[3]
    assert sum(1 for b in pixels if b < 200) > 200, "first page is blank"


def test_cli_check_exit_codes(template):
    import subprocess
    import sys

    def check(path):
        return subprocess.run([sys.executable, "-m", "bnk_lib.cli", "check", str(path)], capture_output=True, text=True)

    ok = check(template)
    assert ok.returncode == 0 and "01 Strategie" in ok.stdout and "0 Fehler" in ok.stdout
    fill(template, {"bnk1.c01.a1": (REPORTED, None)})
    broken = check(template)
    assert broken.returncode == 1 and "FEHLER: Blatt 'Steuerung', Zelle E2" in broken.stdout
