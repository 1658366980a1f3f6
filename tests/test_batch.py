"""A programme of municipalities: project file validation, batch isolation, incremental re-runs, dashboard."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from bnk_lib.batch import run_batch
from bnk_lib.dashboard import write_dashboard
from bnk_lib.project import ProjectError, load_project

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "project-example.yaml"


def project_file(tmp_path: Path, municipalities: list[dict], **extra) -> Path:
    doc = {"programme": "Testprogramm", "year": 2026, "municipalities": municipalities, **extra}
    path = tmp_path / "project.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_example_project_is_valid():
    loaded = load_project(EXAMPLE)
    assert len(loaded.project.municipalities) >= 6
    assert all(isinstance(m.ags, str) and len(m.ags) == 8 for m in loaded.project.municipalities)


def test_unquoted_octal_ags_is_caught_with_path_and_line(tmp_path):
    path = tmp_path / "project.yaml"
    path.write_text("programme: X\nyear: 2026\nmunicipalities:\n  - ags: 01001000\n", encoding="utf-8")
    with pytest.raises(ProjectError, match=r"project\.yaml:4: municipalities\[0\]\.ags: .*262656 ist eine Zahl"):
        load_project(path)


def test_duplicates_missing_content_and_unknown_keys(tmp_path):
    with pytest.raises(ProjectError, match=r"municipalities\[1\]\.ags: AGS '01001000' steht schon"):
        load_project(project_file(tmp_path, [{"ags": "01001000"}, {"ags": "01001000"}]))
    with pytest.raises(ProjectError, match=r"municipalities\[0\]\.content: Datei oder Ordner 'fehlt.xlsx'"):
        load_project(project_file(tmp_path, [{"ags": "01001000", "content": "fehlt.xlsx"}]))
    with pytest.raises(ProjectError, match=r"municipalities\[0\]\.milestones\.workshop_3"):
        load_project(project_file(tmp_path, [{"ags": "01001000", "milestones": {"workshop_3": {}}}]))


@pytest.fixture(scope="module")
def programme(tmp_path_factory):
    """Three municipalities; one has a broken content workbook."""
    folder = tmp_path_factory.mktemp("programme")
    (folder / "kaputt.xlsx").write_text("kein Excel", encoding="utf-8")
    notes = folder / "lemgo-inhalte"
    notes.mkdir()
    (notes / "c01.md").write_text("## bnk1.c01.a1: berichtet\nStrategie vorhanden.\n", encoding="utf-8")
    path = project_file(folder, [
        {"ags": "01001000", "name": "Flensburg", "working_group": [{"name": "A. Muster", "department": "Umweltamt",
                                                                    "role": "Koordination"}]},
        {"ags": "05766044", "name": "Lemgo", "content": "lemgo-inhalte"},
        {"ags": "08222000", "name": "Mannheim", "content": "kaputt.xlsx"},
    ])
    return load_project(path), folder / "out"


def test_batch_isolates_failures_and_skips_unchanged(programme):
    loaded, out = programme
    first = {o.ags: o for o in run_batch(loaded, jobs=2, output_dir=out)}
    assert first["01001000"].status == "ok" and first["05766044"].status == "ok"
    assert first["08222000"].status == "fehlgeschlagen"
    assert "kaputt.xlsx" in first["08222000"].reason and "\n" not in first["08222000"].reason
    assert "Traceback" in (out / "08222000" / "render.log").read_text(encoding="utf-8")
    assert (out / "01001000" / "render.log").exists()
    report = (out / "01001000" / "bnk-bericht-01001000-2026.html").read_text(encoding="utf-8")
    assert "Wie dieser Bericht entstanden ist" in report and "A. Muster" in report and "Umweltamt" in report

    second = {o.ags: o.status for o in run_batch(loaded, jobs=2, output_dir=out, only=["01001000", "05766044"])}
    assert second == {"01001000": "übersprungen", "05766044": "übersprungen"}

    notes = loaded.folder / "lemgo-inhalte" / "c01.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "Ergänzt.\n", encoding="utf-8")
    third = {o.ags: o.status for o in run_batch(loaded, jobs=2, output_dir=out, only=["01001000", "05766044"])}
    assert third == {"01001000": "übersprungen", "05766044": "ok"}
    assert "Ergänzt." in (out / "05766044" / "bnk-bericht-05766044-2026.html").read_text(encoding="utf-8")


def test_cli_exit_code_and_summary(programme):
    loaded, out = programme
    result = subprocess.run([sys.executable, "-m", "bnk_lib.cli", "batch", str(loaded.path), "--output-dir", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "fehlgeschlagen" in result.stdout and "Mannheim" in result.stdout and "übersprungen" in result.stdout


def test_dashboard_lists_milestones_and_coverage(tmp_path):
    pages = write_dashboard(load_project(EXAMPLE), tmp_path)
    soup = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser")
    rows = soup.find("tbody").find_all("tr")
    assert len(rows) == 6
    heidelberg = rows[0].get_text(" ")
    assert "✓ 12.02.2026" in heidelberg and "geplant 15.12.2026" in heidelberg and "53 von 55" in heidelberg
    assert "4 von 56" in heidelberg
    assert not soup.find_all("script", src=True) and not soup.find_all("link", href=True)
    cohort = BeautifulSoup(pages[1].read_text(encoding="utf-8"), "html.parser")
    first = cohort.find("tbody").find("tr").get_text(" ")
    assert "5,35 (2023)" in first and "keine Daten" in cohort.get_text()


def test_killed_run_leaves_no_partial_reports(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "bnk_lib.cli", "batch", str(EXAMPLE), "--force", "--output-dir",
                             str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob("*/bnk-bericht-*.pdf")):
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    for html in out.glob("*/*.html"):
        assert html.read_text(encoding="utf-8").rstrip().endswith("</html>"), html
    for pdf in out.glob("*/*.pdf"):
        assert len(PdfReader(pdf).pages) > 5, pdf
    # leftovers of the interrupted write are hidden temp files, removed by the next run
    from bnk_lib.atomic import remove_stale_parts

    remove_stale_parts(out)
    assert not list(out.rglob("*.part"))
