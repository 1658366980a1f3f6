"""Command line `bnk`: a thin layer over the library. Errors of the user's input: one German line, exit 2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BnkError


def _cmd_report(args: argparse.Namespace) -> int:
    from .report.pipeline import render_report

    result = render_report(
        args.ags, year=args.year, framework=args.framework, data_mode=args.data_mode,
        content=args.content, catalogue=args.catalogue, output_dir=args.output_dir,
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


def _cmd_fetch(args: argparse.Namespace) -> int:
    from .sources import read_snapshot, write_csv_atomic

    if args.provider != "snapshot":
        raise BnkError(f"Anbieter '{args.provider}' ist noch nicht verfügbar; möglich: snapshot.")
    if not args.file:
        raise BnkError("--provider snapshot braucht --file SNAPSHOT.json")
    frame = read_snapshot(args.file, ags=args.ags[0] if args.ags else None)
    write_csv_atomic(frame, args.output)
    print(f"{len(frame)} Zeilen, {frame['indicator_id'].nunique()} Indikatoren -> {args.output}")
    return 0


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
    report.add_argument("--framework", default="bnk-2.0", choices=["bnk-1.0", "bnk-2.0"], help="Berichtsrahmen")
    report.add_argument("--data-mode", default="offline", choices=["offline"], help="Datenquelle")
    report.add_argument("--content", help="qualitative Inhalte (noch nicht unterstützt)")
    report.add_argument("--catalogue", help="eigene Indikatorkatalog-Datei (YAML), ergänzt den mitgelieferten")
    report.add_argument("--output-dir", type=Path, help="Zielordner (Standard: outputs/)")
    report.set_defaults(func=_cmd_report)

    regions = sub.add_parser("regions", help="Gemeinden und ihre AGS suchen")
    regions.add_argument("--search", required=True, help="Teil des Namens, z. B. Heidelberg")
    regions.add_argument("--limit", type=int, default=50)
    regions.set_defaults(func=_cmd_regions)

    fetch = sub.add_parser("fetch", help="Indikatordaten holen und als Tabelle (CSV) schreiben")
    fetch.add_argument("--provider", required=True, choices=["snapshot", "wegweiser", "inkar", "file"])
    fetch.add_argument("--file", type=Path, help="Eingabedatei (Snapshot-JSON)")
    fetch.add_argument("--ags", nargs="*", help="AGS (überschreibt die Namensauflösung)")
    fetch.add_argument("--output", type=Path, required=True, help="Ziel-CSV")
    fetch.set_defaults(func=_cmd_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BnkError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
