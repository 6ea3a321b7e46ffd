"""The year's evaluation chapter (BAB II of a Renja/LKj) as report objects.

It gathers what the existing builders compute — capaian of every indicator
(:func:`susun_capaian`), the arithmetic and narratives behind each realisasi
(:func:`susun_rincian`), each indicator's history (:func:`susun_tren`) and the
budget of each sasaran (:func:`susun_ringkasan`) — and adds only the two
comparisons the chapter states in words: capaian against every named target
(PK, Renstra, an earlier year's) with its status, and the change of realisasi
from the year before. The document builder formats; it computes nothing.
"""

from __future__ import annotations

from renja_cli.data.baca import read_rencana
from renja_cli.data.folder import DataSource, target_path
from renja_cli.errors import UsageError
from renja_cli.hitung.capaian import Status, aturan_indikator
from renja_cli.laporan.capaian import cek_triwulan, susun_capaian
from renja_cli.laporan.objek import BarisCapaian, LaporanCapaian
from renja_cli.laporan.rincian import LaporanRincian, susun_rincian
from renja_cli.laporan.ringkasan import AnggaranSasaran, susun_ringkasan
from renja_cli.laporan.tanda import tanda_realisasi, tanda_target
from renja_cli.laporan.tren import LaporanTren, TitikTren, susun_tren
from renja_cli.model.dasar import TandaNilai, TargetSpec, as_list
from renja_cli.model.rencana import Indikator
from renja_cli.rekaman import dataclass


@dataclass(frozen=True, slots=True)
class CapaianTarget:
    """The realisasi against one named target (PK, Renstra, PK 2023)."""

    nama: str
    target: float | None
    capaian: float | None
    status: Status
    tanda: tuple[TandaNilai, ...]
    catatan: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TahunEvaluasi:
    """One row of the multi-year table: a year (or the current position)."""

    titik: TitikTren
    perubahan: float | None
    """Realisasi minus the previous row's realisasi (both as reported; numbers only)."""


@dataclass(frozen=True, slots=True)
class EvaluasiIndikator:
    """Everything the chapter says of one indicator."""

    indikator: Indikator
    baris: BarisCapaian
    target: tuple[CapaianTarget, ...]
    rincian: LaporanRincian
    tren: LaporanTren
    tahun: tuple[TahunEvaluasi, ...]
    tahun_lalu: TahunEvaluasi | None
    """The row of the year before the evaluated one, when it has a realisasi."""
    perubahan: float | None
    """Realisasi of the evaluated year minus the year before's."""


@dataclass(frozen=True, slots=True)
class EvaluasiSasaran:
    kode: str
    nama: str
    perspektif: str
    induk: str | None
    anggaran: AnggaranSasaran | None
    indikator: tuple[EvaluasiIndikator, ...]


@dataclass(frozen=True, slots=True)
class LaporanEvaluasi:
    """The evaluation chapter of ``tahun`` at a position (year end by default)."""

    tahun: int
    triwulan: int | None
    capaian: LaporanCapaian
    sasaran: tuple[EvaluasiSasaran, ...]
    dokumen: str | None
    catatan: tuple[str, ...]
    total_realisasi_anggaran: int | None

    @property
    def contoh(self) -> bool:
        return self.capaian.contoh


def _tahun(tren: LaporanTren, kini: TitikTren) -> tuple[TahunEvaluasi, ...]:
    """One row per year: earlier years from the history (the year-end point, else
    the latest quarter), the evaluated year at the chapter's position."""
    per_tahun: dict[int, TitikTren] = {}
    for t in tren.titik:
        if t.tahun >= kini.tahun:
            continue
        if t.periode == "tahunan" or per_tahun.get(t.tahun, t).periode != "tahunan":
            per_tahun[t.tahun] = t  # points come oldest first: keep the latest quarter
    per_tahun[kini.tahun] = kini
    rows: list[TahunEvaluasi] = []
    before: float | None = None
    for y in sorted(per_tahun):
        t = per_tahun[y]
        now = _angka(t.realisasi)
        rows.append(
            TahunEvaluasi(t, now - before if now is not None and before is not None else None)
        )
        before = now
    return tuple(rows)


def _angka(value: float | str | None) -> float | None:
    """A numeric realisasi (a grade such as WTP has no difference from last year)."""
    return None if value is None or isinstance(value, str) else float(value)


def susun_evaluasi(
    source: DataSource,
    tahun: int,
    triwulan: int | None = None,
    target_jenis: str | None = None,
) -> LaporanEvaluasi:
    """The chapter's report objects for ``tahun`` at ``triwulan`` (default: year end)."""
    cek_triwulan(triwulan)
    capaian = susun_capaian(source, tahun, triwulan, target_jenis)
    rencana, _ = read_rencana(target_path(source.root, tahun))
    try:
        ringkasan = susun_ringkasan(source, tahun, triwulan, capaian.target_jenis)
    except UsageError:
        ringkasan = None  # no realisasi file yet: the chapter still shows plans and history
    panel = {p.kode: p for p in ringkasan.panel} if ringkasan is not None else {}
    rows = {b.kode: b for b in capaian.baris}
    sasaran = []
    for sk in rencana.sasaran:
        items = []
        for ind in sk.indikator:
            baris = rows[ind.kode]
            aturan = aturan_indikator(rencana.pengaturan, ind)
            target = tuple(
                CapaianTarget(
                    name,
                    value,
                    cap,
                    aturan.status(cap),
                    tanda_target(baris.tanda, name),
                    as_list(spec.catatan) if isinstance(spec, TargetSpec) else (),
                )
                for (name, value, cap), spec in zip(
                    baris.semua_target, ind.target.values(), strict=True
                )
            )
            rincian = susun_rincian(source, tahun, ind.kode, triwulan, capaian.target_jenis)
            tren = susun_tren(source, ind.kode)
            # the evaluated year at the chapter's position; notes the history keeps
            # for that year (a conflict in the source) stay with it
            riwayat = ind.riwayat.get(tahun)
            kini = TitikTren(
                tahun,
                capaian.periode_akhir or "tahunan",
                ind.kode,
                baris.target,
                baris.realisasi,
                baris.capaian,
                baris.status,
                "; ".join(as_list(riwayat.catatan)) or None if riwayat is not None else None,
                tanda_target(baris.tanda, baris.target_jenis)
                + tanda_realisasi(baris.tanda)
                + (riwayat.tanda_nilai(f"riwayat.{tahun}") if riwayat is not None else ()),
            )
            years = _tahun(tren, kini)
            last = next(
                (y for y in years if y.titik.tahun == tahun - 1 and y.titik.realisasi is not None),
                None,
            )
            lalu = _angka(last.titik.realisasi) if last is not None else None
            change = (
                baris.realisasi - lalu if lalu is not None and baris.realisasi is not None else None
            )
            items.append(EvaluasiIndikator(ind, baris, target, rincian, tren, years, last, change))
        p = panel.get(sk.kode)
        sasaran.append(
            EvaluasiSasaran(
                sk.kode,
                sk.nama,
                sk.perspektif,
                sk.induk,
                p.anggaran if p is not None else None,
                tuple(items),
            )
        )
    return LaporanEvaluasi(
        tahun=tahun,
        triwulan=triwulan,
        capaian=capaian,
        sasaran=tuple(sasaran),
        dokumen=rencana.dokumen,
        catatan=as_list(rencana.catatan),
        total_realisasi_anggaran=ringkasan.total_realisasi_anggaran if ringkasan else None,
    )
