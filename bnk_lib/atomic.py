"""Atomic file writes: temp file in the target folder, then rename. Never a half-written output."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PART_SUFFIX = ".part"  # unfinished temp files; a killed run's leftovers are removed by remove_stale_parts()


def remove_stale_parts(folder: Path) -> int:
    """Delete temp files left by an interrupted run (never a finished output)."""
    removed = 0
    for stale in Path(folder).rglob(f".*{PART_SUFFIX}"):
        stale.unlink(missing_ok=True)
        removed += 1
    return removed


def write_bytes(path: Path, payload: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
