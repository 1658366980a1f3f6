"""Freigabe → immutable release → static site, checked with real files and headless Chromium."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import sync_playwright

from bnk_lib.project import load_project
from bnk_lib.release import ReleaseError, approve, build_site, publish, read_ledger
from bnk_lib.report.engine import ENGINE_NAME
from bnk_lib.report.pipeline import render_report
from bnk_lib.sources import read_csv

from .conftest import require
from .test_browser import CHROMIUM_ARGS

FLENSBURG = "01001000"


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    folder = tmp_path_factory.mktemp("release")
    notes = folder / "inhalte"
    notes.mkdir()
    (notes / "c01.md").write_text("## bnk1.c01.a1: berichtet\nStrategie <script>alert('x')</script> beschlossen.\n",
                                  encoding="utf-8")
    project = folder / "project.yaml"
    project.write_text(yaml.safe_dump({"programme": "Testprogramm", "year": 2026, "municipalities": [
        {"ags": FLENSBURG, "name": "Flensburg", "content": "inhalte"}, {"ags": "05766044", "name": "Lemgo"}]}),
        encoding="utf-8")
    out = folder / "outputs"
    render_report(FLENSBURG, content=str(notes), project=str(project), output_dir=out, engine=ENGINE_NAME)
    entry = approve(FLENSBURG, "Erika Muster, Bürgermeisterin", "Freigabe im Rat", out)
    target = publish(FLENSBURG, out)
    return {"folder": folder, "out": out, "notes": notes, "project": project, "entry": entry, "target": target}


def test_approval_is_recorded_in_an_append_only_ledger(released):
    ledger = read_ledger(released["out"])
    assert [e["event"] for e in ledger] == ["approve", "publish"]
    approval = ledger[0]
    assert approval["by"] == "Erika Muster, Bürgermeisterin" and approval["version"] == "2026-v1"
    assert {"content", "notebook", "library", "data", "parameters"} <= set(approval["inputs"])
    assert set(approval["outputs"]) == {"html", "pdf", "data"}


def test_release_is_complete_and_read_only(released):
    target = released["target"]
    assert sorted(p.name for p in target.iterdir()) == ["bericht.html", "bericht.pdf", "freigabe.json",
                                                         "indikatoren.csv", "indikatoren.json"]
    assert all(not (p.stat().st_mode & 0o222) for p in target.iterdir())
    html = (target / "bericht.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html  # municipality text neutralised


def test_second_publish_refused_files_unchanged(released):
    before = {p.name: p.read_bytes() for p in released["target"].iterdir()}
    with pytest.raises(ReleaseError, match="bereits veröffentlicht"):
        publish(FLENSBURG, released["out"])
    assert {p.name: p.read_bytes() for p in released["target"].iterdir()} == before


def test_changed_content_refused_naming_the_input(released):
    page = released["notes"] / "c01.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "Nachtrag.\n", encoding="utf-8")
    try:
        with pytest.raises(ReleaseError, match="geänderte Eingaben: content"):
            publish(FLENSBURG, released["out"])
        with pytest.raises(ReleaseError, match="nicht mehr aktuell .*content"):
            approve(FLENSBURG, "Erika Muster, Bürgermeisterin", output_dir=released["out"])
    finally:
        page.write_text(original, encoding="utf-8")


def test_no_approval_no_publication(released):
    with pytest.raises(ReleaseError, match="Keine Freigabe für AGS 05766044"):
        publish("05766044", released["out"])
    with pytest.raises(ReleaseError, match="keinen gerenderten Bericht"):
        approve("05766044", "X", output_dir=released["out"])


def test_site_links_released_only_and_csv_equals_report(released):
    site = build_site(load_project(released["project"]), released["out"])
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{FLENSBURG}/index.html"' in index
    assert "05766044" not in index and "noch nicht veröffentlicht" in index
    csv = read_csv(site / FLENSBURG / "indikatoren.csv")
    rendered = read_csv(Path(released["entry"]["files"]["data"]))
    assert csv.equals(rendered)
    data = json.loads((site / FLENSBURG / "indikatoren.json").read_text(encoding="utf-8"))
    assert data["version"] == "2026-v1" and len(data["rows"]) == len(csv)


def test_site_in_chromium(released):
    site = build_site(load_project(released["project"]), released["out"])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=require("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto((site / "index.html").as_uri())
        links = page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
        for link in links:
            assert Path(link.removeprefix("file://")).exists(), link
        page.click(f"a[href='{FLENSBURG}/index.html']")
        for link in page.evaluate("[...document.querySelectorAll('a')].map(a => a.href)"):
            assert Path(link.removeprefix("file://")).exists(), link
        page.click("text=Bericht lesen (HTML)")
        page.wait_for_load_state("load")
        assert "Flensburg" in page.title()
        browser.close()
    assert errors == []


def test_cli_publish_refusal_is_one_line(released):
    result = subprocess.run([sys.executable, "-m", "bnk_lib.cli", "publish", FLENSBURG, "--output-dir",
                             str(released["out"])], capture_output=True, text=True)
    assert result.returncode == 2 and "bereits veröffentlicht" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
