import copy
import subprocess
import sys
from pathlib import Path

import pytest


def bnk(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "bnk_lib.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("ags", ["99999999", "8221000", "0822100X", "08.221.000"])
def test_bad_ags_one_line_exit_2_nothing_written(tmp_path, ags):
    out = tmp_path / "outputs"
    result = bnk("report", "--ags", ags, "--output-dir", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Fehler: ") and ags in lines[0]
    assert "bnk regions --search" in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_report_help_explains():
    result = bnk("report", "--help")
    assert result.returncode == 0
    assert "--ags" in result.stdout and "papermill" in result.stdout and "PDF" in result.stdout


def test_regions_search():
    result = bnk("regions", "--search", "Heidelberg")
    assert result.returncode == 0
    assert "08221000  Heidelberg, Stadt" in result.stdout


def test_fetch_snapshot_writes_tidy_csv(tmp_path):
    from bnk_lib.sources import read_csv, read_snapshot

    from .conftest import SNAPSHOT

    target = tmp_path / "t.csv"
    result = bnk("fetch", "--provider", "snapshot", "--file", str(SNAPSHOT), "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert read_csv(target).equals(read_snapshot(SNAPSHOT))


def test_fetch_error_writes_nothing(tmp_path):
    target = tmp_path / "t.csv"
    result = bnk("fetch", "--provider", "snapshot", "--file", str(tmp_path / "missing.json"), "--output", str(target))
    assert result.returncode == 2
    assert "missing.json" in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


def test_catalogue_show_bnk1():
    result = bnk("catalogue", "show", "--framework", "bnk-1.0")
    assert result.returncode == 0
    criteria = [line for line in result.stdout.splitlines() if line.startswith("    ")]
    assert len(criteria) == 18
    assert "Steuerung [verified] – 9 Kriterien" in result.stdout
    assert "Handlungsfelder [verified] – 9 Kriterien" in result.stdout
    assert "Indikatoren: 55" in result.stdout


def test_catalogue_validate_broken_file_exit_2(tmp_path):
    import yaml

    from .test_frameworks import DOC

    doc = {"frameworks": {"bnk-1.0": copy.deepcopy(DOC["frameworks"]["bnk-1.0"])}}
    doc["frameworks"]["bnk-1.0"]["parts"][0]["criteria"][7]["indicators"] = ["sdgp.gibt_es_nicht"]
    bad = tmp_path / "kaputt.yaml"
    bad.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = bnk("catalogue", "validate", str(bad))
    assert result.returncode == 2
    assert "kaputt.yaml:" in result.stderr and "parts[0].criteria[7].indicators[0]" in result.stderr
    assert "Traceback" not in result.stderr
    good = bnk("catalogue", "validate", str(Path(__file__).resolve().parents[1] / "bnk_lib/catalogue/frameworks.yaml"))
    assert good.returncode == 0, good.stderr
