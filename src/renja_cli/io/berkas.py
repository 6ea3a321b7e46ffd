"""Opening input files: regular files only, UTF-8, errors located and coded.

Every input file renja reads goes through :func:`periksa_berkas` first, so a
FIFO never blocks, a folder is not read as a file and a broken link is named.
"""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path

from renja_cli import bacaan
from renja_cli.errors import DataError, Location, UsageError


def berkas_masukan(paths: Sequence[Path]) -> None:
    """Files named on the command line must exist: a missing one is a usage error
    (U002, exit 2), like a missing ``--data`` folder, not a data error."""
    hilang = [p for p in paths if not p.exists() and not p.is_symlink()]
    if hilang:
        nama = ", ".join(f"'{p}'" for p in hilang)
        raise UsageError(
            f"berkas masukan tidak ditemukan: {nama}", Location(hilang[0]), code="U002"
        )


def periksa_berkas(path: Path) -> int:
    """Check ``path`` is a readable regular file; return its size."""
    bacaan.catat(path)  # the result cache checks every file a run reads
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise DataError(
                "tautan (symlink) rusak: berkas tujuannya tidak ada", Location(path), code="R000"
            ) from None
        raise DataError("berkas tidak ditemukan", Location(path), code="R000") from None
    except OSError as exc:
        raise DataError(
            f"berkas tidak dapat dibaca: {exc.strerror}", Location(path), code="R000"
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError("ini folder, bukan berkas", Location(path), code="R014")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(
            "bukan berkas biasa (FIFO, soket atau perangkat); tidak dibaca",
            Location(path),
            code="R014",
        )
    return info.st_size


def baca_bytes(path: Path) -> bytes:
    """The whole content of a regular file."""
    periksa_berkas(path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataError(
            f"berkas tidak dapat dibaca: {exc.strerror}", Location(path), code="R000"
        ) from None


def baca_teks(path: Path) -> str:
    """Read a UTF-8 text file (a BOM is fine); NUL bytes and other encodings are refused."""
    raw = baca_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            f"berkas bukan UTF-8 (bita 0x{raw[exc.start]:02x}); simpan ulang sebagai UTF-8",
            Location(path, line),
            code="R008",
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DataError(
            "berkas berisi bita NUL; bukan berkas teks", Location(path, line), code="R008"
        )
    return text


def daftar_folder(folder: Path) -> list[str]:
    """Names in ``folder`` (empty when it does not exist), sorted."""
    try:
        return sorted(p.name for p in folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise DataError(
            f"folder tidak dapat dibaca: {exc.strerror}", Location(folder), code="R000"
        ) from None


def cari_peran(folder: Path, nama: str, akhiran: tuple[str, ...]) -> Path | None:
    """The one file in ``folder`` playing the role ``nama`` + one of ``akhiran``.

    ``tw3.yaml`` beside ``tw3.yml`` or ``TW3.yaml`` is an error (R013): renja
    never picks one of two files silently. A single file named with other
    capitals is an error too, so behaviour does not depend on the file system.
    """
    wanted = {f"{nama}{a}".casefold() for a in akhiran}
    found = [n for n in daftar_folder(folder) if n.casefold() in wanted]
    if len(found) > 1:
        raise DataError(
            f"dua berkas untuk satu peran: {' dan '.join(found)}; "
            "hapus atau gabungkan salah satunya",
            Location(folder / found[0]),
            code="R013",
        )
    if not found:
        return None
    path = folder / found[0]
    if found[0] not in {f"{nama}{a}" for a in akhiran}:
        raise DataError(
            f"nama {'folder' if path.is_dir() else 'berkas'} harus '{nama}{akhiran[0]}' "
            f"(huruf kecil), bukan '{found[0]}'",
            Location(path),
            code="R013",
        )
    return path
