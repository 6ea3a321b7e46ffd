"""Per-file cache: what one file (or one formula over one period's files) gave,
reused while everything it read is unchanged.

The result cache (:mod:`renja_cli.cache`) replays a whole command only when no
input changed. After a change — one quarter's file edited, the usual case in a
pre-commit hook — this cache lets the run re-read that file and re-apply every
cross-file rule, while each unchanged file's parsed and validated content, and
each unchanged period's formula result, comes back as it was computed.

An entry is keyed by the code (tool version, every source file, Python, the
installed packages), the kind of computation and its non-file inputs (a
formula's settings, the working folder); it records every file and data folder
the computation read, with content hashes, exactly as the result cache does. A
hit needs all of them unchanged, and replays them into any outer recording, so
the result cache still knows the run depended on them.

Only successes are stored: a file with problems is checked again on every run,
and its messages come from the code that finds them. On by the same switch as
the result cache (``RENJA_CACHE=0`` or ``--tanpa-cache`` turn both off), for the
length of one command; off in library use unless ``cache.folder_berkas`` is set.
"""

# ruff: noqa: PTH109, PTH110, PTH116, PTH118, PTH123, SIM105

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from renja_cli import __version__, bacaan, cache
from renja_cli.bacaan import blake2b

if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import SchemaValidator

T = TypeVar("T")

FORMAT = 2
MAGIC = b"renja-berkas\x00" + bytes([FORMAT, marshal.version])
_DIGEST = 16
AKHIRAN = ".pkl"
SUBFOLDER = "berkas"
MAKS_ENTRI = 2000
MAKS_BAYT = 200 * 1024 * 1024
MAKS_NILAI = 16 * 1024 * 1024
"""A value pickled larger than this is recomputed rather than stored."""


class _Simpanan:
    """The active per-file cache: its folder and the code's fingerprint."""

    __slots__ = ("dipangkas", "folder", "induk", "sidik")

    def __init__(self, induk: str, sidik: bytes) -> None:
        self.induk = induk
        self.folder = os.path.join(induk, SUBFOLDER)
        self.sidik = sidik
        self.dipangkas = False


_aktif: _Simpanan | None = None


def sidik_kode() -> bytes:
    """Everything but the data that could change what a computation gives."""
    parts = (
        FORMAT,
        __version__,
        cache._sidik_kode(),
        sys.version,
        sys.executable,
        cache._sidik_paket(),
    )
    return blake2b(repr(parts).encode("utf-8", "surrogateescape"), digest_size=16).digest()


def matikan() -> None:
    global _aktif
    _aktif = None
    cache.folder_berkas = None


def _simpanan() -> _Simpanan | None:
    """The active cache: the entry point names its folder (``cache.folder_berkas``) for
    the length of one command; the code's fingerprint is taken on first use."""
    global _aktif
    induk = cache.folder_berkas
    if induk is None:
        return None
    if _aktif is None or _aktif.induk != induk:
        _aktif = _Simpanan(induk, sidik_kode())
    return _aktif


def _folder_aman(folder: str) -> bool:
    """Ours alone: pickles are only read from a folder nobody else can write to."""
    try:
        st = os.stat(folder)
    except OSError:
        return False
    if os.name != "posix":  # pragma: no cover - Windows: the profile folder is private
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


_PRIMITIF = (type(None), bool, int, float, str, bytes)


def kanonik(value: object) -> object:
    """A value as nested tuples of primitives whose ``repr`` is the same in every
    process for equal inputs (pickle is not: sets, and pydantic's fields-set, iterate
    in a per-process order). An unknown type raises TypeError: no key, no caching."""
    if isinstance(value, _PRIMITIF):
        return value
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(kanonik(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((kanonik(k), kanonik(v)) for k, v in value.items()))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted((kanonik(v) for v in value), key=repr)))
    fields = getattr(type(value), "model_fields", None)  # a pydantic model
    if isinstance(fields, dict):
        extra = getattr(value, "__pydantic_extra__", None)
        parts = tuple((name, kanonik(getattr(value, name))) for name in fields)
        return (_nama(value), parts, kanonik(extra))
    dc_fields = getattr(value, "__dataclass_fields__", None)
    if isinstance(dc_fields, dict):
        return (_nama(value), tuple((n, kanonik(getattr(value, n))) for n in dc_fields))
    import datetime
    import enum
    import pathlib

    if isinstance(value, (datetime.date, datetime.time, pathlib.PurePath, enum.Enum)):
        return (_nama(value), repr(value))
    raise TypeError(f"no canonical form for {type(value)!r}")


def _nama(value: object) -> str:
    return f"{type(value).__module__}.{type(value).__qualname__}"


def _kunci(simpanan: _Simpanan, jenis: str, bagian: tuple[object, ...]) -> str:
    body = repr((jenis, os.getcwd(), kanonik(bagian))).encode("utf-8", "surrogateescape")
    h = blake2b(simpanan.sidik, digest_size=20)
    h.update(body)
    return h.hexdigest()


def _baca(simpanan: _Simpanan, key: str) -> tuple[bool, object]:
    """(True, value) for a valid entry of ``key`` whose inputs are unchanged."""
    if not _folder_aman(simpanan.folder):
        return False, None
    try:
        with open(os.path.join(simpanan.folder, key + AKHIRAN), "rb") as handle:
            data = handle.read()
    except OSError:
        return False, None
    head = len(MAGIC) + _DIGEST
    if len(data) < head or not data.startswith(MAGIC):
        return False, None
    body = data[head:]
    if blake2b(body, digest_size=_DIGEST).digest() != data[len(MAGIC) : head]:
        return False, None
    try:
        value = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return False, None
    if not (isinstance(value, tuple) and len(value) == 4 and value[0] == key):
        return False, None
    _, berkas, folder, nilai = value
    if not (cache.catatan_sah(berkas, folder) and type(nilai) is bytes):
        return False, None
    if not cache.tak_berubah(berkas, folder):
        return False, None
    import pickle

    try:
        hasil = pickle.loads(nilai)
    except Exception:  # a class renamed or removed: recompute
        return False, None
    for path, *_ in berkas:  # the outer recording (result cache) depends on them too
        bacaan.catat(path)
    for key, _digest in folder:
        bacaan.catat_kunci(key)
    return True, hasil


def _simpan(simpanan: _Simpanan, key: str, nilai: object, bac: bacaan.Bacaan) -> None:
    import pickle

    catatan = cache.catatan_bacaan(bac)
    if catatan is None:
        return  # an input changed while it was read, or a folder too big to record
    berkas, folder = catatan
    isi = pickle.dumps(nilai, protocol=pickle.HIGHEST_PROTOCOL)
    if len(isi) > MAKS_NILAI:
        return
    if os.path.exists(simpanan.folder) and not _folder_aman(simpanan.folder):
        return  # someone else's folder: never read from, so never written to
    body = marshal.dumps((key, berkas, folder, isi))
    data = MAGIC + blake2b(body, digest_size=_DIGEST).digest() + body
    cache.tulis(simpanan.folder, key, data, AKHIRAN)
    if not simpanan.dipangkas:  # once per run: a run adds a few dozen entries at most
        simpanan.dipangkas = True
        cache.pangkas(simpanan.folder, MAKS_ENTRI, MAKS_BAYT, AKHIRAN)


def ingat(jenis: str, bagian: tuple[object, ...], hitung: Callable[[], T]) -> T:
    """``hitung()``, or what it gave before if nothing it read has changed since.

    ``bagian`` holds every non-file input ``hitung`` depends on (paths, settings,
    models); files and folders it reads are recorded while it runs. A failure is
    never stored, and a broken cache never breaks the computation.
    """
    simpanan = _simpanan()
    if simpanan is None:
        return hitung()
    try:
        key = _kunci(simpanan, jenis, bagian)
    except Exception:  # an input without a canonical form: compute
        return hitung()
    return _ingat(simpanan, key, hitung)


_validatori: dict[type, Any] = {}


def validator(model: type[BaseModel]) -> SchemaValidator:
    """The pydantic validator of ``model``, built once per version of the code.

    A model's validator is a function of the code alone; building it (``defer_build``)
    costs a run more than reading the file it checks (BerkasRealisasi: ~40M
    instructions, loading it pickled: ~0,2 ms). Without the cache, or once pydantic
    has built the model in this process, the model's own validator.
    """
    if model.__pydantic_complete__:
        return model.__pydantic_validator__  # type: ignore[return-value]
    found = _validatori.get(model)
    if found is not None:
        return found  # type: ignore[no-any-return]
    from pydantic_core import SchemaValidator

    def bangun() -> object:
        model.model_rebuild(raise_errors=True)
        return model.__pydantic_validator__

    simpanan = _simpanan()
    if simpanan is None:
        return bangun()  # type: ignore[return-value]
    nama = repr(("validator", model.__module__, model.__qualname__)).encode()
    key = blake2b(simpanan.sidik + nama, digest_size=20).hexdigest()
    found = _ingat(simpanan, key, bangun)
    if type(found) is not SchemaValidator:  # a plugin's wrapper, or a foreign value
        return bangun()  # type: ignore[return-value]
    _validatori[model] = found
    return found


def _ingat(simpanan: _Simpanan, key: str, hitung: Callable[[], T]) -> T:
    try:
        ada, lama = _baca(simpanan, key)
    except Exception:  # unreadable cache: compute
        return hitung()
    if ada:
        return lama  # type: ignore[return-value]
    bac = bacaan.masuk()
    try:
        nilai = hitung()
    finally:
        bacaan.keluar(bac)
    try:
        _simpan(simpanan, key, nilai, bac)
    except Exception:  # full disk, read-only cache, unpicklable value
        pass
    return nilai
