"""The quarterly summary for the monev meeting: capaian against the quarter's and
the year's target, change since last quarter, budget absorption, efficiency,
what needs attention, and what the rest of the year must bring."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from renja_cli.calculator import STATUSES, Status, hitung_capaian, tentukan_status
from renja_cli.engine import (
    Konteks,
    NilaiRealisasi,
    _check_triwulan,
    _label,
    baris_capaian,
    periode_sampai,
    realisasi_indikator,
)
from renja_cli.errors import DataError, DataErrors, RenjaError, UsageError
from renja_cli.loading import PERIODE_URUT, DataSource
from renja_cli.models import Indikator, TargetSpec, as_target
from renja_cli.numbers import format_number, format_value, round_half_up
from renja_cli.report import BarisCapaian

Perubahan = Literal["naik", "turun", "tetap"]
StatusProyeksi = Literal["tercapai", "perlu", "tidak_terjangkau", "tanpa_data"]


@dataclass(frozen=True)
class Proyeksi:
    """What the remaining quarters must bring to reach the annual target."""

    status: StatusProyeksi
    dibutuhkan: float | None
    """The realisasi (or count) still needed, in the indicator's own terms."""
    triwulan_tersisa: int
    uraian: str


@dataclass(frozen=True)
class BarisRingkasan:
    """One indicator in the summary."""

    tahunan: BarisCapaian
    target_tw: float | None
    capaian_tw: float | None
    status: Status
    """Against the quarter's target when the plan has one, else the year's."""
    capaian_sebelumnya: float | None
    perubahan: Perubahan | None
    kendala: tuple[str, ...]
    rencana_tindak_lanjut: tuple[str, ...]
    proyeksi: Proyeksi


@dataclass(frozen=True)
class AnggaranSasaran:
    """Budget of one Sasaran and the efficiency signal."""

    pagu: int | None
    realisasi: float
    serapan: float | None
    capaian_kinerja: float | None
    indeks_efisiensi: float | None

    @property
    def efisien(self) -> bool | None:
        """Performance ahead of spending (index ≥ 1); None without a budget."""
        return None if self.indeks_efisiensi is None else self.indeks_efisiensi >= 1


@dataclass(frozen=True)
class PanelSasaran:
    kode: str
    nama: str
    anggaran: AnggaranSasaran
    baris: tuple[BarisRingkasan, ...]

    @property
    def jumlah_status(self) -> dict[Status, int]:
        return _count(self.baris)


def _count(rows: tuple[BarisRingkasan, ...] | list[BarisRingkasan]) -> dict[Status, int]:
    """Counts by the summary's status (quarter target first), not the annual one."""
    return {s: sum(1 for r in rows if r.status == s) for s in STATUSES}


@dataclass(frozen=True)
class LaporanRingkasan:
    """The whole quarterly summary."""

    tahun: int
    triwulan: int
    periode: str
    kantor: str
    target_jenis: str
    panel: tuple[PanelSasaran, ...]
    total_pagu: int | None
    total_realisasi_anggaran: float
    data: str
    contoh: bool

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
    """Build the summary at ``triwulan`` (default: the latest quarter with data)."""
    _check_triwulan(triwulan)
    ctx = Konteks.muat(source, tahun)
    tersedia = ctx.realisasi.triwulan_tersedia()
    tahunan = "tahunan" in ctx.realisasi.berkas
    if triwulan is None:
        if not tersedia and not tahunan:
            raise UsageError(f"belum ada berkas realisasi untuk {tahun}; beri --triwulan")
        triwulan = 4 if tahunan else max(tersedia)
    jenis = target_jenis or ctx.rencana.pengaturan.target_utama
    # the year-end file, when there is one, is the position at TW IV
    periods = periode_sampai(ctx.realisasi, triwulan)
    previous = [p for p in PERIODE_URUT[: triwulan - 1] if p in ctx.realisasi.berkas]
    errors: list[RenjaError] = []
    panels = []
    total_spent = 0.0
    for sk in ctx.rencana.sasaran:
        rows: list[BarisRingkasan] = []
        for ind in sk.indikator:
            try:
                rows.append(_baris(ctx, sk.kode, ind, jenis, periods, previous, triwulan))
            except DataError as exc:
                errors.append(exc)
        spent = sum((ctx.realisasi.berkas[p].anggaran or {}).get(sk.kode, 0.0) for p in periods)
        total_spent += spent
        serapan = spent / sk.anggaran * 100 if sk.anggaran else None
        capaian = [r.tahunan.capaian for r in rows if r.tahunan.capaian is not None]
        kinerja = sum(capaian) / len(capaian) if capaian else None
        efisiensi = kinerja / serapan if kinerja is not None and serapan else None
        panels.append(
            PanelSasaran(
                sk.kode,
                sk.nama,
                AnggaranSasaran(sk.anggaran, spent, serapan, kinerja, efisiensi),
                tuple(rows),
            )
        )
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    return LaporanRingkasan(
        tahun=tahun,
        triwulan=triwulan,
        periode=_label(periods, triwulan),
        kantor=ctx.rencana.kantor,
        target_jenis=jenis,
        panel=tuple(panels),
        total_pagu=ctx.rencana.total_anggaran
        if ctx.rencana.total_anggaran is not None
        else sum(sk.anggaran or 0 for sk in ctx.rencana.sasaran),
        total_realisasi_anggaran=total_spent,
        data=source.describe(),
        contoh=ctx.realisasi.contoh,
    )


def _baris(
    ctx: Konteks,
    sk_kode: str,
    ind: Indikator,
    jenis: str,
    periods: list[str],
    previous: list[str],
    triwulan: int,
) -> BarisRingkasan:
    pengaturan = ctx.rencana.pengaturan
    real = realisasi_indikator(ctx, ind, periods)
    tahunan = baris_capaian(ctx, sk_kode, ind, jenis, periods, real)
    before = baris_capaian(ctx, sk_kode, ind, jenis, previous) if previous else None
    target_tw = (ind.target_triwulan or {}).get(triwulan)  # type: ignore[call-overload]
    capaian_tw = None
    if target_tw is not None and tahunan.realisasi is not None:
        capaian_tw = hitung_capaian(
            tahunan.realisasi,
            TargetSpec(nilai=target_tw),
            ind.arah,
            ind.aturan_turun or pengaturan.aturan_turun,
            ind.batas_capaian if ind.batas_capaian is not None else pengaturan.batas_capaian,
        )
        status = tentukan_status(capaian_tw, pengaturan.ambang_tercapai)
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
    entry = ind.target.get(jenis)
    proyeksi = proyeksikan(
        ind, real, tahunan, as_target(entry) if entry is not None else None, triwulan
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
    )


def proyeksikan(
    ind: Indikator,
    real: NilaiRealisasi,
    baris: BarisCapaian,
    target: TargetSpec | None,
    triwulan: int,
) -> Proyeksi:
    """What the remaining quarters must bring, under the indicator's period rule."""
    sisa = 4 - triwulan
    if target is None:
        return Proyeksi("tanpa_data", None, sisa, "tidak ada target")
    if baris.status == "tercapai":
        return Proyeksi("tercapai", None, sisa, "target tahunan sudah tercapai; pertahankan")
    goal = target.nilai if target.nilai is not None else target.min
    assert goal is not None
    if ind.arah == "turun":
        goal = target.nilai if target.nilai is not None else target.maks
        assert goal is not None
    rentang = ind.rentang_nilai

    def fmt(value: float | None) -> str:
        return "—" if value is None else format_value(value, ind.persen)

    if sisa == 0:
        return Proyeksi("tidak_terjangkau", None, 0, "tahun berakhir; target tidak tercapai")
    if rentang is not None and ind.arah == "naik" and goal > rentang.maks:
        return Proyeksi(
            "tidak_terjangkau",
            goal,
            sisa,
            f"target {fmt(goal)} melebihi nilai maksimum {fmt(rentang.maks)}",
        )
    if baris.realisasi is None:
        return Proyeksi(
            "tanpa_data",
            goal,
            sisa,
            f"belum ada realisasi; nilai akhir tahun harus mencapai {fmt(goal)}",
        )
    counts = [h for _, h in real.hasil if h.tersedia and h.pembilang is not None]
    if ind.periode == "rata_rata":
        values = [v for _, h in real.hasil if h.tersedia and (v := h.nilai_akhir(ind)) is not None]
        needed = (goal * (len(values) + sisa) - sum(values)) / sisa
        text = f"rata-rata {sisa} triwulan tersisa harus {fmt(needed)}"
        if rentang is not None and needed > rentang.maks:
            return Proyeksi(
                "tidak_terjangkau", needed, sisa, f"{text}, melebihi maksimum {fmt(rentang.maks)}"
            )
        return Proyeksi("perlu", needed, sisa, text)
    if counts and counts[-1].penyebut:
        last = counts[-1]
        penyebut = last.penyebut or 0.0
        if ind.periode == "kumulatif" and not last.penyebut_stok:
            penyebut = sum(h.penyebut or 0 for h in counts)
            pembilang = sum(h.pembilang or 0 for h in counts)
            need = math.ceil(goal / 100 * penyebut - 1e-9) - pembilang
            text = (
                f"tindak lanjuti {format_number(need, 0)} butir lagi dari "
                f"{format_number(penyebut - pembilang, 0)} yang terbuka "
                "(butir baru ikut menambah penyebut)"
            )
            return Proyeksi("perlu", need, sisa, text)
        pembilang = (
            sum(h.pembilang or 0 for h in counts)
            if ind.periode == "kumulatif"
            else last.pembilang or 0.0
        )
        need = math.ceil(goal / 100 * penyebut - 1e-9) - pembilang
        left = penyebut - pembilang
        per_tw = need / sisa
        text = (
            f"perlu {format_number(need, 0)} lagi (kini {format_number(pembilang, 0)} dari "
            f"{format_number(penyebut, 0)}; ±{format_number(per_tw, 1, trim=True)} per triwulan)"
        )
        if need > left:
            return Proyeksi(
                "tidak_terjangkau",
                need,
                sisa,
                f"{text}; hanya {format_number(left, 0)} yang tersisa",
            )
        return Proyeksi("perlu", need, sisa, text)
    if ind.periode == "kumulatif":
        need = goal - (baris.realisasi or 0)
        return Proyeksi("perlu", need, sisa, f"{sisa} triwulan tersisa harus menambah {fmt(need)}")
    text = f"nilai akhir tahun harus mencapai {fmt(goal)} (kini {fmt(baris.realisasi)})"
    return Proyeksi("perlu", goal, sisa, text)
