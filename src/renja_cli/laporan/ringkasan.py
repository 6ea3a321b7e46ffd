"""The quarterly summary for the monev meeting: capaian against the quarter's and
the year's target, change since last quarter, budget absorption, efficiency,
what needs attention, and what the rest of the year must bring."""

from __future__ import annotations

from typing import Literal

from renja_cli.data.baca import PERIODE_URUT
from renja_cli.data.folder import DataSource
from renja_cli.data.konteks import Konteks
from renja_cli.errors import DataError, UsageError, raise_all
from renja_cli.hitung.agregat import KOSONG, NilaiAgregat
from renja_cli.hitung.capaian import STATUSES, Status
from renja_cli.hitung.proyeksi import Proyeksi, proyeksikan
from renja_cli.laporan.capaian import (
    anggaran_sasaran,
    baris_capaian,
    catatan_berkas,
    cek_triwulan,
    jenis_target,
    kelompok_sasaran,
    label_posisi,
    legenda,
    nilai_kantor,
    periode_sampai,
    realisasi_indikator,
    triwulan_posisi,
)
from renja_cli.laporan.objek import BarisCapaian, KelompokSasaran
from renja_cli.model.dasar import TandaNilai, TargetSpec, as_target
from renja_cli.model.rencana import Indikator
from renja_cli.numbers import round_half_up
from renja_cli.rekaman import dataclass

Perubahan = Literal["naik", "turun", "tetap"]


@dataclass(frozen=True, slots=True)
class BarisRingkasan:
    """One indicator in the summary."""

    tahunan: BarisCapaian
    target_tw: float | None
    capaian_tw: float | None
    status: Status
    """Against the quarter's target when the plan has one for the target kind
    reported (:func:`target_triwulan`), else the year's."""
    capaian_sebelumnya: float | None
    perubahan: Perubahan | None
    kendala: tuple[str, ...]
    rencana_tindak_lanjut: tuple[str, ...]
    proyeksi: Proyeksi
    tanda_tw: tuple[TandaNilai, ...] = ()
    """Marks of the quarter's target (``target_triwulan``), when it is shown."""

    @property
    def tanda(self) -> tuple[TandaNilai, ...]:
        """Every mark of the values this row shows."""
        return self.tahunan.tanda + self.tanda_tw


@dataclass(frozen=True, slots=True)
class AnggaranSasaran:
    """Budget of one Sasaran and the efficiency signal."""

    pagu: int | None
    realisasi: int
    serapan: float | None
    capaian_kinerja: float | None
    indeks_efisiensi: float | None

    @property
    def efisien(self) -> bool | None:
        """Performance ahead of spending (index ≥ 1); None without a budget."""
        return None if self.indeks_efisiensi is None else self.indeks_efisiensi >= 1


@dataclass(frozen=True, slots=True)
class PanelSasaran:
    kode: str
    nama: str
    anggaran: AnggaranSasaran
    baris: tuple[BarisRingkasan, ...]
    nilai: NilaiAgregat = KOSONG
    """Nilai capaian sasaran (annual capaian; hitung.agregat), with its predikat."""

    @property
    def jumlah_status(self) -> dict[Status, int]:
        return _count(self.baris)


def _count(rows: tuple[BarisRingkasan, ...] | list[BarisRingkasan]) -> dict[Status, int]:
    """Counts by the summary's status (quarter target first), not the annual one."""
    return {s: sum(1 for r in rows if r.status == s) for s in STATUSES}


@dataclass(frozen=True, slots=True)
class LaporanRingkasan:
    """The whole quarterly summary."""

    tahun: int
    triwulan: int
    """The quarter the figures are at (may precede the one asked for: ``catatan``)."""
    periode: str
    kantor: str
    target_jenis: str
    panel: tuple[PanelSasaran, ...]
    total_pagu: int | None
    total_realisasi_anggaran: int
    data: str
    contoh: bool
    nilai_kantor: NilaiAgregat = KOSONG
    skala_capaian: tuple[tuple[str, str], ...] = ()
    catatan: tuple[str, ...] = ()
    """Notes on the data behind the figures (a quarter asked for without its file)."""

    @property
    def baris(self) -> list[BarisRingkasan]:
        return [b for p in self.panel for b in p.baris]

    @property
    def jumlah_status(self) -> dict[Status, int]:
        return _count(self.baris)

    @property
    def perlu_perhatian(self) -> list[BarisRingkasan]:
        return [b for b in self.baris if b.status != "tercapai"]

    @property
    def serapan_total(self) -> float | None:
        if not self.total_pagu:
            return None
        return self.total_realisasi_anggaran / self.total_pagu * 100


def susun_ringkasan(
    source: DataSource, tahun: int, triwulan: int | None = None, target_jenis: str | None = None
) -> LaporanRingkasan:
    """Build the summary at ``triwulan`` (default: the latest quarter with data).

    A quarter asked for without its file (``-w 4`` before ``tw4.yaml`` exists) is
    not an error, as in ``renja capaian``: the report carries the same note
    ("tidak ada berkas realisasi tw4.yaml …") and is the summary of the position
    its figures are at (s.d. TW III): that quarter's target, the change since the
    quarter before it, and the projection with the quarters still left after it,
    so no year-end verdict is drawn from an earlier quarter's data.
    """
    cek_triwulan(triwulan)
    ctx = Konteks.muat(source, tahun)
    tersedia = ctx.realisasi.triwulan_tersedia()
    tahunan = "tahunan" in ctx.realisasi.berkas
    if triwulan is None:
        if not tersedia and not tahunan:
            raise UsageError(
                f"belum ada berkas realisasi untuk {tahun}; beri --triwulan", code="U002"
            )
        triwulan = 4 if tahunan else max(tersedia)
    jenis = jenis_target(ctx.rencana, target_jenis)
    # the year-end file, when there is one, is the position at TW IV
    periods = periode_sampai(ctx.realisasi, triwulan)
    catatan = catatan_berkas(ctx.realisasi, triwulan, periods)
    triwulan = triwulan_posisi(periods, triwulan)
    previous = [p for p in PERIODE_URUT[: triwulan - 1] if p in ctx.realisasi.berkas]
    errors: list[DataError] = []
    panels = []
    groups: list[KelompokSasaran] = []
    total_spent = 0
    for sk in ctx.rencana.sasaran:
        rows: list[BarisRingkasan] = []
        for ind in sk.indikator:
            try:
                rows.append(_baris(ctx, sk.kode, ind, jenis, periods, previous, triwulan))
            except DataError as exc:
                errors.append(exc)
        spent = ctx.realisasi.anggaran(sk.kode, periods)
        total_spent += spent
        serapan = spent / sk.anggaran * 100 if sk.anggaran else None
        kelompok = kelompok_sasaran(ctx, sk, [r.tahunan for r in rows])
        groups.append(kelompok)
        kinerja = kelompok.nilai.nilai
        efisiensi = kinerja / serapan if kinerja is not None and serapan else None
        panels.append(
            PanelSasaran(
                sk.kode,
                sk.nama,
                AnggaranSasaran(sk.anggaran, spent, serapan, kinerja, efisiensi),
                tuple(rows),
                kelompok.nilai,
            )
        )
    raise_all(errors)
    return LaporanRingkasan(
        tahun=tahun,
        triwulan=triwulan,
        periode=label_posisi(periods, triwulan),
        kantor=ctx.rencana.kantor,
        target_jenis=jenis,
        panel=tuple(panels),
        total_pagu=ctx.rencana.total_anggaran
        if ctx.rencana.total_anggaran is not None
        else anggaran_sasaran(ctx.rencana.sasaran),
        total_realisasi_anggaran=total_spent,
        data=source.describe(),
        contoh=ctx.realisasi.contoh,
        nilai_kantor=nilai_kantor(ctx, groups),
        skala_capaian=legenda(ctx),
        catatan=catatan,
    )


def target_triwulan(ind: Indikator, jenis: str, utama: str, triwulan: int) -> float | None:
    """The quarter's target, when it belongs to the target kind reported.

    ``target_triwulan`` is the rencana aksi of the main target
    (``pengaturan.target_utama``, the PK): against another kind (``--target renstra``)
    it would judge the quarter by the PK, so the status follows that kind's annual
    target, as in ``renja capaian``; an indicator without it is *belum ada data*.
    """
    if jenis != utama or as_target(ind.target.get(jenis)) is None:
        return None
    return next((v for k, v in (ind.target_triwulan or {}).items() if k == triwulan), None)


def _baris(
    ctx: Konteks,
    sk_kode: str,
    ind: Indikator,
    jenis: str,
    periods: list[str],
    previous: list[str],
    triwulan: int,
) -> BarisRingkasan:
    aturan = ctx.aturan(ind)
    real = realisasi_indikator(ctx, ind, periods)
    tahunan = baris_capaian(ctx, sk_kode, ind, jenis, real)
    before = None
    if previous:
        before = baris_capaian(ctx, sk_kode, ind, jenis, realisasi_indikator(ctx, ind, previous))
    target_tw = target_triwulan(ind, jenis, ctx.rencana.pengaturan.target_utama, triwulan)
    capaian_tw = None
    if target_tw is not None and tahunan.realisasi is not None and not ind.berpredikat:
        capaian_tw = aturan.capaian(tahunan.realisasi, TargetSpec(nilai=target_tw))
        status = aturan.status(capaian_tw)
    else:
        status = tahunan.status
    change: Perubahan | None = None
    if before is not None and before.capaian is not None and tahunan.capaian is not None:
        now, then = round_half_up(tahunan.capaian), round_half_up(before.capaian)
        change = "naik" if now > then else "turun" if now < then else "tetap"
    kendala: tuple[str, ...] = ()
    rtl: tuple[str, ...] = ()
    for _, h in reversed(real.hasil):
        if h.kendala or h.rencana_tindak_lanjut:
            kendala, rtl = h.kendala, h.rencana_tindak_lanjut
            break
    proyeksi = proyeksikan(
        ind,
        aturan,
        real,
        tahunan.realisasi,
        tahunan.status,
        as_target(ind.target.get(jenis)),
        triwulan,
        tahunan.tampilan,
    )
    return BarisRingkasan(
        tahunan,
        target_tw,
        capaian_tw,
        status,
        before.capaian if before else None,
        change,
        kendala,
        rtl,
        proyeksi,
        ind.tanda_bidang("target_triwulan") if target_tw is not None else (),
    )
