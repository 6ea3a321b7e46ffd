"""Writing report files: atomic, never over an existing file unless asked,
never over an input file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from renja_cli.errors import UsageError


def tulis_atomik(
    path: Path, data: bytes, timpa: bool = False, masukan: Iterable[Path] = ()
) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then rename.

    A half-written file never appears under ``path``; an existing file is kept
    unless ``timpa``; a file under ``masukan`` (the data being read) is refused.
    """
    target = path.resolve()
    for source in masukan:
        source = source.resolve()
        if target == source or source in target.parents:
            raise UsageError(f"'{path}' berada di folder data masukan; pilih tempat lain")
    if path.exists() and not timpa:
        raise UsageError(f"'{path}' sudah ada; tambahkan --timpa untuk menimpanya")
    if not path.parent.is_dir():
        raise UsageError(f"folder '{path.parent}' tidak ada")
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
