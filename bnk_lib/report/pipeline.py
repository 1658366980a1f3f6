"""Render one municipality's report: papermill executes the master notebook, nbconvert exports.

Inputs are validated before anything runs, so bad input writes nothing. Outputs are written
atomically (temp file + rename) into outputs/<AGS>/.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import nbformat
import papermill as pm
from jupyter_client.manager import AsyncKernelManager
from traitlets import default

from .. import __version__, paths
from ..atomic import write_bytes, write_text
from ..errors import ReportError
from ..inputs import MANIFEST, overall, report_inputs, sha256_file
from ..project import project_entry
from ..sources import write_csv_atomic
from . import engine as _engine  # noqa: F401  (registers the bnk-inprocess papermill engine)
from .context import DEFAULT_FRAMEWORK, build_context
from .exporters import BnkHTMLExporter, BnkPDFExporter

KERNEL = "python3"  # resolves to the kernel of the active environment (see DESIGN "Known pitfalls")


class IPCKernelManager(AsyncKernelManager):
    """Kernel over Unix sockets instead of TCP ports: no port race between parallel renders
    (papermill#511) and no 'running over TCP without encryption' warning in the user's terminal."""

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"


@dataclass(frozen=True)
class RenderedReport:
    ags: str
    html: Path
    pdf: Path
    notebook: Path
    data: Path


@lru_cache(maxsize=1)
def _exporters() -> tuple[BnkHTMLExporter, BnkPDFExporter]:
    """Built once per process: template compilation and static assets are reused across reports."""
    return BnkHTMLExporter(), BnkPDFExporter()


def render_report(
    ags: object,
    year: int = 2026,
    framework: str = DEFAULT_FRAMEWORK,
    data_mode: str = "offline",
    content: str | None = None,
    catalogue: str | None = None,
    output_dir: Path | None = None,
    notebook: Path | None = None,
    project: str | None = None,
    engine: str | None = None,
    progress: Callable[[str], None] | None = None,
    peers: list[str] | None = None,
) -> RenderedReport:
    """Execute the master notebook for one municipality and export HTML + PDF atomically.

    engine: None = papermill's kernel engine (isolated process); "bnk-inprocess" = warm in-process engine.
    progress: called with the stage name (prüfen, Notebook, HTML, PDF) for progress bars.
    """
    step = progress or (lambda stage: None)
    step("prüfen")
    # Fail before papermill starts a kernel: the same checks the notebook runs.
    ctx = build_context(ags, year, framework, data_mode, content, catalogue, project, peers)
    ags = ctx.municipality.ags
    notebook = notebook or paths.notebooks_dir() / "bnk_report.ipynb"
    target = Path(output_dir or paths.outputs_dir()) / ags
    stem = f"bnk-bericht-{ags}-{ctx.year}"
    parameters = {  # Python strings, never papermill's CLI parsing (AGS leading zeros)
        "ags": ags,
        "year": ctx.year,
        "framework": framework,
        "data_mode": data_mode,
        "content": str(Path(content).resolve()) if content else None,
        "catalogue": str(Path(catalogue).resolve()) if catalogue else None,
        "project": str(Path(project).resolve()) if project else None,
        "peers": [p.ags for p in ctx.peers],
    }
    step("Notebook")
    with tempfile.TemporaryDirectory(prefix="bnk-render-") as tmp:
        executed = Path(tmp) / f"{stem}.ipynb"
        extra = {"kernel_manager_class": IPCKernelManager} if engine is None else {}
        try:
            pm.execute_notebook(
                str(notebook), str(executed), parameters=parameters, kernel_name=KERNEL, engine_name=engine,
                progress_bar=False, request_save_on_cell_execute=False, **extra,
            )
        except pm.PapermillExecutionError as exc:
            first = (exc.evalue or exc.ename).splitlines()[0] if (exc.evalue or exc.ename) else "?"
            raise ReportError(f"Bericht {ags}: Notebook-Zelle {exc.exec_count} fehlgeschlagen: "
                              f"{exc.ename}: {first}") from None
        nb = nbformat.read(executed, as_version=4)
        html_exporter, pdf_exporter = _exporters()
        step("HTML")
        html, _ = html_exporter.from_notebook_node(nb)
        step("PDF")
        pdf, _ = pdf_exporter.from_notebook_node(nb)
        result = RenderedReport(ags, target / f"{stem}.html", target / f"{stem}.pdf", target / f"{stem}.ipynb",
                                target / f"bnk-daten-{ags}-{ctx.year}.csv")
        write_bytes(result.notebook, executed.read_bytes())
    write_bytes(result.html, html.encode("utf-8"))
    write_bytes(result.pdf, pdf)
    write_csv_atomic(ctx.data, result.data)  # exactly the values the report shows (open data on release)
    inputs = report_inputs(ags, ctx.year, framework, data_mode, Path(content) if content else None,
                           Path(catalogue) if catalogue else None, project_entry(ctx.programme, ctx.process),
                           [p.ags for p in ctx.peers])
    manifest = {
        "ags": ags, "year": ctx.year, "hash": overall(inputs), "inputs": inputs,
        "rendered_at": dt.datetime.now().isoformat(timespec="seconds"), "tool_version": __version__,
        "parameters": {"framework": framework, "data_mode": data_mode, "content": parameters["content"],
                       "catalogue": parameters["catalogue"], "project": parameters["project"],
                       "peers": parameters["peers"]},
        "html": str(result.html), "pdf": str(result.pdf), "data": str(result.data), "notebook": str(result.notebook),
        "outputs": {name: sha256_file(getattr(result, name)) for name in ("html", "pdf", "data")},
    }
    write_text(target / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
    return result
