"""Report objects of ``capaian``: what the core hands to renderers. No arithmetic
happens later."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from renja_cli.hitung.agregat import KOSONG, NilaiAgregat
from renja_cli.hitung.capaian import STATUSES, Status
from renja_cli.hitung.periode import label_periode
from renja_cli.model.dasar import TandaNilai
from renja_cli.numbers import PERSEN, Tampilan
from renja_cli.rekaman import dataclass, field

if TYPE_CHECKING:
    from renja_cli.model.rencana import Indikator, RencanaKerja

__all__ = [
    "BarisCapaian",
    "KelompokSasaran",
    "LaporanCapaian",
    "hitung_status",
    "label_periode",
    "tampilan",
]


def tampilan(rencana: RencanaKerja, ind: Indikator) -> Tampilan:
    """How the indicator's target and realisasi print (unit, decimals)."""
    custom = rencana.satuan_kustom.get(ind.satuan)
    desimal = ind.presisi_tampil
    if custom is not None:
        return Tampilan(
            custom.awalan, custom.akhiran, desimal if desimal is not None else custom.desimal
        )
    if ind.satuan == "persen":
        return PERSEN if desimal is None else Tampilan(akhiran=" %", desimal=desimal)
    return Tampilan(desimal=desimal)


@dataclass(frozen=True, slots=True)
class BarisCapaian:
    """One indicator against one target at one point of the year."""

    kode: str
    sasaran: str
    nama: str
    nama_singkat: str | None
    satuan: str
    arah: str
    periode_rumus: str
    target_jenis: str
    target: float | None
    target_min: float | None
    target_maks: float | None
    realisasi: float | None
    capaian: float | None
    status: Status
    periode_data: str | None = None
    """The latest period whose value counts (``tw2`` when TW III has none yet)."""
    periode_dipakai: tuple[str, ...] = ()
    """Every period whose value went into the figure."""
    sementara: bool = False
    keterangan: tuple[str, ...] = ()
    catatan_target: tuple[str, ...] = ()
    semua_target: tuple[tuple[str, float | None, float | None], ...] = ()
    """(name, target value or None for a range/grade, capaian) for every named target."""
    target_predikat: str | None = None
    """A grade target (``WTP``) of an ordinal indicator."""
    realisasi_predikat: str | None = None
    """The grade the realisasi earned (given, or its band of the indicator's scale)."""
    predikat: str | None = None
    """The predikat of the capaian on the office's scale (``pengaturan.skala_capaian``)."""
    tampilan: Tampilan = PERSEN
    tanda: tuple[TandaNilai, ...] = ()
    """Marks (asumsi/turunan/contoh) of the values in this row: every named target
    (``target.<nama>``) and, when there is a realisasi, its entry and formula."""

    @property
    def persen(self) -> bool:
        return self.satuan == "persen"


@dataclass(frozen=True, slots=True)
class KelompokSasaran:
    """A Sasaran Kegiatan with its indicators' rows."""

    kode: str
    nama: str
    perspektif: str
    anggaran: int | None
    baris: tuple[BarisCapaian, ...]
    nilai: NilaiAgregat = KOSONG
    """Nilai capaian sasaran: mean capaian of its indicators (hitung.agregat)."""


def hitung_status(rows: list[BarisCapaian] | tuple[BarisCapaian, ...]) -> dict[Status, int]:
    counts = Counter(r.status for r in rows)
    return {s: counts.get(s, 0) for s in STATUSES}


@dataclass(frozen=True, slots=True)
class LaporanCapaian:
    """Capaian of a year's indicators, grouped by Sasaran."""

    tahun: int
    triwulan: int | None
    periode: str
    target_jenis: str
    kantor: str
    jenis_indikator: str
    data: str
    contoh: bool
    total_anggaran: int | None
    kelompok: tuple[KelompokSasaran, ...]
    periode_akhir: str | None = None
    catatan: tuple[str, ...] = field(default_factory=tuple)
    nilai_kantor: NilaiAgregat = KOSONG
    """The office's nilai capaian (``pengaturan.agregat_kantor``)."""
    skala_capaian: tuple[tuple[str, str], ...] = ()
    """The office's predikat scale as (kode, range), best first, for legends."""
    agregat_kantor: str = "rata_rata_sasaran"

    @property
    def baris(self) -> list[BarisCapaian]:
        return [b for k in self.kelompok for b in k.baris]

    @property
    def jumlah_status(self) -> dict[Status, int]:
        return hitung_status(self.baris)
