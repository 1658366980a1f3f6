"""Render every municipality of a programme: parallel workers, live progress, incremental, isolated failures.

- Executor: any `concurrent.futures.Executor` (default: a process pool of `jobs` workers); a
  `dask.distributed` client's executor can be passed instead for very large runs.
- Workers use the in-process papermill engine (`bnk-inprocess`): imports, templates and assets stay warm
  between reports of one worker.
- Incremental: a municipality is skipped when the content hash of everything that feeds its report
  (notebook, library code, catalogue, data, content, parameters) equals the last successful render's.
- Failures are isolated: one municipality's error becomes a row in the summary, never a stopped batch.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import paths
from .atomic import remove_stale_parts
from .inputs import overall, read_manifest, report_inputs
from .project import LoadedProject, Municipality, project_entry

LOG = "render.log"
STAGES = ("prüfen", "Notebook", "HTML", "PDF")


@dataclass(frozen=True)
class Job:
    ags: str
    name: str
    year: int
    framework: str
    data_mode: str
    content: str | None
    catalogue: str | None
    project: str
    output_dir: str
    fingerprint: dict[str, str]


@dataclass(frozen=True)
class Outcome:
    ags: str
    name: str
    status: str  # ok | fehlgeschlagen | übersprungen
    seconds: float
    reason: str = ""
    html: str = ""
    pdf: str = ""


def fingerprint(loaded: LoadedProject, m: Municipality) -> dict[str, str]:
    """Content hash of every input of one municipality's report, by name (shown when something changed)."""
    project = loaded.project
    return report_inputs(m.ags, project.year, project.framework, project.data_mode, loaded.resolve(m.content),
                         loaded.resolve(project.catalogue), project_entry(project.programme, m), list(m.peers))


def _unchanged(job: Job) -> bool:
    manifest = read_manifest(Path(job.output_dir), job.ags)
    if not manifest or manifest.get("hash") != overall(job.fingerprint):
        return False
    return all(Path(manifest.get(key, "")).exists() for key in ("html", "pdf"))


# --- worker side ------------------------------------------------------------------------------------------

_events: Any = None  # a multiprocessing queue for progress events, set per worker


def _init_worker(events: Any) -> None:
    global _events
    _events = events


def render_job(job: Job) -> Outcome:
    """Runs in a worker process. Never raises: every failure becomes an Outcome with its first line."""
    from .report.engine import ENGINE_NAME
    from .report.pipeline import render_report

    start = time.monotonic()
    folder = Path(job.output_dir) / job.ags
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(folder / LOG, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    log = logging.getLogger("bnk.batch")

    def progress(stage: str) -> None:
        log.info("Schritt: %s", stage)
        if _events is not None:
            _events.put((job.ags, stage))

    try:
        log.info("Bericht %s (%s) – Eingaben: %s", job.ags, job.name, json.dumps(job.fingerprint))
        result = render_report(job.ags, job.year, job.framework, job.data_mode, job.content, job.catalogue,
                               Path(job.output_dir), project=job.project, engine=ENGINE_NAME, progress=progress)
        log.info("fertig: %s, %s", result.html, result.pdf)
        return Outcome(job.ags, job.name, "ok", time.monotonic() - start, html=str(result.html), pdf=str(result.pdf))
    except Exception as exc:  # isolation: report it, never stop the batch
        log.error("fehlgeschlagen:\n%s", traceback.format_exc())
        reason = (str(exc).splitlines() or [exc.__class__.__name__])[0]
        return Outcome(job.ags, job.name, "fehlgeschlagen", time.monotonic() - start, reason=reason)
    finally:
        if _events is not None:
            _events.put((job.ags, "fertig"))
        root.removeHandler(handler)
        handler.close()


# --- coordinator side ---------------------------------------------------------------------------------------

def plan(loaded: LoadedProject, output_dir: Path, only: list[str] | None = None) -> list[Job]:
    project = loaded.project
    chosen = [m for m in project.municipalities if not only or m.ags in only]
    unknown = sorted(set(only or []) - {m.ags for m in project.municipalities})
    if unknown:
        from .project import ProjectError

        raise ProjectError(f"{loaded.path}: --only nennt AGS, die nicht im Programm sind: {', '.join(unknown)}")
    catalogue = loaded.resolve(project.catalogue)
    return [
        Job(ags=m.ags, name=m.name or m.ags, year=project.year, framework=project.framework,
            data_mode=project.data_mode, content=str(loaded.resolve(m.content)) if m.content else None,
            catalogue=str(catalogue) if catalogue else None, project=str(loaded.path), output_dir=str(output_dir),
            fingerprint=fingerprint(loaded, m))
        for m in chosen
    ]


def _warm_up() -> None:
    from .report import engine, pipeline

    pipeline._exporters()
    engine.InteractiveShell.instance()
    import weasyprint  # noqa: F401


def run_batch(
    loaded: LoadedProject,
    jobs: int = 2,
    only: list[str] | None = None,
    force: bool = False,
    output_dir: Path | None = None,
    executor: Executor | None = None,
    on_event: Callable[[str, str], None] | None = None,
) -> list[Outcome]:
    output_dir = Path(output_dir or paths.outputs_dir())
    output_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(output_dir)
    todo, outcomes = [], []
    for job in plan(loaded, output_dir, only):
        if not force and _unchanged(job):
            outcomes.append(Outcome(job.ags, job.name, "übersprungen", 0.0, reason="unverändert"))
            if on_event:
                on_event(job.ags, "übersprungen")
        else:
            todo.append(job)
    if not todo:
        return outcomes
    _warm_up()  # forked workers inherit the imported modules and built exporters
    manager = multiprocessing.Manager()
    events = manager.Queue()
    own_pool = executor is None
    pool = executor or ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(events,))
    try:
        futures = {pool.submit(render_job, job): job for job in todo}
        pending = set(futures)
        while pending:
            while not events.empty():
                ags, stage = events.get()
                if on_event:
                    on_event(ags, stage)
            done = {f for f in pending if f.done()}
            for future in done:
                job = futures[future]
                try:
                    outcomes.append(future.result())
                except Exception as exc:  # a worker that died (e.g. killed): still one row, not a crash
                    outcomes.append(Outcome(job.ags, job.name, "fehlgeschlagen", 0.0,
                                            reason=f"Worker abgebrochen: {exc.__class__.__name__}"))
                if on_event:
                    on_event(job.ags, "fertig")
            pending -= done
            time.sleep(0.1)
    finally:
        if own_pool:
            pool.shutdown()
        manager.shutdown()
    order = {m.ags: i for i, m in enumerate(loaded.project.municipalities)}
    return sorted(outcomes, key=lambda o: order.get(o.ags, 0))
