"""``renja templat``: the input workbook of one quarter, empty or pre-filled."""

from __future__ import annotations

from renja_cli.data.baca import read_rencana
from renja_cli.data.folder import DataSource, target_path
from renja_cli.data.konteks import periksa_rujukan
from renja_cli.data.referensi import Referensi
from renja_cli.errors import UsageError, raise_all
from renja_cli.io.berkas import cari_peran
from renja_cli.isian.praisi import PraIsi, dari_sebelumnya, dari_triwulan
from renja_cli.isian.tata import TataIsian, susun_tata
from renja_cli.rekaman import dataclass


@dataclass(frozen=True, slots=True)
class HasilTemplat:
    """The workbook and what went into it (for the command's summary line)."""

    isi: bytes
    tata: TataIsian
    praisi: PraIsi


def cek_triwulan_isian(triwulan: int | None) -> int:
    if triwulan is None:
        raise UsageError("opsi --triwulan wajib diisi (1-4)", code="U001")
    if triwulan not in (1, 2, 3, 4):
        raise UsageError(f"triwulan harus 1-4, bukan {triwulan}", code="U001")
    return triwulan


def muat_tata(source: DataSource, tahun: int, triwulan: int) -> tuple[TataIsian, Referensi]:
    """The layout of the year's plan for a quarter; the plan and reference data are
    checked as every command checks them."""
    rencana, positions = read_rencana(target_path(source.root, tahun))
    referensi = Referensi(source.root)
    raise_all(periksa_rujukan(rencana, positions, referensi))
    return susun_tata(rencana, referensi, triwulan), referensi


def nama_folder(source: DataSource) -> str:
    """The data folder by name only: the workbook travels by e-mail."""
    return source.root.resolve().name


def buat_templat(
    source: DataSource, tahun: int, triwulan: int | None, isi: bool = False
) -> HasilTemplat:
    """The workbook for ``tahun``/``triwulan``; ``isi`` pre-fills the quarter's files."""
    from renja_cli import __version__
    from renja_cli.isian.buku import tulis_templat

    tw = cek_triwulan_isian(triwulan)
    tata, referensi = muat_tata(source, tahun, tw)
    pra = (
        dari_triwulan(source.root, tata, referensi)
        if isi
        else dari_sebelumnya(source.root, tata, referensi)
    )
    # an office without instansi-based formulas may have no instansi.yaml at all
    has_population = cari_peran(source.root, "instansi", (".yaml", ".yml")) is not None
    instansi = referensi.instansi if has_population else None
    data = tulis_templat(tata, pra, instansi, nama_folder(source), __version__)
    return HasilTemplat(data, tata, pra)
