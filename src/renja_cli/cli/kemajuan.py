"""A progress bar on stderr for a record file that takes more than a second.

Installed only when stderr is a terminal: in a pipe, a file or CI there is
nothing to watch, and nothing is written. Rich is imported when a bar is first
needed, so short runs pay nothing for it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from renja_cli import kemajuan
from renja_cli.cli.konsol import konsol

TUNDA = 1.0
"""Seconds a file is read before its bar appears (a quick file shows none)."""


class BilahKemajuan:
    """The terminal's :class:`renja_cli.kemajuan.Pemantau`: one bar per long file."""

    def __init__(
        self,
        console: Callable[[], Any] | None = None,
        jam: Callable[[], float] = time.monotonic,
        tunda: float = TUNDA,
    ) -> None:
        self._console = console
        self._jam = jam
        self._tunda = tunda
        self._path: Path | None = None
        self._ukuran = 0
        self._awal = 0.0
        self._progress: Any = None
        self._tugas: Any = None

    def mulai(self, path: Path, ukuran: int) -> None:
        self.selesai()
        self._path, self._ukuran, self._awal = path, ukuran, self._jam()

    def maju(self, posisi: int) -> None:
        if self._path is None or self._ukuran <= 0:
            return
        if self._progress is None:
            if self._jam() - self._awal < self._tunda:
                return
            self._buka()
        self._progress.update(self._tugas, completed=min(posisi, self._ukuran), refresh=True)

    def selesai(self) -> None:
        if self._progress is not None:
            self._progress.update(self._tugas, completed=self._ukuran)
            self._progress.stop()
        self._progress = self._tugas = self._path = None

    def _buka(self) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        console = self._console() if self._console else konsol(stderr=True)
        assert self._path is not None
        self._progress = Progress(
            TextColumn("membaca {task.description}", markup=False),  # a file name, as it is
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._tugas = self._progress.add_task(self._path.name, total=self._ukuran)
        self._progress.start()


def pasang_bila_terminal() -> None:
    """Install the bar when stderr is an interactive terminal that can redraw a line.

    The bar draws on the process's own stderr (``sys.__stderr__``), past the
    result cache's recording of ``sys.stderr``: a stored answer never replays a
    progress bar.
    """
    stream = sys.__stderr__
    try:
        terminal = stream is not None and stream.isatty()
    except (OSError, ValueError):
        terminal = False
    if not terminal or os.environ.get("TERM") == "dumb":  # a dumb terminal cannot redraw
        return
    from renja_cli.cli.aliran import siapkan_aliran

    siapkan_aliran(stream)
    kemajuan.pasang(BilahKemajuan(lambda: _console(stream)))


def _console(stream: Any) -> Any:
    return konsol(file=stream)
