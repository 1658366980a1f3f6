"""Command line `bnk`: a thin layer over the library. Errors of the user's input: one German line, exit 2."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .errors import BnkError


def _cmd_report(args: argparse.Namespace) -> int:
    from .report.pipeline import render_report

    result = render_report(
        args.ags, year=args.year, framework=args.framework, data_mode=args.data_mode,
        content=args.content, catalogue=args.catalogue, output_dir=args.output_dir, project=args.project,
        peers=args.peers,
    )
    print(f"HTML: {result.html}")
    print(f"PDF:  {result.pdf}")
    return 0


def _cmd_regions(args: argparse.Namespace) -> int:
    from .regions import default_index

    found = default_index().search(args.search)
    for region in found[: args.limit]:
        print(f"{region.ags}  {region.name}")
    if not found:
        print(f"Keine Gemeinde enthält '{args.search}'.", file=sys.stderr)
        return 1
    return 0


def _parse_years(text: str) -> tuple[int, int]:
    try:
        first, _, last = text.partition("-")
        return int(first), int(last or first)
    except ValueError:
        raise BnkError(f"--years '{text}': erwartet z. B. 2014-2023.") from None


def _cmd_fetch(args: argparse.Namespace) -> int:
    from .sources import HttpClient, HttpSettings, fetch, write_csv_atomic

    indicators = None if args.indicators in (None, "all") else [i.strip() for i in args.indicators.split(",")]
    http = None
    if args.provider in {"wegweiser", "inkar"}:
        http = HttpClient(HttpSettings(offline=args.offline, ca_bundle=args.ca_bundle))
    frame = fetch(args.provider, args.ags, indicators, _parse_years(args.years), args.file, args.base_url, http,
                  peers=args.peers)
    write_csv_atomic(frame, args.output)  # only after everything succeeded: nothing is written on error
    print(f"{len(frame)} Zeilen, {frame['indicator_id'].nunique()} Indikatoren -> {args.output}")
    return 0


def _cmd_catalogue(args: argparse.Namespace) -> int:
    from collections import Counter

    from .catalogue import load_catalogue

    if args.action == "validate":
        if not args.file:
            raise BnkError("bnk catalogue validate braucht eine Datei: bnk catalogue validate FILE")
        catalogue = load_catalogue(Path(args.file))
        print(f"{args.file}: gültig ({len(catalogue.indicators)} Indikatoren, "
              f"Berichtsrahmen: {', '.join(catalogue.frameworks)})")
        return 0
    catalogue = load_catalogue(Path(args.file) if args.file else None)
    if args.action == "export":
        from importlib import resources

        for name in ("indicators.yaml", "frameworks.yaml"):
            print(resources.files("bnk_lib.catalogue").joinpath(name).read_text(encoding="utf-8"))
        return 0
    names = [args.framework] if args.framework else list(catalogue.frameworks)
    for name in names:
        fw = catalogue.framework(name)
        aspects = [a for c in fw.criteria() for a in c.aspects]
        print(f"{name}: {fw.title} [{fw.status}] – {len(fw.criteria())} Kriterien, {len(aspects)} Aspekte")
        for part in fw.parts:
            counts = Counter(a.status for c in part.criteria for a in c.aspects)
            summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
            print(f"  {part.title} [{part.status}] – {len(part.criteria)} Kriterien; Aspekte {summary}")
            for c in part.criteria:
                counts_text = f"{len(c.aspects)} Aspekte, {len(c.indicators)} Indikatoren"
                print(f"    {c.number} {c.title} [{c.status}] – {counts_text}")
        if fw.core_indicators:
            counts = Counter(k.status for k in fw.core_indicators)
            print(f"  Kernindikatoren: {len(fw.core_indicators)} ("
                  + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + ")")
    indicators = catalogue.indicators
    counts = Counter(i.status for i in indicators)
    directions = Counter(i.direction_status for i in indicators)
    print(f"Indikatoren: {len(indicators)} ({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))}); "
          f"Richtung {', '.join(f'{k}: {v}' for k, v in sorted(directions.items()))}")
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from .batch import STAGES, run_batch
    from .project import load_project

    loaded = load_project(args.project)
    names = {m.ags: m.name or m.ags for m in loaded.project.municipalities}
    chosen = [a for a in names if not args.only or a in args.only]
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[stage]}"),
                  TimeElapsedColumn(), console=console, transient=False) as progress:
        overall = progress.add_task("Gesamt", total=len(chosen), stage="")
        tasks: dict[str, TaskID] = {
            ags: progress.add_task(f"{ags} {names[ags]}", total=len(STAGES) + 1, stage="wartet") for ags in chosen
        }

        def on_event(ags: str, stage: str) -> None:
            task = tasks.get(ags)
            if task is None:
                return
            if stage in ("fertig", "übersprungen"):
                if not progress.tasks[task].finished:
                    progress.update(task, completed=len(STAGES) + 1, stage=stage)
                    progress.advance(overall)
            else:
                progress.update(task, completed=STAGES.index(stage) + 1 if stage in STAGES else 0, stage=stage)

        outcomes = run_batch(loaded, jobs=args.jobs, only=args.only, force=args.force,
                             output_dir=args.output_dir, on_event=on_event)
    table = Table(title=f"{loaded.project.programme} – {loaded.project.year}")
    for column in ("AGS", "Kommune", "Status", "Dauer", "Grund / Ergebnis"):
        table.add_column(column)
    for o in outcomes:
        style = {"ok": "green", "fehlgeschlagen": "red"}.get(o.status, "yellow")
        table.add_row(o.ags, o.name, f"[{style}]{o.status}[/{style}]", f"{o.seconds:.1f} s", o.reason or o.pdf)
    Console().print(table)
    failed = [o for o in outcomes if o.status == "fehlgeschlagen"]
    return 1 if failed else 0


def _cmd_dashboard(args: argparse.Namespace) -> int:
    from .dashboard import write_dashboard
    from .project import load_project

    pages = write_dashboard(load_project(args.project), args.output_dir)
    for page in pages:
        print(page)
    return 0


def _cmd_approve(args: argparse.Namespace) -> int:
    from .release import approve

    entry = approve(args.ags, args.by, args.note or "", args.output_dir)
    print(f"Freigabe {entry['version']} für {entry['ags']} durch {entry['by']} am {entry['at']} im Freigabebuch "
          "vermerkt.")
    return 0


def _cmd_publish(args: argparse.Namespace) -> int:
    from .release import publish

    print(f"Veröffentlicht (schreibgeschützt): {publish(args.ags, args.output_dir)}")
    return 0


def _cmd_site(args: argparse.Namespace) -> int:
    from .project import load_project
    from .release import build_site

    site = build_site(load_project(args.project), args.output_dir)
    print(f"Website: {site / 'index.html'}")
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from .catalogue import load_catalogue
    from .content import write_template
    from .regions import default_index

    region = default_index().municipality(args.ags)
    catalogue = load_catalogue(Path(args.catalogue) if args.catalogue else None)
    path = write_template(catalogue, args.framework, region, args.output)
    print(f"Erhebungsbogen für {region.name} ({args.framework}) -> {path}")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from .catalogue import load_catalogue
    from .content import load_content

    catalogue = load_catalogue(Path(args.catalogue) if args.catalogue else None)
    result = load_content(args.file, catalogue, args.framework)
    for problem in result.problems:
        print(f"{'FEHLER' if problem.blocking else 'Hinweis'}: {problem}")
    print()
    columns = list(result.completeness[0]) if result.completeness else []
    widths = [max(len(str(c)), *(len(str(r[c])) for r in result.completeness)) for c in columns]
    print("  ".join(str(c).ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in result.completeness:
        print("  ".join(str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True)))
    blocking = len(result.blocking)
    print()
    print(f"{blocking} Fehler, {len(result.problems) - blocking} Hinweise – "
          + ("der Bericht kann erzeugt werden." if not blocking else "bitte korrigieren, dann erneut prüfen."))
    return 0 if not blocking else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bnk", description="BNK-Werkbank: Nachhaltigkeitsberichte für Kommunen.")
    sub = parser.add_subparsers(dest="command", required=True)

    report = sub.add_parser(
        "report",
        help="Bericht einer Kommune erzeugen (HTML + PDF)",
        description=(
            "Führt das Master-Notebook notebooks/bnk_report.ipynb mit papermill für eine Kommune aus und "
            "exportiert den Bericht mit nbconvert als HTML (interaktive Diagramme, offline) und PDF "
            "(WeasyPrint). Ergebnis: outputs/<AGS>/bnk-bericht-<AGS>-<Jahr>.html/.pdf"
        ),
    )
    report.add_argument("--ags", required=True, help="Amtlicher Gemeindeschlüssel, 8 Ziffern, z. B. 08221000")
    report.add_argument("--year", type=int, default=2026, help="Berichtsjahr (Standard: 2026)")
    report.add_argument("--framework", default="bnk-1.0", help="Berichtsrahmen: bnk-1.0 (Standard) oder bnk-2.0")
    report.add_argument("--data-mode", default="offline", choices=["offline", "online"],
                        help="offline: eingebettete Daten (Standard); online: Wegweiser Kommune (mit Cache)")
    report.add_argument("--content", help="qualitative Inhalte: Erhebungsbogen (.xlsx) oder Markdown-Ordner "
                        "(Standard: data/content/<AGS>.xlsx, falls vorhanden)")
    report.add_argument("--catalogue", help="eigene Indikatorkatalog-Datei (YAML), ergänzt den mitgelieferten")
    report.add_argument("--project", help="Projektdatei des Programms (Arbeitsgruppe, Meilensteine im Bericht)")
    report.add_argument("--peers", nargs="*", help="AGS der Vergleichskommunen (Standard: aus der Projektdatei)")
    report.add_argument("--output-dir", type=Path, help="Zielordner (Standard: outputs/)")
    report.set_defaults(func=_cmd_report)

    regions = sub.add_parser("regions", help="Gemeinden und ihre AGS suchen")
    regions.add_argument("--search", required=True, help="Teil des Namens, z. B. Heidelberg")
    regions.add_argument("--limit", type=int, default=50)
    regions.set_defaults(func=_cmd_regions)

    catalogue = sub.add_parser("catalogue", help="Berichtsrahmen und Indikatorenkatalog anzeigen/prüfen")
    catalogue.add_argument("action", choices=["show", "validate", "export"],
                           help="show: Baum mit Zählungen; validate FILE: eigene Katalogdatei prüfen; "
                                "export: mitgelieferte YAML-Dateien ausgeben (Vorlage zum Ergänzen)")
    catalogue.add_argument("file", nargs="?", help="eigene Katalogdatei (YAML)")
    catalogue.add_argument("--framework", help="nur diesen Berichtsrahmen zeigen, z. B. bnk-1.0")
    catalogue.set_defaults(func=_cmd_catalogue)

    batch = sub.add_parser("batch", help="alle Kommunen eines Programms rendern (parallel, inkrementell)")
    batch.add_argument("project", help="Projektdatei (project.yaml)")
    batch.add_argument("--jobs", type=int, default=2, help="parallele Worker-Prozesse (Standard: 2)")
    batch.add_argument("--only", nargs="*", help="nur diese AGS")
    batch.add_argument("--force", action="store_true", help="auch unveränderte Kommunen neu rendern")
    batch.add_argument("--output-dir", type=Path, help="Zielordner (Standard: outputs/)")
    batch.set_defaults(func=_cmd_batch)

    dashboard = sub.add_parser("dashboard", help="Koordinations-Dashboard und Kohortenvergleich (HTML)")
    dashboard.add_argument("project", help="Projektdatei (project.yaml)")
    dashboard.add_argument("--output-dir", type=Path, help="Zielordner (Standard: outputs/)")
    dashboard.set_defaults(func=_cmd_dashboard)

    approve = sub.add_parser("approve", help="Freigabe der Kommune für den gerenderten Bericht vermerken")
    approve.add_argument("ags", help="AGS der Kommune")
    approve.add_argument("--by", required=True, help='wer freigibt: "Name, Funktion"')
    approve.add_argument("--note", help="Anmerkung zur Freigabe")
    approve.add_argument("--output-dir", type=Path, help="Ausgabeordner (Standard: outputs/)")
    approve.set_defaults(func=_cmd_approve)

    publish = sub.add_parser("publish", help="freigegebenen Bericht unveränderlich veröffentlichen")
    publish.add_argument("ags", help="AGS der Kommune")
    publish.add_argument("--output-dir", type=Path, help="Ausgabeordner (Standard: outputs/)")
    publish.set_defaults(func=_cmd_publish)

    site = sub.add_parser("site", help="statische Website aus den veröffentlichten Berichten bauen")
    site.add_argument("project", help="Projektdatei (project.yaml)")
    site.add_argument("--output-dir", type=Path, help="Ausgabeordner (Standard: outputs/)")
    site.set_defaults(func=_cmd_site)

    template = sub.add_parser("template", help="Excel-Erhebungsbogen für eine Kommune erzeugen")
    template.add_argument("--ags", required=True, help="AGS der Kommune (8 Ziffern)")
    template.add_argument("--framework", default="bnk-1.0", help="Berichtsrahmen (bnk-1.0 oder bnk-2.0)")
    template.add_argument("--catalogue", help="eigene Katalogdatei (YAML)")
    template.add_argument("--output", type=Path, required=True, help="Ziel, z. B. erhebung.xlsx")
    template.set_defaults(func=_cmd_template)

    check = sub.add_parser("check", help="ausgefüllten Erhebungsbogen (oder Markdown-Ordner) prüfen")
    check.add_argument("file", help="erhebung.xlsx oder Ordner mit Markdown-Dateien")
    check.add_argument("--framework", help="Berichtsrahmen (Standard: aus der Vorlage)")
    check.add_argument("--catalogue", help="eigene Katalogdatei (YAML)")
    check.set_defaults(func=_cmd_check)

    fetch = sub.add_parser("fetch", help="Indikatordaten holen und als Tabelle (CSV) schreiben")
    fetch.add_argument("--provider", required=True, choices=["wegweiser", "inkar", "snapshot", "file"])
    fetch.add_argument("--ags", nargs="*", help="AGS (8 Ziffern); bei snapshot: überschreibt die Namensauflösung")
    fetch.add_argument("--indicators", default="all", help="Katalog-Kennungen, durch Komma getrennt, oder all")
    fetch.add_argument("--years", default="2014-2023", help="Jahre, z. B. 2014-2023")
    fetch.add_argument("--file", type=Path, help="Eingabedatei (Snapshot-JSON, eigene Daten CSV/XLSX)")
    fetch.add_argument("--base-url", help="andere Basis-URL des Anbieters (z. B. Spiegel- oder Testserver)")
    fetch.add_argument("--peers", type=int, default=0,
                       help="wegweiser: N Vergleichskommunen (gleiches Land und gleicher Demografietyp) dazunehmen")
    fetch.add_argument("--offline", action="store_true", help="nur aus dem Cache, nie ins Netz")
    fetch.add_argument("--ca-bundle", help="CA-Datei (PEM) für die TLS-Prüfung; die Prüfung bleibt immer an")
    fetch.add_argument("--output", type=Path, required=True, help="Ziel-CSV (wird atomar geschrieben)")
    fetch.set_defaults(func=_cmd_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BnkError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `bnk catalogue show | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0


if __name__ == "__main__":
    sys.exit(main())
