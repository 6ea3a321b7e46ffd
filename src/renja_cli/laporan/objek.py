"""Report objects of ``capaian``: what the core hands to renderers. No arithmetic
happens later."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from renja_cli.hitung.capaian import STATUSES, Status
from renja_cli.hitung.periode import label_periode
from renja_cli.model.dasar import TandaNilai

__all__ = ["BarisCapaian", "KelompokSasaran", "LaporanCapaian", "hitung_status", "label_periode"]


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
    """(name, target value or None for a range, capaian) for every named target."""
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

    @property
    def baris(self) -> list[BarisCapaian]:
        return [b for k in self.kelompok for b in k.baris]

    @property
    def jumlah_status(self) -> dict[Status, int]:
        return hitung_status(self.baris)
