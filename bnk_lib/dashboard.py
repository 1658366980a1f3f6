"""Coordination dashboard and cohort comparison: two self-contained HTML pages (no CDN, sortable tables)."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from . import fmt, paths
from .atomic import write_text
from .catalogue import IndicatorCatalogue, load_catalogue
from .charts.overview import indicator_trend
from .content import REPORTED, load_content
from .errors import BnkError
from .inputs import default_content, read_manifest
from .project import MILESTONES, LoadedProject, Municipality
from .regions import default_index
from .sources import load_indicator_data

SORT_JS = """
document.querySelectorAll('table.sortable').forEach(table => {
  table.querySelectorAll('th button').forEach((button, col) => {
    button.addEventListener('click', () => {
      const body = table.tBodies[0];
      const asc = button.dataset.dir !== 'asc';
      button.dataset.dir = asc ? 'asc' : 'desc';
      table.querySelectorAll('th').forEach(th => th.removeAttribute('aria-sort'));
      button.parentElement.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      const key = row => row.cells[col].dataset.sort ?? row.cells[col].textContent;
      [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
        const cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, 'de');
        return asc ? cmp : -cmp;
      }).forEach(row => body.appendChild(row));
    });
  });
});
"""

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 1.5rem; color: #1d1d1b; }
h1 { font-size: 1.5rem; } p.meta { color: #555; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border-bottom: 1px solid #d9d9d9; padding: .35rem .4rem; text-align: left; vertical-align: top; }
th button { font: inherit; font-weight: bold; background: none; border: 0; cursor: pointer; padding: 0; }
th button:focus { outline: 3px solid #E69F00; }
.done { color: #00684a; } .planned { color: #555; } .none { color: #999; }
.crit { display: inline-block; width: .9rem; height: .9rem; margin-right: 1px; border: 1px solid #bbb; }
.c0 { background: #fff; } .c1 { background: #b8e0d2; } .c2 { background: #009E73; }
nav a { margin-right: 1rem; }
"""


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{CSS}</style></head><body>{body}<script>{SORT_JS}</script></body></html>")


def _th(labels: list[str]) -> str:
    return "".join(f'<th scope="col"><button type="button">{html.escape(label)}</button></th>' for label in labels)


def _milestone_cell(m: Municipality, key: str) -> str:
    milestone = getattr(m.milestones, key)
    if milestone.done:
        return f'<td class="done" data-sort="{milestone.done.isoformat()}">✓ {fmt.date(milestone.done)}</td>'
    if milestone.planned:
        planned = milestone.planned
        return f'<td class="planned" data-sort="{planned.isoformat()}">geplant {fmt.date(planned)}</td>'
    return '<td class="none" data-sort="9999">–</td>'


def write_dashboard(loaded: LoadedProject, output_dir: Path | None = None) -> list[Path]:
    output_dir = Path(output_dir or paths.outputs_dir())
    project = loaded.project
    catalogue = load_catalogue(loaded.resolve(project.catalogue))
    fw = catalogue.framework(project.framework)
    regions = default_index()
    rows = []
    for m in project.municipalities:
        region = regions.municipality(m.ags)
        data = load_indicator_data(m.ags, "offline")
        coverage = data[data["ags"] == m.ags]["indicator_id"].nunique()
        content_path = loaded.resolve(m.content) or default_content(m.ags)
        squares, reported, total = "", 0, sum(len(c.aspects) for c in fw.criteria())
        if content_path is not None and content_path.exists():
            try:
                content = load_content(content_path, catalogue, project.framework).content
            except BnkError:
                content = None
            for criterion in fw.criteria():
                done = sum(1 for a in criterion.aspects if content and content.status(a.id) == REPORTED)
                reported += done
                level = 0 if not done else (2 if done == len(criterion.aspects) else 1)
                squares += (f'<span class="crit c{level}" title="{html.escape(criterion.number)} '
                            f'{html.escape(criterion.title)}: {done} von {len(criterion.aspects)}"></span>')
        manifest = read_manifest(output_dir, m.ags)
        rendered = manifest["rendered_at"][:16].replace("T", " ") if manifest else "–"
        freigabe = "freigegeben" if m.milestones.freigabe.done else "offen"
        rows.append(
            f"<tr><td>{html.escape(m.name or region.short_name)}</td><td>{m.ags}</td>"
            f"<td>{html.escape(regions.land_of(region).name)}</td><td>{html.escape(m.status)}</td>"
            + "".join(_milestone_cell(m, key) for key in MILESTONES)
            + f'<td data-sort="{reported}">{reported} von {total}<br>{squares}</td>'
            f'<td data-sort="{coverage}">{coverage} von {len(catalogue.indicators)}</td>'
            f"<td>{rendered}</td><td>{freigabe}</td></tr>"
        )
    header = _th(["Kommune", "AGS", "Land", "Status", *MILESTONES.values(), "Aspekte berichtet",
                  "Indikatoren mit Daten", "Zuletzt gerendert", "Freigabestatus"])
    nav = '<nav><a href="dashboard.html">Koordination</a><a href="kohorte.html">Kohortenvergleich</a></nav>'
    dashboard = _page(
        f"Koordination – {project.programme}",
        f"{nav}<h1>Koordination: {html.escape(project.programme)} ({project.year})</h1>"
        f'<p class="meta">Stand {fmt.date(dt.date.today())} · {len(rows)} Kommunen · '
        f"Gliederung: {html.escape(fw.title)}. Spaltenköpfe sortieren die Tabelle.</p>"
        f'<table class="sortable"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>',
    )
    cohort = _cohort(loaded, catalogue.indicators, nav)
    pages = [output_dir / "dashboard.html", output_dir / "kohorte.html"]
    write_text(pages[0], dashboard)
    write_text(pages[1], cohort)
    return pages


def _cohort(loaded: LoadedProject, catalogue: IndicatorCatalogue, nav: str) -> str:
    project = loaded.project
    indicators = [catalogue.get(i) for i in project.cohort_indicators] or list(catalogue)[:5]
    rows = []
    for m in project.municipalities:
        data = load_indicator_data(m.ags, "offline")
        cells = []
        for indicator in indicators:
            own = data[(data["indicator_id"] == indicator.id) & (data["ags"] == m.ags)].dropna(subset=["year"])
            if own.empty:
                cells.append('<td class="none" data-sort="">keine Daten</td>')
                continue
            latest = own.sort_values("year").iloc[-1]
            trend = indicator_trend(data, indicator, m.ags)
            cells.append(f'<td data-sort="{latest["value"]}">{fmt.number(latest["value"])} ({int(latest["year"])}) '
                         f'<span aria-hidden="true">{trend.arrow}</span> {trend.label}</td>')
        rows.append(f"<tr><td>{html.escape(m.name or m.ags)}</td>{''.join(cells)}</tr>")
    header = _th(["Kommune", *[f"{i.name} ({i.unit})" for i in indicators]])
    return _page(
        f"Kohortenvergleich – {project.programme}",
        f"{nav}<h1>Kohortenvergleich: {html.escape(project.programme)}</h1>"
        '<p class="meta">Letzter Wert (Datenjahr) und Trend der letzten fünf Jahre je Kommune – zum Voneinander-'
        "Lernen in den Koordinationstreffen. Trend: Lesehilfe der BNK-Werkbank, keine amtliche Methode. "
        "Quelle der Werte: eingebettete Indikatordaten (siehe Berichte).</p>"
        f'<table class="sortable"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>',
    )
