"""Report sections as HTML fragments (German text). The master notebook displays them in order.

Headings that belong in the table of contents carry `data-toc`; the exporter's TocPreprocessor
numbers them and builds the table of contents, so sections never count chapters themselves.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from itertools import groupby

import pandas as pd

from .. import fmt, sdg
from ..catalogue import Criterion, Indicator, Part
from ..charts import Chart, comparison_bars, sdg_overview, source_line, time_series
from ..content import NOT_APPLICABLE, NOT_REPORTED, REPORTED, to_html
from ..fragment import Fragment
from ..project import MILESTONES
from ..sources import BUND_KEY
from .context import ReportContext

TOC_MARKER = "data-bnk-toc"
LICENCES = {
    "dl-de/by-2-0": (
        "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "https://www.govdata.de/dl-de/by-2-0",
    ),
}


def _e(value: object) -> str:
    return html.escape(str(value))


def _heading(level: int, anchor: str, text: str, toc: bool = True, style: str = "", number: str = "") -> str:
    attrs = (f' data-toc-num="{_e(number)}"' if number else "") + (" data-toc" if toc else "")
    attrs += f' style="{style}"' if style else ""
    return f'<h{level} id="{anchor}"{attrs}>{_e(text)}</h{level}>'


def title_page(ctx: ReportContext) -> Fragment:
    m = ctx.municipality
    return Fragment(
        f"""<section class="bnk-title-page">
<p class="bnk-kicker">Nachhaltigkeitsbericht nach dem Berichtsrahmen Nachhaltige Kommune</p>
<h1 class="bnk-municipality">{_e(m.short_name)}</h1>
<p class="bnk-subtitle">{_e(m.name)} · {_e(ctx.land.name)}</p>
<div class="bnk-sdg-band" aria-hidden="true">{''.join(
    f'<span style="background:{c}"></span>' for c in sdg.COLOURS.values())}</div>
<dl class="bnk-title-facts">
<dt>Berichtsjahr</dt><dd>{ctx.year}</dd>
<dt>Berichtsrahmen</dt><dd>{_e(ctx.framework_title)}</dd>
<dt>Amtlicher Gemeindeschlüssel</dt><dd>{m.ags}</dd>
<dt>Erstellt am</dt><dd>{fmt.date(ctx.created)}</dd>
</dl>
<p class="bnk-draft-note">Entwurf, erstellt mit der BNK-Werkbank {_e(ctx.tool_version)}.
Veröffentlichung erst nach Freigabe durch die Kommune.</p>{_sample_banner(ctx)}
</section>"""
    )


def _sample_banner(ctx: ReportContext) -> str:
    if not (ctx.content and ctx.content.sample):
        return ""
    return (f'<p class="bnk-sample-banner">Enthält Beispielinhalte zur Veranschaulichung der Werkbank – keine '
            f"Aussagen von {_e(ctx.municipality.short_name)}.</p>")


def table_of_contents() -> Fragment:
    return Fragment(
        f'<nav class="bnk-toc" id="inhalt" aria-labelledby="inhalt-titel" {TOC_MARKER}>'
        '<h2 class="bnk-toc-title" id="inhalt-titel">Inhalt</h2></nav>'
    )


def introduction(ctx: ReportContext) -> Fragment:
    providers = sorted(set(ctx.data["provider"].dropna()))
    return Fragment(
        f"""<section class="bnk-chapter">
{_heading(2, "einleitung", "Einleitung")}
<p>Der <strong>Berichtsrahmen Nachhaltige Kommune (BNK)</strong> des Rates für Nachhaltige Entwicklung
gibt Kommunen eine gemeinsame Struktur, um über ihr Nachhaltigkeitsmanagement zu berichten: über die
Steuerung (Strategie, Ziele, Organisation, Beteiligung) und über ihre Handlungsfelder. Er verbindet
qualitative Angaben mit Indikatoren aus dem Katalog der SDG-Indikatoren für Kommunen.</p>
<p>Der BNK folgt dem Prinzip <strong>„berichten oder erklären“</strong> (<em>comply or explain</em>):
Zu jedem Kriterium berichtet die Kommune, was sie tut, oder erklärt, warum sie dazu (noch) nicht berichtet.
Fehlende Angaben sind in diesem Bericht deshalb ausdrücklich als „nicht berichtet“ gekennzeichnet.</p>
<p>Dieser Bericht von {_e(ctx.municipality.name)} für das Berichtsjahr {ctx.year} folgt dem
{_e(ctx.framework_title)}. Die Indikatorwerte stammen aus dem Katalog
„{_e(ctx.catalogue.data_stand)}“; bereitgestellt über: {_e(', '.join(providers) or 'keine Daten')}.
Jede Zahl ist mit Quelle, Lizenz, Datenjahr und Abrufdatum belegt; die Nachweise stehen unter jeder
Abbildung und im Anhang.</p>
</section>"""
    )


def how_made(ctx: ReportContext) -> Fragment:
    """'Wie dieser Bericht entstanden ist': programme, BNK working group and milestones (from the project file)."""
    if ctx.process is None:
        return Fragment("")
    members = "".join(
        f"<tr><td>{_e(m.name)}</td><td>{_e(m.department)}</td><td>{_e(m.role)}</td></tr>"
        for m in ctx.process.working_group
    )
    group = (
        f"""<table class="bnk-table"><caption>BNK-Arbeitsgruppe</caption><thead><tr><th scope="col">Name</th>
<th scope="col">Organisationseinheit</th><th scope="col">Rolle</th></tr></thead><tbody>{members}</tbody></table>"""
        if members else '<p class="bnk-nodata">Die Arbeitsgruppe ist im Projekt noch nicht eingetragen.</p>'
    )
    steps = []
    for key, label in MILESTONES.items():
        milestone = getattr(ctx.process.milestones, key)
        when = (f"durchgeführt am {fmt.date(milestone.done)}" if milestone.done
                else f"geplant für {fmt.date(milestone.planned)}" if milestone.planned else "noch nicht terminiert")
        steps.append(f"<li><strong>{label}</strong>: {when}</li>")
    return Fragment(
        f"""<section class="bnk-chapter">
{_heading(2, "entstehung", "Wie dieser Bericht entstanden ist")}
<p>{_e(ctx.municipality.short_name)} hat den Bericht im Programm „{_e(ctx.programme)}“ erarbeitet: nach einer
digitalen Erstberatung zur Agenda 2030 und zur Zusammensetzung der BNK-Arbeitsgruppe, in zwei moderierten
Workshops und mit Vorlagen zur Sammlung der qualitativen Angaben. Die Kommune gibt den Bericht frei, bevor er
veröffentlicht wird.</p>
<ul class="bnk-milestones">{''.join(steps)}</ul>
{group}
</section>"""
    )


def profile(ctx: ReportContext) -> Fragment:
    m = ctx.municipality
    rows = [
        ("Name (amtlich)", m.name),
        ("Amtlicher Gemeindeschlüssel (AGS)", m.ags),
        ("Kreis", f"{ctx.kreis.name} ({ctx.kreis.ags})"),
        ("Land", ctx.land.name),
        ("Einwohnerinnen und Einwohner", fmt.number(m.population)),
        ("Fläche", f"{fmt.number(m.area_km2)} km²"),
        ("Bevölkerungsdichte", f"{fmt.number(m.density, 0)} Einw. je km²"),
    ]
    body = "".join(f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>' for k, v in rows)
    return Fragment(
        f"""<section class="bnk-chapter">
{_heading(2, "profil", "Kommunales Profil")}
<table class="bnk-table bnk-profile">
<caption>Eckdaten von {_e(m.short_name)}</caption>
<tbody>{body}</tbody></table>
<p class="bnk-source">Quelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem
GV-ISys, Gebietsstand und Bevölkerung 31.12.2020. Vervielfältigung und Verbreitung, auch auszugsweise,
mit Quellenangabe gestattet.</p>
</section>"""
    )


STATUS_TAG = {
    "placeholder": "Platzhalter – Inhalt laut Handreichung ergänzen",
    "candidate": "Kandidat, nicht belegt",
}


def _anchor(identifier: str) -> str:
    return identifier.replace(".", "-")


def framework_part(ctx: ReportContext, part: Part) -> Iterator[object]:
    """One chapter per part (Steuerung, Handlungsfelder), one section per criterion (comply or explain)."""
    fw = ctx.bnk
    note = (
        f'<p class="bnk-note">{_e(part.note)}</p>' if part.status == "placeholder" and part.note else ""
    )
    yield Fragment(
        f"""{_heading(2, _anchor(part.id), part.title)}
<p>Gliederung nach {_e(fw.title)}. Die Aspekte sind Arbeitsfassungen (sinngemäß, nicht der Wortlaut der
Handreichung), bis der amtliche Wortlaut im Katalog ergänzt ist. Zu jedem Aspekt berichtet die Kommune
oder erklärt, warum sie nicht berichtet.</p>{note}"""
    )
    for criterion in part.criteria:
        yield from criterion_blocks(ctx, criterion)


STATUS_CLASS = {REPORTED: "bnk-reported", NOT_REPORTED: "bnk-explained", NOT_APPLICABLE: "bnk-not-applicable"}


def _aspect_html(ctx: ReportContext, criterion: Criterion, index: int) -> str:
    aspect = criterion.aspects[index]
    tag = STATUS_TAG.get(aspect.status)
    tag_html = f' <span class="bnk-tag">{_e(tag)}</span>' if tag else ""
    entry = ctx.content.aspects.get(aspect.id) if ctx.content else None
    status = entry.status if entry else ""
    title = (
        f'<p class="bnk-aspect-title"><span class="bnk-aspect-no">Aspekt {_e(criterion.number)}.{index + 1}</span> '
        f"{_e(aspect.display_text)}{tag_html}</p>"
    )
    if entry is None or not status:
        body = '<p class="bnk-marker">Nicht berichtet – keine Angaben der Kommune und keine Begründung.</p>'
        css = "bnk-not-reported"
    else:
        label = {REPORTED: "Berichtet", NOT_REPORTED: "Nicht berichtet – Begründung",
                 NOT_APPLICABLE: "Nicht zutreffend"}[status]
        details = [f"Quellen und Dokumente: {_e(entry.documents)}" if entry.documents else "",
                   f"Zuständig: {_e(entry.unit)}" if entry.unit else "",
                   f"Stand: {_e(entry.edited)}" if entry.edited else ""]
        meta = " · ".join(d for d in details if d)
        body = (f'<p class="bnk-status-label">{label}</p><div class="bnk-aspect-text">{to_html(entry.text)}</div>'
                + (f'<p class="bnk-aspect-meta">{meta}</p>' if meta else ""))
        css = STATUS_CLASS[status]
    return f'<li class="bnk-aspect {css}" id="{_anchor(aspect.id)}">{title}{body}</li>'


def _measures_html(ctx: ReportContext, criterion: Criterion) -> str:
    if ctx.content is None:
        return ""
    measures = [m for m in ctx.content.measures if m.criterion_id == criterion.id]
    boxes = "".join(
        f'<aside class="bnk-lighthouse" aria-label="Leuchtturmprojekt"><p class="bnk-lighthouse-kicker">'
        f"Leuchtturmprojekt</p><h4>{_e(m.title)}</h4>{to_html(m.description)}"
        f'<p class="bnk-aspect-meta">{_e(" · ".join(x for x in (m.status, m.period, m.responsible, m.budget) if x))}'
        f"</p></aside>"
        for m in measures if m.lighthouse
    )
    rows = "".join(
        f"<tr><td>{_e(m.title)}</td><td>{_e(m.status)}</td><td>{_e(m.period)}</td><td>{_e(m.responsible)}</td>"
        f"<td>{to_html(m.description)}</td></tr>"
        for m in measures if not m.lighthouse
    )
    table = (
        f"""<div class="bnk-keep"><table class="bnk-table bnk-measures"><caption>Maßnahmen zu {_e(criterion.title)}
</caption><thead><tr><th scope="col">Maßnahme</th><th scope="col">Status</th><th scope="col">Zeitraum</th>
<th scope="col">Verantwortlich</th><th scope="col">Beschreibung</th></tr></thead><tbody>{rows}</tbody></table></div>"""
        if rows else ""
    )
    return boxes + table


def criterion_blocks(ctx: ReportContext, criterion: Criterion) -> Iterator[object]:
    total = len(criterion.aspects)
    reported = sum(1 for a in criterion.aspects if ctx.content and ctx.content.status(a.id) == REPORTED)
    explained = sum(1 for a in criterion.aspects if ctx.content and ctx.content.status(a.id) == NOT_REPORTED)
    not_applicable = sum(1 for a in criterion.aspects if ctx.content and ctx.content.status(a.id) == NOT_APPLICABLE)
    extra = ", ".join(x for x in (f"{explained} begründet nicht berichtet" if explained else "",
                                  f"{not_applicable} nicht zutreffend" if not_applicable else "") if x)
    aspects = "".join(_aspect_html(ctx, criterion, i) for i in range(total))
    core = {k.indicator: k for k in ctx.bnk.core_indicators if k.criterion == criterion.id and k.indicator}
    rows = []
    for indicator_id in criterion.indicators:
        indicator = ctx.catalogue.get(indicator_id)
        latest = ctx.latest(indicator)
        kern = core.get(indicator_id)
        kern_html = (
            f' <span class="bnk-tag">Kernindikator{" (Kandidat)" if kern.status == "candidate" else ""}</span>'
            if kern else ""
        )
        name = f'<a href="#ind-{_anchor(indicator.id)}">{_e(indicator.name)}</a>' if latest is not None \
            else _e(indicator.name)
        if latest is None:
            rows.append(f'<tr><td>{name}{kern_html}</td><td colspan="4" class="bnk-nodata">keine Daten</td></tr>')
            continue
        year = "k. A." if pd.isna(latest["year"]) else str(int(latest["year"]))
        trend = ctx.trend(indicator)
        rows.append(
            f"<tr><td>{name}{kern_html}</td><td class=\"bnk-num\">{fmt.number(latest['value'])} "
            f"{_e(latest['unit'])}</td><td>{year}</td><td>{_e(indicator.direction_de)}</td>"
            f'<td><span aria-hidden="true">{trend.arrow}</span> {_e(trend.label)}</td></tr>'
        )
    table = (
        f"""<div class="bnk-keep"><table class="bnk-table bnk-criterion-indicators">
<caption>Indikatoren zu {_e(criterion.title)}</caption>
<thead><tr><th scope="col">Indikator</th><th scope="col">Letzter Wert</th><th scope="col">Jahr</th>
<th scope="col">Richtung</th><th scope="col">Trend</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table></div>"""
        if rows else '<p class="bnk-nodata">Diesem Kriterium sind im Katalog keine Indikatoren zugeordnet.</p>'
    )
    tag = STATUS_TAG.get(criterion.status)
    tag_html = f'<p class="bnk-note">{_e(tag)}</p>' if tag else ""
    yield Fragment(
        f"""<section class="bnk-criterion">
{_heading(3, _anchor(criterion.id), criterion.title, number=criterion.number)}{tag_html}
<p class="bnk-coverage"><strong>{reported} von {total} {"Aspekt" if total == 1 else "Aspekten"} berichtet</strong>\
{f" ({extra})" if extra else ""}</p>
<ol class="bnk-aspects">{aspects}</ol>
{_measures_html(ctx, criterion)}
{table}
</section>"""
    )
    for indicator in ctx.own_indicators(criterion.id):
        yield Fragment(f'<h4 id="ind-{_anchor(indicator.id)}">Eigener Indikator: {_e(indicator.name)}</h4>')
        yield Chart(time_series(ctx.data, indicator, (ctx.municipality.ags, ctx.municipality.short_name)))


def indicator_table(ctx: ReportContext, indicator: Indicator, with_source: bool = True) -> Fragment:
    latest = ctx.latest(indicator)
    assert latest is not None
    year = "k. A." if pd.isna(latest["year"]) else str(int(latest["year"]))
    land = ctx.latest(indicator, ctx.land.ags)
    land_text = (
        f"{fmt.number(land['value'])} ({int(land['year'])})" if land is not None and not pd.isna(land["year"])
        else "nicht bekannt"
    )
    level = "" if latest["level_used"] == "Gemeinde" else f" (Wert des {_e(latest['level_used'])}es)"
    direction = indicator.direction_de + (" (abgeleitet)" if indicator.direction_status == "inferred" else "")
    source = f'<p class="bnk-source">{_e(source_line(ctx.rows(indicator)))}</p>' if with_source else ""
    return Fragment(
        f"""<div class="bnk-keep"><table class="bnk-table bnk-indicator-table">
<caption>Kennzahlen: {_e(indicator.name)}</caption>
<thead><tr><th scope="col">Letzter Wert</th><th scope="col">Jahr</th><th scope="col">Einheit</th>
<th scope="col">Ø {_e(ctx.land.name)}</th><th scope="col">Richtung</th></tr></thead>
<tbody><tr><td class="bnk-num">{fmt.number(latest['value'])}{level}</td><td class="bnk-year">{year}</td>
<td>{_e(latest['unit'])}</td><td class="bnk-num">{land_text}</td><td>{_e(direction)}</td></tr></tbody>
</table>{source}</div>"""
    )


def _indicator_block(ctx: ReportContext, indicator: Indicator) -> Iterator[object]:
    anchor = "ind-" + indicator.id.replace(".", "-")
    doubtful = (
        f'<p class="bnk-note">Hinweis zur Richtung: {_e(indicator.note)}</p>'
        if indicator.note and "review" in indicator.note else ""
    )
    latest = ctx.latest(indicator)
    remark = (
        f'<p class="bnk-note">Hinweis des Datenanbieters: {_e(latest["note"])}</p>'
        if latest is not None and latest["note"] else ""
    )
    yield Fragment(
        f'<div class="bnk-indicator-head">{_heading(4, anchor, indicator.name, toc=False)}'
        f'<p class="bnk-definition">Berechnung: {_e(indicator.calculation)}</p>{remark}{doubtful}</div>'
    )
    has_series = not ctx.rows(indicator).dropna(subset=["year"]).empty
    if not has_series:
        yield Fragment('<p class="bnk-nodata">Einzelwert ohne Zeitreihe; keine Abbildung.</p>')
    else:
        yield Chart(
            time_series(
                ctx.data, indicator, (ctx.municipality.ags, ctx.municipality.short_name),
                land=(ctx.land.ags, ctx.land.name), bund=(BUND_KEY, "Deutschland"),
                peers=[(p.ags, p.short_name) for p in ctx.peers],
            )
        )
    peers_with_data = [p for p in ctx.peers if not ctx.rows(indicator, p.ags).empty]
    if has_series and peers_with_data:
        yield Chart(comparison_bars(ctx.data, indicator, (ctx.municipality.ags, ctx.municipality.short_name),
                                    [(ctx.land.ags, ctx.land.name), *[(p.ags, p.short_name) for p in ctx.peers]]))
    yield indicator_table(ctx, indicator, with_source=not has_series)  # the chart names the source


def _peer_note(ctx: ReportContext) -> str:
    if not ctx.peers:
        return ""
    with_data = [p.short_name for p in ctx.peers if not ctx.data[ctx.data["ags"] == p.ags].empty]
    without = [p.short_name for p in ctx.peers if p.short_name not in with_data]
    text = f"Vergleichskommunen: {', '.join(p.short_name for p in ctx.peers)}."
    if without:
        text += f" Keine Indikatordaten vorhanden für: {', '.join(without)}."
    return f"<p>{_e(text)}</p>"


def indicator_part(ctx: ReportContext) -> Iterator[object]:
    """Chapter 'Indikatoren nach SDG': per SDG every indicator with data (chart + table)."""
    with_data = {i.id for i in ctx.catalogue if not ctx.rows(i).empty}
    yield Fragment(
        f"""{_heading(2, "indikatoren", "Indikatoren nach SDG")}
<p>Für {_e(ctx.municipality.short_name)} liegen Werte zu {len(with_data)} von {len(ctx.catalogue)}
Indikatoren der SDG-Indikatoren für Kommunen vor. Die Richtung („niedriger ist besser“ / „höher ist
besser“) ist die des Indikatorenkatalogs; sie ist eine Lesehilfe, keine Bewertung. „(abgeleitet)“
heißt: Das SDG-Portal hat für diesen Indikator keine Richtung angegeben, sie wurde aus der Definition
erschlossen. „Ø“ steht für den Landesdurchschnitt, „k. A.“ für „keine Angabe“.</p>{_peer_note(ctx)}"""
    )
    yield sdg_overview(ctx.data, ctx.catalogue, ctx.municipality.ags)
    by_goal = {g: list(items) for g, items in groupby(sorted(ctx.catalogue, key=lambda i: i.sdg or 0),
                                                      key=lambda i: i.sdg)}
    for goal in range(1, 18):
        indicators = by_goal.get(goal, [])
        yield Fragment(
            _heading(3, f"sdg-{goal}", f"SDG {goal} – {sdg.TITLES[goal]}", style=f"--sdg:{sdg.COLOURS[goal]}")
        )
        if not indicators:
            yield Fragment('<p class="bnk-nodata">Der Indikatorenkatalog enthält für dieses Ziel derzeit '
                           "keine Indikatoren.</p>")
            continue
        for indicator in indicators:
            if indicator.id in with_data:
                yield from _indicator_block(ctx, indicator)
        missing = [i.name for i in indicators if i.id not in with_data]
        if missing:
            yield Fragment(f'<p class="bnk-nodata">Keine Daten für: {_e("; ".join(missing))}.</p>')


def appendix(ctx: ReportContext) -> Fragment:
    data = ctx.data
    rows = []
    for (provider, licence, attribution), group in data.groupby(["provider", "licence", "attribution"]):
        name, url = LICENCES.get(str(licence), (str(licence), ""))
        link = f' (<a href="{url}">{_e(url)}</a>)' if url else ""
        retrieved = ", ".join(fmt.date(str(d)) for d in sorted(set(group["retrieved_at"])))
        rows.append(
            f"<tr><td>{_e(provider)}</td><td>{group['indicator_id'].nunique()}</td>"
            f"<td>{_e(name)}{link}</td><td>{_e(attribution)}</td><td>{retrieved}</td></tr>"
        )
    provenance = []
    for indicator in sorted(ctx.catalogue, key=lambda i: i.sdg or 0):
        own = ctx.rows(indicator)
        if own.empty:
            continue
        years = own["year"].dropna()
        span = (f"{int(years.min())}–{int(years.max())}" if years.nunique() > 1
                else str(int(years.iloc[0])) if len(years) else "ohne Angabe")
        notes = "; ".join(sorted({n for n in own["note"] if n}))
        provenance.append(
            f"<tr><td>{_e(indicator.name)}</td><td>{indicator.sdg}</td><td>{_e(own['source'].iloc[0])}</td>"
            f"<td>{span}</td><td>{_e(notes)}</td></tr>"
        )
    return Fragment(
        f"""<section class="bnk-chapter bnk-appendix">
{_heading(2, "anhang-quellen", "Anhang: Quellen und Lizenzen")}
<table class="bnk-table">
<caption>Herkunft der Indikatordaten</caption>
<thead><tr><th scope="col">Bereitgestellt über</th><th scope="col">Indikatoren</th><th scope="col">Lizenz</th>
<th scope="col">Namensnennung</th><th scope="col">Abgerufen am</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>
<table class="bnk-table bnk-provenance">
<caption>Indikatoren, Datenhalter und Datenjahre</caption>
<thead><tr><th scope="col">Indikator</th><th scope="col">SDG</th><th scope="col">Datenhalter</th>
<th scope="col">Jahre</th><th scope="col">Hinweis des Datenanbieters</th></tr></thead>
<tbody>{''.join(provenance)}</tbody></table>
<p>Die Indikatorwerte stehen unter der Datenlizenz Deutschland – Namensnennung – Version 2.0
(dl-de/by-2-0). Namensnennung: „SDG-Portal / Bertelsmann Stiftung“, Werte veröffentlicht über
Wegweiser Kommune (Bertelsmann Stiftung/www.wegweiser-kommune.de), Datenhalter wie je Indikator
angegeben. Die Werte wurden nicht verändert; Darstellung und Rundung durch die BNK-Werkbank.</p>
<p>Kommunales Profil: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys
(Stand 31.12.2020).</p>
{_heading(2, "impressum", "Impressum und Datenstand")}
<dl class="bnk-colophon">
<dt>Datenstand der Indikatoren</dt><dd>{_e(ctx.catalogue.data_stand)}</dd>
<dt>Erstellt am</dt><dd>{fmt.date(ctx.created)}</dd>
<dt>Werkzeug</dt><dd>BNK-Werkbank {_e(ctx.tool_version)} (papermill, nbconvert, WeasyPrint)</dd>
<dt>Datenmodus</dt><dd>{_e(ctx.data_mode)}</dd>
<dt>Qualitative Inhalte</dt><dd>{_e(ctx.content.source if ctx.content else "keine")}{
    " (Beispielinhalte)" if ctx.content and ctx.content.sample else ""}</dd>
</dl>
</section>"""
    )
