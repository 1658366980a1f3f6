"""Excel collection template (Erhebungsbogen) built from the catalogue, and its validated import.

Sheets: Arbeitsanweisung | one per BNK part (one row per aspect) | Maßnahmen | Eigene Indikatoren |
hidden `_bnk` (marks the file as our template: framework, AGS, version). Columns A–C of the part sheets
are locked (sheet protection without password); everything a municipality fills in is unlocked.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..atomic import write_bytes
from ..catalogue import Catalogue, Framework, Indicator
from ..errors import BnkError
from ..regions import Region
from ..sources.frame import COLUMNS, normalise
from ..sources.own import parse_number
from .model import NOT_APPLICABLE, NOT_REPORTED, REPORTED, STATUSES, AspectContent, Measure, ReportContent

MARKER = "bnk-werkbank-erhebung"
VERSION = "1"
PART_COLUMNS = ["Kriterium", "Aspekt-ID", "Leitfrage", "Status", "Text / Begründung",
                "Quellen und Dokumente (Konzepte, Strategien, Leitbilder, Beschlüsse)", "Zuständige Stelle",
                "Ansprechperson", "Zuletzt bearbeitet"]
PART_WIDTHS = [26, 14, 48, 26, 70, 40, 24, 24, 16]
MEASURE_COLUMNS = ["Titel", "Kriterium (ID)", "SDGs", "Status", "Zeitraum", "Budget", "Verantwortlich",
                   "Beschreibung", "Link", "Leuchtturmprojekt"]
MEASURE_WIDTHS = [36, 16, 10, 16, 16, 14, 24, 60, 30, 16]
OWN_COLUMNS = ["Kriterium (ID)", "Name", "Einheit", "Jahr", "Wert", "Quelle"]
OWN_WIDTHS = [16, 40, 20, 10, 14, 40]
HEADER_FILL = PatternFill("solid", fgColor="00689D")
LOCKED_FILL = PatternFill("solid", fgColor="EEF3F7")
MEASURE_STATUS = ("geplant", "laufend", "abgeschlossen")


def _sheet_title(title: str) -> str:
    return title[:31]


def _header(ws: Worksheet, columns: list[str], widths: list[int]) -> None:
    ws.append(columns)
    for index, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "A2"


def fit_row_heights(ws: Worksheet, first_row: int = 2) -> None:
    """Row heights from the wrapped text (LibreOffice does not grow rows of generated files by itself)."""
    widths = {letter: dim.width or 10 for letter, dim in ws.column_dimensions.items()}
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.value is None:
                continue
            chars_per_line = max(8, int(widths.get(cell.column_letter, 10) * 0.95))
            text_lines = sum(max(1, -(-len(part) // chars_per_line)) for part in str(cell.value).split("\n"))
            lines = max(lines, text_lines)
        ws.row_dimensions[row[0].row].height = min(409, 15 * lines + 3)


def _print_setup(ws: Worksheet, landscape: bool) -> None:
    """A4, fit to page width, header row repeated: printable as a Verwaltung expects."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if landscape:
        ws.print_title_rows = "1:1"


ENTRY_ROWS = 200  # prepared (unlocked, validated) rows on the measures and own-indicator sheets


def _entry_sheet(wb: Workbook, title: str, columns: list[str], widths: list[int]) -> Worksheet:
    ws = wb.create_sheet(title)
    _header(ws, columns, widths)
    _print_setup(ws, landscape=True)
    _unlock(ws, 1, len(columns), ENTRY_ROWS)
    return ws


def _dropdown(ws: Worksheet, formula: str, column: str) -> None:
    validation = DataValidation(type="list", formula1=formula, allow_blank=True)
    validation.add(f"{column}2:{column}{ENTRY_ROWS + 1}")
    ws.add_data_validation(validation)


def _unlock(ws: Worksheet, first_col: int, last_col: int, rows: int) -> None:
    for row in ws.iter_rows(min_row=2, max_row=rows + 1, min_col=first_col, max_col=last_col):
        for cell in row:
            cell.protection = Protection(locked=False)
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def build_template(catalogue: Catalogue, framework_id: str, region: Region, sample: bool = False) -> Workbook:
    fw = catalogue.framework(framework_id)
    wb = Workbook()
    intro = wb.active
    intro.title = "Arbeitsanweisung"
    _instructions(intro, fw, region)
    fit_row_heights(intro, first_row=1)
    intro.row_dimensions[1].height = 40  # the 14 pt title
    _print_setup(intro, landscape=False)

    for part in fw.parts:
        ws = wb.create_sheet(_sheet_title(part.title))
        _header(ws, PART_COLUMNS, PART_WIDTHS)
        ws.freeze_panes = "D2"
        for criterion in part.criteria:
            for aspect in criterion.aspects:
                ws.append([f"{criterion.number} {criterion.title}", aspect.id,
                           f"Was tut die Kommune zu: {aspect.display_text}?", None, None, None, None, None, None])
        rows = ws.max_row - 1
        for row in ws.iter_rows(min_row=2, max_row=rows + 1, min_col=1, max_col=3):
            for cell in row:
                cell.fill = LOCKED_FILL
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        _unlock(ws, 4, len(PART_COLUMNS), rows)
        fit_row_heights(ws)
        status = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="Status",
                                error="Bitte einen Status aus der Liste wählen.")
        status.add(f"D2:D{rows + 1}")
        ws.add_data_validation(status)
        ws.protection.sheet = True  # locks columns A–C; no password: protection against slips, not people
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        _print_setup(ws, landscape=True)

    criteria = [c.id for c in fw.criteria()]
    criterion_ids = f"=_listen!$A$1:$A${len(criteria)}"
    measures = _entry_sheet(wb, "Maßnahmen", MEASURE_COLUMNS, MEASURE_WIDTHS)
    _dropdown(measures, criterion_ids, "B")
    _dropdown(measures, '"' + ",".join(MEASURE_STATUS) + '"', "D")
    _dropdown(measures, '"ja,nein"', "J")
    own = _entry_sheet(wb, "Eigene Indikatoren", OWN_COLUMNS, OWN_WIDTHS)
    _dropdown(own, criterion_ids, "A")

    lists = wb.create_sheet("_listen")  # criterion ids for the drop-downs
    for index, criterion_id in enumerate(criteria, start=1):
        lists.cell(row=index, column=1, value=criterion_id)
    lists.sheet_state = "hidden"

    meta = wb.create_sheet("_bnk")
    for entry in (("template", MARKER), ("version", VERSION), ("framework", framework_id), ("ags", region.ags),
                  ("created", dt.date.today().isoformat()), ("sample", "ja" if sample else "nein")):
        meta.append(list(entry))
    meta.sheet_state = "hidden"
    return wb


def _instructions(ws: Worksheet, fw: Framework, region: Region) -> None:
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100
    rows: list[tuple[str, str]] = [
        ("Erhebungsbogen", f"Nachhaltigkeitsbericht nach dem {fw.title}"),
        ("Kommune", f"{region.name} (AGS {region.ags})"),
        ("Rücklauf bis", ""),
        ("Ansprechperson Beratung", ""),
        ("", ""),
        ("So füllen Sie den Bogen aus",
         "Je Blatt (Steuerung, Handlungsfelder) steht eine Zeile pro Aspekt des Berichtsrahmens. Die Spalten "
         "Kriterium, Aspekt-ID und Leitfrage sind gesperrt. Tragen Sie ab Spalte D ein: Status (Liste), Text, "
         "Quellen und Dokumente, zuständige Stelle, Ansprechperson, Datum der letzten Bearbeitung."),
        ("Berichten oder erklären",
         "Der BNK folgt dem Prinzip „berichten oder erklären“ (comply or explain): Zu jedem Aspekt berichten Sie, "
         "was die Kommune tut – oder Sie erklären, warum Sie (noch) nicht berichten. Beides ist zulässig; "
         "ein leerer Aspekt erscheint im Bericht als „nicht berichtet“."),
        (REPORTED, "Text in Spalte E ist Pflicht: Was gibt es (Konzepte, Beschlüsse, Projekte), seit wann, mit "
                   "welchem Ergebnis? Absätze, **fett**, Listen mit „- “ und Links sind möglich."),
        (NOT_REPORTED, "Begründung in Spalte E ist Pflicht, z. B. „Konzept in Erarbeitung, Ratsbeschluss 2026 "
                       "geplant“."),
        (NOT_APPLICABLE, "Kurze Begründung in Spalte E empfohlen (z. B. keine kommunale Zuständigkeit)."),
        ("Maßnahmen", "Blatt „Maßnahmen“: je Zeile eine Maßnahme mit Kriterium (ID aus der Liste, z. B. bnk1.c10). "
                      "„Leuchtturmprojekt = ja“ hebt sie im Bericht als Kasten hervor."),
        ("Eigene Indikatoren", "Blatt „Eigene Indikatoren“: eigene Kennzahlen mit Kriterium, Name, Einheit, Jahr, "
                               "Wert und Quelle. Sie erscheinen mit Diagramm im Kapitel des Kriteriums."),
        ("Prüfen", "Die Beratung prüft den Bogen mit „bnk check erhebung.xlsx“ und meldet jedes Problem mit "
                   "Blatt und Zelle zurück."),
    ]
    for key, value in rows:
        ws.append([key, value])
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        row[0].font = Font(bold=True)
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws["B1"].font = Font(bold=True, size=14)
    for cell in ("B3", "B4"):
        ws[cell].fill = PatternFill("solid", fgColor="FFF4CC")


def write_template(catalogue: Catalogue, framework_id: str, region: Region, path: Path) -> Path:
    buffer = io.BytesIO()
    build_template(catalogue, framework_id, region).save(buffer)
    write_bytes(Path(path), buffer.getvalue())
    return Path(path)


# --- reading back ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    place: str  # "Blatt 'Steuerung', Zelle D5"
    message: str
    blocking: bool = True

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass
class CheckResult:
    content: ReportContent
    problems: list[Problem] = field(default_factory=list)
    completeness: list[dict[str, Any]] = field(default_factory=list)

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def read_workbook(path: Path, catalogue: Catalogue, framework_id: str | None = None) -> CheckResult:
    path = Path(path)
    try:
        wb = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise BnkError(f"Erhebungsbogen '{path}' nicht gefunden.") from None
    except Exception as exc:  # openpyxl raises many types for non-Excel files
        raise BnkError(f"{path}: keine lesbare Excel-Datei ({exc.__class__.__name__}).") from None
    if "_bnk" not in wb.sheetnames or wb["_bnk"]["B1"].value != MARKER:
        raise BnkError(f"{path}: kein Erhebungsbogen der BNK-Werkbank (verstecktes Blatt '_bnk' fehlt). "
                       "Vorlage erzeugen mit: bnk template --ags AGS --output erhebung.xlsx")
    meta = {str(r[0].value): _text(r[1].value) for r in wb["_bnk"].iter_rows(min_row=1, max_col=2)}
    fw_id = framework_id or meta.get("framework", "")
    fw = catalogue.framework(fw_id)
    result = CheckResult(ReportContent(source=str(path), sample=meta.get("sample") == "ja"))
    aspect_ids = {a.id: c for c in fw.criteria() for a in c.aspects}
    criterion_ids = {c.id for c in fw.criteria()}

    for part in fw.parts:
        title = _sheet_title(part.title)
        if title not in wb.sheetnames:
            result.problems.append(Problem(f"Blatt '{title}'", "fehlt – bitte die unveränderte Vorlage verwenden."))
            continue
        _read_part(wb[title], aspect_ids, result)
    if "Maßnahmen" in wb.sheetnames:
        _read_measures(wb["Maßnahmen"], criterion_ids, result)
    if "Eigene Indikatoren" in wb.sheetnames:
        _read_own(wb["Eigene Indikatoren"], criterion_ids, meta.get("ags", ""), path, result)
    result.completeness = completeness(fw, result.content)
    return result


def _read_part(ws: Worksheet, aspect_ids: dict[str, Any], result: CheckResult) -> None:
    header = [_text(c.value) for c in ws[1]]
    if header[: len(PART_COLUMNS)] != PART_COLUMNS:
        result.problems.append(Problem(f"Blatt '{ws.title}', Zeile 1", "Kopfzeile verändert – Spalten nicht "
                                       "umbenennen oder verschieben."))
        return
    for row in ws.iter_rows(min_row=2):
        cells = [c.value for c in row] + [None] * len(PART_COLUMNS)
        place = f"Blatt '{ws.title}', Zelle"
        line = row[0].row
        aspect_id, status, text = _text(cells[1]), _text(cells[3]), _text(cells[4])
        if not aspect_id and not any(_text(v) for v in cells[3:9]):
            continue
        if aspect_id not in aspect_ids:
            result.problems.append(Problem(f"{place} B{line}", f"Aspekt-ID '{aspect_id}' gibt es im Berichtsrahmen "
                                           "nicht – Zeilen nicht kopieren oder ändern, nur die Spalten D–I ausfüllen."))
            continue
        if status and status not in STATUSES:
            result.problems.append(Problem(f"{place} D{line}", f"Status '{status}' ist nicht aus der Liste "
                                           f"({', '.join(STATUSES)}) – bitte aus der Auswahlliste wählen."))
            continue
        if status == REPORTED and not text:
            result.problems.append(Problem(f"{place} E{line}", "„berichtet“ ohne Text – bitte beschreiben, was die "
                                           "Kommune tut, oder den Status ändern."))
        if status == NOT_REPORTED and not text:
            result.problems.append(Problem(f"{place} E{line}", "„nicht berichtet“ ohne Begründung – bitte erklären, "
                                           "warum (comply or explain)."))
        if not status and text:
            result.problems.append(Problem(f"{place} D{line}", "Text ohne Status – bitte einen Status wählen.",
                                           blocking=False))
        result.content.aspects[aspect_id] = AspectContent(
            aspect_id, status, text, _text(cells[5]), _text(cells[6]), _text(cells[7]), _text(cells[8]))


def _read_measures(ws: Worksheet, criterion_ids: set[str], result: CheckResult) -> None:
    for row in ws.iter_rows(min_row=2):
        cells = [_text(c.value) for c in row] + [""] * len(MEASURE_COLUMNS)
        if not any(cells[: len(MEASURE_COLUMNS)]):
            continue
        line = row[0].row
        if not cells[0]:
            result.problems.append(Problem(f"Blatt 'Maßnahmen', Zelle A{line}", "Titel fehlt."))
            continue
        if cells[1] not in criterion_ids:
            message = (f"Kriterium '{cells[1]}' gibt es im Berichtsrahmen nicht – bitte eine ID aus der Liste "
                       "wählen (z. B. bnk1.c10).")
            result.problems.append(Problem(f"Blatt 'Maßnahmen', Zelle B{line}", message))
            continue
        result.content.measures.append(Measure(
            title=cells[0], criterion_id=cells[1], sdgs=cells[2], status=cells[3], period=cells[4], budget=cells[5],
            responsible=cells[6], description=cells[7], link=cells[8], lighthouse=cells[9].lower() == "ja"))


def _read_own(ws: Worksheet, criterion_ids: set[str], ags: str, path: Path, result: CheckResult) -> None:
    rows = []
    indicators: dict[str, Indicator] = {}
    this_year = dt.date.today().year
    for row in ws.iter_rows(min_row=2):
        cells = [c.value for c in row] + [None] * len(OWN_COLUMNS)
        if not any(_text(v) for v in cells[: len(OWN_COLUMNS)]):
            continue
        line = row[0].row
        place = "Blatt 'Eigene Indikatoren', Zelle"
        criterion, name, unit, source = _text(cells[0]), _text(cells[1]), _text(cells[2]), _text(cells[5])
        year = parse_number(cells[3]) if cells[3] not in (None, "") else None
        value = parse_number(cells[4]) if cells[4] not in (None, "") else None
        before = len(result.problems)
        if criterion not in criterion_ids:
            result.problems.append(Problem(f"{place} A{line}", f"Kriterium '{criterion}' gibt es nicht."))
        if not name or not unit:
            result.problems.append(Problem(f"{place} B{line}", "Name und Einheit sind Pflicht."))
        if year is None or year != int(year) or not 1990 <= year <= this_year:
            result.problems.append(Problem(f"{place} D{line}", f"Jahr '{_text(cells[3])}' liegt nicht zwischen 1990 "
                                           f"und {this_year}."))
        if value is None:
            result.problems.append(Problem(f"{place} E{line}", f"Wert '{_text(cells[4])}' ist keine Zahl."))
        if not source:
            result.problems.append(Problem(f"{place} F{line}", "Quelle fehlt – jede Zahl braucht ihre Herkunft."))
        if len(result.problems) > before:
            continue
        indicator_id = own_indicator_id(name)
        indicators.setdefault(indicator_id, Indicator(
            id=indicator_id, name=name, unit=unit, sdg=None, direction="none", direction_status="placeholder",
            status="verified", data_providers=source))
        result.content.own_criteria[indicator_id] = criterion
        rows.append({"ags": ags, "indicator_id": indicator_id, "year": int(year or 0), "value": value, "unit": unit,
                     "source": source, "provider": "Eigene Daten (Erhebungsbogen)",
                     "licence": "Eigene Daten der Kommune", "attribution": source,
                     "retrieved_at": dt.date.fromtimestamp(path.stat().st_mtime).isoformat(),
                     "level_used": "Gemeinde", "note": ""})
    result.content.own_indicators = list(indicators.values())
    result.content.own_data = normalise(pd.DataFrame(rows, columns=COLUMNS))


def own_indicator_id(name: str) -> str:
    """'Photovoltaik auf städtischen Dächern' -> 'own.photovoltaik_auf_staedtischen_daechern'."""
    text = name.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    return "own." + re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:48]


def completeness(fw: Framework, content: ReportContent) -> list[dict[str, Any]]:
    table = []
    for criterion in fw.criteria():
        statuses = [content.status(a.id) for a in criterion.aspects]
        table.append({
            "Kriterium": f"{criterion.number} {criterion.title}",
            "Aspekte": len(statuses),
            REPORTED: statuses.count(REPORTED),
            NOT_REPORTED: statuses.count(NOT_REPORTED),
            NOT_APPLICABLE: statuses.count(NOT_APPLICABLE),
            "offen": statuses.count(""),
        })
    return table
