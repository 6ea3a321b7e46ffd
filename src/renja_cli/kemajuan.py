"""Progress of long file reads, told to whoever listens.

The core never prints: a reader opens a :class:`Pantauan` for the file it scans
and calls :meth:`Pantauan.maju` every :data:`SETIAP` rows. Nobody listens unless
the CLI installed a :class:`Pemantau` (a progress bar on a terminal), so
library use and tests pay one attribute test per report. Standard library only.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Protocol

SETIAP = 1 << 16
"""Rows between two reports (a power of two: ``line & MASK`` is the test)."""
MASK = SETIAP - 1


class Pemantau(Protocol):
    """Receives the progress of one file at a time."""

    def mulai(self, path: Path, ukuran: int) -> None: ...

    def maju(self, posisi: int) -> None: ...

    def selesai(self) -> None: ...


_pemantau: Pemantau | None = None


def pasang(pemantau: Pemantau | None) -> Pemantau | None:
    """Install ``pemantau`` (None removes it); returns the one it replaces."""
    global _pemantau
    before, _pemantau = _pemantau, pemantau
    return before


class Pantauan:
    """One file being read: ``with Pantauan(path, handle) as p: ... p.maju()``.

    ``handle`` is the open file; its byte position is the progress. A text
    handle is asked through its buffer (a text file cannot ``tell`` while it is
    iterated); the position then runs ahead by one read chunk, which a progress
    bar can afford.
    """

    __slots__ = ("_buffer", "_pemantau")

    def __init__(self, path: Path, handle: IO[str] | IO[bytes]) -> None:
        self._pemantau = _pemantau
        self._buffer = getattr(handle, "buffer", handle)
        if self._pemantau is not None:
            try:
                ukuran = path.stat().st_size
            except OSError:
                ukuran = 0
            self._pemantau.mulai(path, ukuran)

    def maju(self) -> None:
        if self._pemantau is not None:
            try:
                posisi = self._buffer.tell()
            except (OSError, ValueError):  # a pipe or a closed file: nothing to show
                return
            self._pemantau.maju(posisi)

    def __enter__(self) -> Pantauan:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pemantau is not None:
            self._pemantau.selesai()
