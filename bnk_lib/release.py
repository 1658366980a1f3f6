"""Freigabe and publication: an append-only release ledger, immutable releases, a static site.

- `approve`: the municipality approves a rendered report. The ledger (outputs/releases/ledger.jsonl,
  append-only) records who, when, the report version and the content hash of every input and of the
  rendered HTML, PDF and data.
- `publish`: copies exactly the approved files into outputs/releases/<AGS>/<version>/ (read-only) and
  refuses when there is no approval, when an input or a rendered file changed since (naming it), or
  when that version already exists. No command overwrites or deletes a released file.
- `build_site`: a static site from released reports only (index, a page per municipality, HTML report,
  PDF, the indicator data as CSV and JSON with licence and attribution).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pandas as pd

from . import fmt, paths
from .atomic import write_text
from .errors import BnkError
from .inputs import changed, read_manifest, report_inputs, sha256_file
from .project import LoadedProject, load_project, project_entry
from .regions import default_index, validate_ags
from .sources import read_csv


class ReleaseError(BnkError):
    pass


def releases_dir(output_dir: Path | None = None) -> Path:
    return Path(output_dir or paths.outputs_dir()) / "releases"


def ledger_path(output_dir: Path | None = None) -> Path:
    return releases_dir(output_dir) / "ledger.jsonl"


def read_ledger(output_dir: Path | None = None) -> list[dict[str, Any]]:
    path = ledger_path(output_dir)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _append(entry: dict[str, Any], output_dir: Path | None) -> None:
    path = ledger_path(output_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:  # append-only: earlier lines are never rewritten
        fh.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _current_inputs(manifest: dict[str, Any]) -> dict[str, str]:
    """Recompute the report's input hashes now, with the parameters it was rendered with."""
    params = manifest["parameters"]
    entry = None
    if params.get("project"):
        loaded = load_project(params["project"])
        entry = project_entry(loaded.project.programme, loaded.municipality(manifest["ags"]))
    return report_inputs(manifest["ags"], manifest["year"], params["framework"], params["data_mode"],
                         Path(params["content"]) if params.get("content") else None,
                         Path(params["catalogue"]) if params.get("catalogue") else None, entry,
                         params.get("peers") or [])


def _rendered(ags: str, output_dir: Path | None) -> dict[str, Any]:
    manifest = read_manifest(Path(output_dir or paths.outputs_dir()), ags)
    if manifest is None:
        raise ReleaseError(f"Für AGS {ags} gibt es keinen gerenderten Bericht. Zuerst: bnk report --ags {ags}")
    return manifest


def approve(ags: str, by: str, note: str = "", output_dir: Path | None = None) -> dict[str, Any]:
    ags = validate_ags(ags)
    if not by.strip():
        raise ReleaseError("Freigabe ohne Namen: --by \"Name, Funktion\" angeben.")
    manifest = _rendered(ags, output_dir)
    stale = changed(manifest["inputs"], _current_inputs(manifest))
    if stale:
        raise ReleaseError(f"Bericht {ags} ist nicht mehr aktuell (geändert seit dem Rendern: {', '.join(stale)}). "
                           f"Erst neu rendern, dann freigeben.")
    files = {name: sha256_file(Path(manifest[name])) for name in ("html", "pdf", "data")}
    if files != manifest["outputs"]:
        raise ReleaseError(f"Gerenderte Dateien von {ags} wurden nach dem Rendern verändert: "
                           f"{', '.join(changed(manifest['outputs'], files))}. Bitte neu rendern.")
    previous = [e for e in read_ledger(output_dir) if e["ags"] == ags and e["event"] == "approve"]
    entry = {
        "event": "approve", "ags": ags, "by": by.strip(), "note": note,
        "at": dt.datetime.now().isoformat(timespec="seconds"),
        "version": f"{manifest['year']}-v{len(previous) + 1}", "year": manifest["year"], "inputs": manifest["inputs"],
        "outputs": files, "files": {name: manifest[name] for name in ("html", "pdf", "data")},
        "parameters": manifest["parameters"],
    }
    _append(entry, output_dir)
    return entry


def publish(ags: str, output_dir: Path | None = None) -> Path:
    ags = validate_ags(ags)
    approvals = [e for e in read_ledger(output_dir) if e["ags"] == ags and e["event"] == "approve"]
    if not approvals:
        raise ReleaseError(f"Keine Freigabe für AGS {ags}. Erst: bnk approve {ags} --by \"Name, Funktion\"")
    approval = approvals[-1]
    target = releases_dir(output_dir) / ags / approval["version"]
    now = _current_inputs({"ags": ags, "year": approval["year"], "parameters": approval["parameters"]})
    stale = changed(approval["inputs"], now)
    if stale:
        raise ReleaseError(f"Seit der Freigabe von {ags} ({approval['version']}) geänderte Eingaben: "
                           f"{', '.join(stale)}. Neu rendern und erneut freigeben lassen.")
    files = {name: sha256_file(Path(path)) for name, path in approval["files"].items()}
    if files != approval["outputs"]:
        raise ReleaseError(f"Die freigegebenen Dateien von {ags} wurden seitdem verändert: "
                           f"{', '.join(changed(approval['outputs'], files))}. Neu freigeben lassen.")
    if target.exists():
        raise ReleaseError(f"Version {approval['version']} von {ags} ist bereits veröffentlicht ({target}); "
                           "veröffentlichte Dateien werden nie überschrieben. Für eine neue Version: neu rendern "
                           "und erneut freigeben.")
    staging = target.parent / f".{approval['version']}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    names = {"html": "bericht.html", "pdf": "bericht.pdf", "data": "indikatoren.csv"}
    for name, path in approval["files"].items():
        shutil.copyfile(path, staging / names[name])
    data = read_csv(staging / "indikatoren.csv")
    write_text(staging / "indikatoren.json", _data_json(data, ags, approval))
    write_text(staging / "freigabe.json", json.dumps(approval, ensure_ascii=False, indent=1))
    for file in staging.iterdir():
        file.chmod(0o444)  # released files are read-only
    staging.rename(target)  # the release appears complete or not at all
    _append({"event": "publish", "ags": ags, "version": approval["version"],
             "at": dt.datetime.now().isoformat(timespec="seconds"), "path": str(target)}, output_dir)
    return target


def _data_json(data: pd.DataFrame, ags: str, approval: dict[str, Any]) -> str:
    licences = sorted({f"{r.licence}: {r.attribution}" for r in data.itertuples()})
    rows = json.loads(data.to_json(orient="records", force_ascii=False))
    return json.dumps({"ags": ags, "version": approval["version"], "approved_at": approval["at"],
                       "licences": licences, "rows": rows}, ensure_ascii=False, indent=1)


def released(output_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Latest publish event per AGS."""
    latest: dict[str, dict[str, Any]] = {}
    for entry in read_ledger(output_dir):
        if entry["event"] == "publish":
            latest[entry["ags"]] = entry
    return latest


SITE_CSS = """body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d9d9d9;padding:.4rem;text-align:left}
a{color:#00689D}.meta{color:#555}"""


def _site_page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{html.escape(title)}</title>'
            f"<style>{SITE_CSS}</style></head><body>{body}</body></html>")


def build_site(loaded: LoadedProject, output_dir: Path | None = None) -> Path:
    """outputs/site/: index of the programme, a page per released municipality; rebuilt from releases only."""
    out = Path(output_dir or paths.outputs_dir())
    site = out / "site"
    staging = out / ".site.staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    regions = default_index()
    published = released(out)
    rows = []
    for m in loaded.project.municipalities:
        region = regions.municipality(m.ags)
        name = html.escape(m.name or region.short_name)
        event = published.get(m.ags)
        if event is None:
            rows.append(f"<tr><td>{name}</td><td>{html.escape(regions.land_of(region).name)}</td>"
                        f"<td>{loaded.project.year}</td><td>{html.escape(m.status)}</td><td>noch nicht veröffentlicht"
                        "</td></tr>")
            continue
        release = Path(event["path"])
        page = staging / m.ags
        page.mkdir()
        for file in release.iterdir():
            shutil.copyfile(file, page / file.name)
        approval = json.loads((release / "freigabe.json").read_text(encoding="utf-8"))
        stand = fmt.date(event["at"])
        licences = json.loads((release / "indikatoren.json").read_text(encoding="utf-8"))["licences"]
        write_text(page / "index.html", _site_page(
            f"Nachhaltigkeitsbericht {m.name or region.short_name}",
            f'<p><a href="../index.html">Alle Kommunen</a></p><h1>Nachhaltigkeitsbericht {name}</h1>'
            f'<p class="meta">Berichtsjahr {loaded.project.year} · Version {html.escape(event["version"])} · '
            f"freigegeben am {fmt.date(approval['at'])} · Stand {stand}</p><ul>"
            '<li><a href="bericht.html">Bericht lesen (HTML)</a></li>'
            '<li><a href="bericht.pdf" download>Bericht herunterladen (PDF)</a></li>'
            '<li><a href="indikatoren.csv" download>Indikatordaten (CSV)</a></li>'
            '<li><a href="indikatoren.json" download>Indikatordaten (JSON)</a></li></ul>'
            "<h2>Lizenzen und Namensnennung</h2><ul>"
            + "".join(f"<li>{html.escape(text)}</li>" for text in licences) + "</ul>",
        ))
        rows.append(f'<tr><td><a href="{m.ags}/index.html">{name}</a></td>'
                    f"<td>{html.escape(regions.land_of(region).name)}</td><td>{loaded.project.year}</td>"
                    f"<td>veröffentlicht ({html.escape(event['version'])})</td>"
                    f'<td><a href="{m.ags}/bericht.html">HTML</a> · <a href="{m.ags}/bericht.pdf">PDF</a></td></tr>')
    write_text(staging / "index.html", _site_page(
        loaded.project.programme,
        f"<h1>{html.escape(loaded.project.programme)}</h1><p class=\"meta\">Nachhaltigkeitsberichte nach dem "
        f"Berichtsrahmen Nachhaltige Kommune · Stand {fmt.date(dt.date.today())}</p>"
        '<table><thead><tr><th scope="col">Kommune</th><th scope="col">Land</th><th scope="col">Berichtsjahr</th>'
        f'<th scope="col">Status</th><th scope="col">Bericht</th></tr></thead><tbody>{"".join(rows)}</tbody></table>',
    ))
    old = out / ".site.old"
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return site


__all__ = ["ReleaseError", "approve", "build_site", "publish", "read_ledger", "released"]
