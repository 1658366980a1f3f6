"""Build data/content/08221000.xlsx: the embedded default municipality's SAMPLE Erhebungsbogen.

Every text and value in it is illustrative example content of the BNK-Werkbank ("Beispielinhalt"),
written to show every feature of the report — never a statement or figure of the city of Heidelberg.
The workbook is marked `sample = ja`, so the report carries a visible banner.
"""

from __future__ import annotations

import io
from pathlib import Path

from bnk_lib.atomic import write_bytes
from bnk_lib.catalogue import load_catalogue
from bnk_lib.content import NOT_APPLICABLE, NOT_REPORTED, REPORTED, build_template
from bnk_lib.content.excel import fit_row_heights
from bnk_lib.regions import default_index

OUT = Path(__file__).resolve().parents[1] / "data" / "content" / "08221000.xlsx"
NOTE = "(Beispielinhalt der BNK-Werkbank, keine Aussage der Stadt.)"

ASPECTS = {
    "bnk1.c01.a1": (REPORTED, f"**Beispielinhalt:** Der Gemeinderat hat eine Nachhaltigkeitsstrategie beschlossen, "
                              f"die sich an den 17 Zielen der Agenda 2030 orientiert. {NOTE}",
                    "Nachhaltigkeitsstrategie (Beispiel)", "Stabsstelle Nachhaltigkeit (Beispiel)"),
    "bnk1.c01.a2": (REPORTED, "**Beispielinhalt:** Bezüge der Strategie:\n\n- Agenda 2030 (SDGs)\n"
                              f"- Deutsche Nachhaltigkeitsstrategie\n- Nachhaltigkeitsstrategie des Landes\n\n{NOTE}",
                    "", "Stabsstelle Nachhaltigkeit (Beispiel)"),
    "bnk1.c03.a2": (NOT_REPORTED, "**Beispielinhalt:** Ein Monitoring der Zielerreichung ist in Vorbereitung; "
                                  f"die Indikatoren werden mit diesem Bericht erstmals zusammengestellt. {NOTE}",
                    "", ""),
    "bnk1.c09.a2": (NOT_APPLICABLE, f"**Beispielinhalt:** Keine eigenen Reallabore im Berichtszeitraum. {NOTE}",
                    "", ""),
    "bnk1.c10.a1": (REPORTED, "**Beispielinhalt:** Ein Klimaschutzkonzept mit Treibhausgasbilanz liegt vor; "
                              "Hintergrund: [Agenda 2030 der Vereinten Nationen](https://sdgs.un.org/2030agenda). "
                              f"{NOTE}", "Klimaschutzkonzept (Beispiel)", "Amt für Umweltschutz (Beispiel)"),
    "bnk1.c12.a1": (REPORTED, "**Beispielinhalt:** Ein Mobilitätsplan setzt Ziele für Fuß-, Rad- und Busverkehr. "
                              f"{NOTE}",
                    "Mobilitätsplan (Beispiel)", "Amt für Verkehrsmanagement (Beispiel)"),
}
MEASURES = [
    ["Beispiel: Kommunale Wärmeplanung", "bnk1.c10", "7, 13", "laufend", "2024–2026", "k. A.",
     "Amt für Umweltschutz (Beispiel)", f"Beispielinhalt: Wärmeplan für alle Stadtteile. {NOTE}", "", "ja"],
    ["Beispiel: Radnetz ausbauen", "bnk1.c12", "11", "geplant", "2025–2028", "k. A.",
     "Amt für Verkehrsmanagement (Beispiel)", f"Beispielinhalt: Lückenschlüsse im Radnetz. {NOTE}", "", "nein"],
    ["Beispiel: Faire Beschaffung", "bnk1.c07", "12", "laufend", "seit 2023", "k. A.",
     "Zentrale Vergabestelle (Beispiel)", f"Beispielinhalt: Kriterien für fair gehandelte Produkte. {NOTE}", "",
     "nein"],
]
SOURCE = "Beispielwerte der BNK-Werkbank – keine Daten der Stadt Heidelberg"
OWN = [["bnk1.c10", "Beispiel: Photovoltaik auf städtischen Dächern", "kWp", year, value, SOURCE]
       for year, value in ((2021, 100), (2022, 140), (2023, 210))]


def main() -> None:
    region = default_index().municipality("08221000")
    wb = build_template(load_catalogue(), "bnk-1.0", region, sample=True)
    for title in ("Steuerung", "Handlungsfelder"):
        ws = wb[title]
        for row in ws.iter_rows(min_row=2):
            entry = ASPECTS.get(row[1].value)
            if entry:
                status, text, documents, unit = entry
                row[3].value, row[4].value, row[5].value, row[6].value = status, text, documents, unit
                row[8].value = "Beispiel"
    for index, values in enumerate(MEASURES, start=2):
        for column, value in enumerate(values, start=1):
            wb["Maßnahmen"].cell(row=index, column=column, value=value)
    for index, values in enumerate(OWN, start=2):
        for column, value in enumerate(values, start=1):
            wb["Eigene Indikatoren"].cell(row=index, column=column, value=value)
    for sheet in ("Steuerung", "Handlungsfelder", "Maßnahmen", "Eigene Indikatoren"):
        fit_row_heights(wb[sheet])
    wb["Arbeitsanweisung"]["B3"] = "Beispiel: 31.03.2027"
    wb["Arbeitsanweisung"]["B4"] = "Beispiel: Beratungsteam BNK-Werkbank"
    buffer = io.BytesIO()
    wb.save(buffer)
    write_bytes(OUT, buffer.getvalue())
    print(f"-> {OUT}")


if __name__ == "__main__":
    main()
