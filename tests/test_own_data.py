"""The municipality's own data (CSV/XLSX): documented layout, cell-precise validation."""

import openpyxl
import pytest

from bnk_lib.errors import DataSourceError
from bnk_lib.sources import read_own_data

HEADER = ["ags", "indicator_id", "name", "unit", "sdg", "year", "value", "source"]


def write_xlsx(path, rows, sheet="Daten", text_ags=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    if text_ags:
        for cell in ws["A"][1:]:
            cell.number_format = "@"
    wb.save(path)
    return path


def test_csv_with_semicolons_and_german_decimals(tmp_path):
    path = tmp_path / "eigene.csv"
    path.write_text(
        "ags;indicator_id;name;unit;year;value;source\n"
        "08221000;sdgp.sgb_quote;;;2024;5,41;Stadt Heidelberg, Amt für Soziales\n"
        "08221000;own.radwege;Radwegenetz;km;2024;1.234,5;Stadt Heidelberg, Tiefbauamt\n",
        encoding="utf-8",
    )
    data = read_own_data(path)
    assert data.frame["value"].tolist() == [1234.5, 5.41]  # sorted by indicator id
    assert data.frame.loc[data.frame["indicator_id"] == "sdgp.sgb_quote", "unit"].item() == "%"
    assert [(i.id, i.name, i.unit, i.sdg) for i in data.indicators] == [("own.radwege", "Radwegenetz", "km", None)]
    assert set(data.frame["provider"]) == {"Eigene Daten"}


def test_xlsx_problems_are_listed_with_cells(tmp_path):
    path = write_xlsx(tmp_path / "eigene.xlsx", [
        ["08221000", "sdgp.sgb_quote", None, None, None, 2024, "abc", "Amt"],    # row 2: value
        [8221000, "sdgp.sgb_quote", None, None, None, 2024, 5.0, "Amt"],          # row 3: numeric AGS
        ["08221000", "sdgp.gibt_es_nicht", None, None, None, 2024, 5.0, "Amt"],   # row 4: unknown id
        ["08221000", "own.radwege", None, "km", None, 2024, 5.0, "Amt"],          # row 5: own without name
        ["08221000", "sdgp.sgb_quote", None, None, None, 1800, 5.0, None],        # row 6: year + source
        ["08221000", "own.baeume", "Straßenbäume", "Anzahl", 19, 2024, 5.0, "Amt"],  # row 7: SDG 19
    ], text_ags=False)
    with pytest.raises(DataSourceError) as err:
        read_own_data(path)
    message = str(err.value)
    for expected in (
        "eigene.xlsx, Blatt 'Daten': 7 Problem(e)",
        "Zelle G2: Wert 'abc' ist keine Zahl",
        "Zelle A3: AGS 8221000 ist eine Zahl",
        "Zelle B4: 'sdgp.gibt_es_nicht' ist weder",
        "Zelle B5: eigener Indikator 'own.radwege' braucht 'name' und 'unit'",
        "Zelle F6: Jahr '1800'",
        "Zelle H6: Quelle fehlt",
        "Zelle E7: SDG '19'",
    ):
        assert expected in message, expected


def test_missing_columns_and_foreign_files(tmp_path):
    csv = tmp_path / "falsch.csv"
    csv.write_text("gemeinde,wert\nHeidelberg,5\n", encoding="utf-8")
    with pytest.raises(DataSourceError, match="Spalte\\(n\\) ags, indicator_id, year, value, source fehlen"):
        read_own_data(csv)
    fake = tmp_path / "kein.xlsx"
    fake.write_text("das ist kein Excel", encoding="utf-8")
    with pytest.raises(DataSourceError, match="keine lesbare Excel-Datei"):
        read_own_data(fake)
    latin = tmp_path / "latin.csv"
    text = "ags,indicator_id,year,value,source\n08221000,sdgp.sgb_quote,2024,5,Stadt Müll\n"
    latin.write_bytes(text.encode("latin-1"))
    with pytest.raises(DataSourceError, match="nicht UTF-8"):
        read_own_data(latin)
