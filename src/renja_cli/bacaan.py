"""Which files and folders a run read, so its cached output can be checked later.

The read functions call :func:`catat` (a file) or :func:`catat_folder` (a data
folder whose listing decides what is read). Recording is off unless the cache
entry point called :func:`mulai`, so library use and in-process tests pay one
``is None`` test per call. Standard library only: the entry point imports this
before deciding whether the CLI (typer, pydantic, …) is needed at all.
"""

# pathlib would cost milliseconds on every start: os.path it is.
# ruff: noqa: PTH109, PTH116, PTH117, PTH118, PTH123, PTH208

from __future__ import annotations

import os
import stat

try:  # the builtin module: importing hashlib would also load OpenSSL (~4 ms)
    from _blake2 import blake2b as blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b as blake2b

StatKecil = tuple[int, int, int] | None
"""(size, mtime_ns, ctime_ns) of a file, or None when it did not exist. The change
time moves on every write and every ``utime``, so a file rewritten while a command
reads it, its modification time put back (``cp -p``, ``rsync -t``, ``touch -d``),
does not pass for the file that was read."""

NAMA = "nama:"
"""Key prefix of a folder recorded by its names alone (:func:`catat_nama`)."""

BATAS_ENTRI_FOLDER = 20_000
"""A folder listing longer than this is not worth caching against."""


def dilewati(nama: str) -> bool:
    """A folder renja never reads from (hidden: ``.git``, ``.arsip``; ``__pycache__``):
    ``validasi`` skips it, a survey pattern does not match inside it, and folder
    fingerprints leave it out. One rule, so what is read is what is recorded."""
    return (nama.startswith(".") and nama not in {".", ".."}) or nama == "__pycache__"


def mutlak(path: str | os.PathLike[str]) -> str:
    """``path`` made absolute as the system opens it: ``..`` is kept, not removed as
    text (``os.path.abspath`` does), since after a symbolic link it leads elsewhere."""
    path = os.fspath(path)
    return path if os.path.isabs(path) else os.path.join(os.getcwd(), path)


class Bacaan:
    """Files (path → stat when first recorded) and folders (path → listing digest).

    A plain class: ``dataclasses`` would import ``inspect`` (~5 ms) on every run.
    """

    def __init__(self) -> None:
        self.berkas: dict[str, StatKecil] = {}
        self.folder: dict[str, bytes | None] = {}


_bacaan: Bacaan | None = None
_dalam: list[Bacaan] = []
"""Nested recorders (the per-file cache's), innermost last; each read goes to all."""


def mulai() -> None:
    """Start recording (the cache entry point, before running the CLI)."""
    global _bacaan
    _bacaan = Bacaan()


def berhenti() -> Bacaan | None:
    """Stop recording and return what was recorded."""
    global _bacaan
    hasil, _bacaan = _bacaan, None
    return hasil


def daftar() -> Bacaan | None:
    """What has been recorded so far (None when recording is off)."""
    return _bacaan


def masuk() -> Bacaan:
    """Start a nested recorder (what one cached computation reads); pair with :func:`keluar`."""
    bac = Bacaan()
    _dalam.append(bac)
    return bac


def keluar(bac: Bacaan) -> None:
    _dalam.remove(bac)


def catat(path: str | os.PathLike[str]) -> None:
    """Record that ``path`` is about to be read (its stat now, its hash at store time)."""
    if _bacaan is None and not _dalam:
        return
    key = mutlak(path)
    for bac in (_bacaan, *_dalam):
        if bac is not None and key not in bac.berkas:
            bac.berkas[key] = stat_kecil(key)


def catat_folder(path: str | os.PathLike[str]) -> None:
    """Record a data folder: any file added, removed or changed in it invalidates."""
    if _bacaan is None and not _dalam:
        return
    key = mutlak(path)
    pending = [bac for bac in (_bacaan, *_dalam) if bac is not None and key not in bac.folder]
    if pending:
        digest = ringkas_folder(key)
        for bac in pending:
            bac.folder[key] = digest


def catat_nama(path: str | os.PathLike[str]) -> None:
    """Record the names in a folder (not below it): a file found there by name, such as
    ``survei.yaml`` or its absence, decided what was read."""
    if _bacaan is None and not _dalam:
        return
    key = NAMA + mutlak(path)
    pending = [bac for bac in (_bacaan, *_dalam) if bac is not None and key not in bac.folder]
    if pending:
        digest = ringkas(key)
        for bac in pending:
            bac.folder[key] = digest


def catat_kunci(key: str) -> None:
    """Record again a folder key taken from :class:`Bacaan` (whole tree or names only)."""
    if key.startswith(NAMA):
        catat_nama(key[len(NAMA) :])
    else:
        catat_folder(key)


def ringkas(key: str) -> bytes | None:
    """The digest a recorded folder key stands for (names only, or the whole tree)."""
    if not key.startswith(NAMA):
        return ringkas_folder(key)
    h = blake2b(digest_size=16)
    try:
        names = sorted(os.listdir(key[len(NAMA) :]))
    except OSError:
        h.update(b"absent")
        return h.digest()
    for name in names:
        h.update(name.encode(errors="surrogateescape") + b"\0")
    return h.digest()


def stat_kecil(path: str) -> StatKecil:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns


_sidik_diketahui: dict[tuple[str, int, int, int], bytes] = {}
"""Hashes taken in this process, by (path, size, mtime_ns, ctime_ns): a file recorded by many
cached computations is read once per run, not once per entry."""


def sidik_berkas(path: str, stat: StatKecil = None) -> bytes | None:
    """Content hash of a file (None if it cannot be read). With ``stat`` (taken just
    before), a hash taken earlier in this process for the same stat is reused."""
    if stat is not None:
        known = _sidik_diketahui.get((path, *stat))
        if known is not None:
            return known
    digest = _sidik(path)
    if stat is not None and digest is not None:
        _sidik_diketahui[(path, *stat)] = digest
    return digest


def _sidik(path: str) -> bytes | None:
    h = blake2b(digest_size=16)
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                h.update(chunk)
    except OSError:
        return None
    return h.digest()


def ringkas_folder(path: str) -> bytes | None:
    """Digest of a recursive listing (names, kinds, sizes, mtimes) of ``path``.

    Folders starting with '.' and ``__pycache__`` are skipped, as ``validasi``
    skips them and loading never looks inside. A missing path gets a digest too,
    so creating it invalidates. None means "too big to be worth it".
    """
    h = blake2b(digest_size=16)
    try:
        st = os.stat(path)
    except OSError:
        h.update(b"absent")
        return h.digest()
    if not stat.S_ISDIR(st.st_mode):
        h.update(f"file\0{st.st_size}\0{st.st_mtime_ns}".encode())
        return h.digest()
    count = 0
    seen: set[tuple[int, int]] = set()
    stack = [("", path)]
    while stack:
        rel, folder = stack.pop()
        try:
            fst = os.stat(folder)
            if (fst.st_dev, fst.st_ino) in seen:  # a symlink loop
                continue
            seen.add((fst.st_dev, fst.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            h.update(f"?{rel}\n".encode(errors="surrogateescape"))
            continue
        for entry in entries:
            count += 1
            if count > BATAS_ENTRI_FOLDER:
                return None
            name = f"{rel}/{entry.name}"
            try:
                if entry.is_dir():
                    if dilewati(entry.name):
                        continue
                    h.update(f"d{name}\n".encode(errors="surrogateescape"))
                    stack.append((name, entry.path))
                    continue
                est = entry.stat()
            except OSError:
                h.update(f"?{name}\n".encode(errors="surrogateescape"))
                continue
            line = f"f{name}\0{est.st_size}\0{est.st_mtime_ns}\0{est.st_ctime_ns}\n"
            h.update(line.encode(errors="surrogateescape"))
    return h.digest()
