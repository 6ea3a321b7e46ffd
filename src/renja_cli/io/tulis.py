"""Writing output files: atomic, never over an existing file unless asked, never
into the data being read, with the permissions the user expects."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from renja_cli.errors import Location, UsageError


def _mode_for(path: Path) -> int:
    """Keep the mode of the file being replaced; else what the umask gives a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _gagal(path: Path, exc: OSError) -> UsageError:
    reason = exc.strerror or str(exc) or type(exc).__name__
    return UsageError(f"tidak dapat menulis '{path}': {reason}", Location(path), code="U004")


def tulis_atomik(
    path: Path, data: bytes, timpa: bool = False, masukan: Iterable[Path] = ()
) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then rename.

    A half-written file never appears under ``path``; an existing file is kept
    unless ``timpa``; a file under ``masukan`` (the data being read) is refused.
    Every file-system problem is a :class:`UsageError` (exit 2) naming the path.
    """
    target = path.resolve()
    for source in masukan:
        source = source.resolve()
        if target == source or source in target.parents:
            raise UsageError(
                f"'{path}' berada di folder data masukan; pilih tempat lain",
                Location(path),
                code="U004",
            )
    if path.is_dir():
        raise UsageError(f"'{path}' adalah folder; beri nama berkas", Location(path), code="U004")
    if path.exists() and not timpa:
        raise UsageError(
            f"'{path}' sudah ada; tambahkan --timpa untuk menimpanya", Location(path), code="U004"
        )
    if path.exists() and not path.is_file():
        raise UsageError(f"'{path}' bukan berkas biasa; tidak ditimpa", Location(path), code="U004")
    if not path.parent.is_dir():
        raise UsageError(f"folder '{path.parent}' tidak ada", Location(path), code="U004")
    mode = _mode_for(path)
    try:
        handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise _gagal(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(tmp).chmod(mode)
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _gagal(path, exc) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
