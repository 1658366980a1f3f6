"""The analysts' notebook runs top to bottom offline (papermill), so it cannot rot."""

from pathlib import Path

import openpyxl
import papermill as pm

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore_indicators.ipynb"


def test_explore_notebook_runs_and_exports(tmp_path):
    out = tmp_path / "explore.ipynb"
    pm.execute_notebook(
        str(NOTEBOOK), str(out), kernel_name="python3", progress_bar=False,
        parameters={"municipality": "Heidelberg, Stadt", "indicators": ["sdgp.sgb_quote", "sdgp.pkw_dichte"],
                    "export_dir": str(tmp_path / "export")},
    )
    files = sorted(p.name for p in (tmp_path / "export").iterdir())
    assert "indikatoren-08221000.csv" in files and "indikatoren-08221000.xlsx" in files
    assert "chart-sdgp-pkw_dichte-08221000.svg" in files and "bars-sdgp-sgb_quote-08221000.png" in files
    sheet = openpyxl.load_workbook(tmp_path / "export" / "indikatoren-08221000.xlsx")["Indikatoren"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["ags", "indicator_id", "year", "value"]
    rows = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "sdgp.sgb_quote" and r[2] == 2023]
    assert sorted(r[3] for r in rows) == [5.35, 5.97]
