"""Multi-year trend of one indicator: history kept in the targets files
(``riwayat``), earlier indicators it continues (``pendahulu``), and its own
year by quarter."""

from __future__ import annotations

from dataclasses import dataclass

from renja_cli.calculator import hitung_capaian
from renja_cli.engine import Konteks, baris_capaian
from renja_cli.errors import UsageError
from renja_cli.loading import (
    PERIODE_URUT,
    DataSource,
    Referensi,
    available_years,
    load_realisasi,
    load_rencana,
)
from renja_cli.models import Indikator, RencanaKerja, TargetSpec, as_target


@dataclass(frozen=True)
class TitikTren:
    """One point of the trend: a year or a quarter."""

    tahun: int
    periode: str
    kode: str
    target: float | None
    realisasi: float | None
    capaian: float | None
    catatan: str | None = None


@dataclass(frozen=True)
class LaporanTren:
    kode: str
    nama: str
    satuan: str
    titik: tuple[TitikTren, ...]
    data: str


def _cari(plans: dict[int, RencanaKerja], kode: str) -> tuple[int, Indikator] | None:
    for tahun in sorted(plans, reverse=True):
        found = plans[tahun].cari(kode)
        if found is not None:
            return tahun, found[1]
    return None


def _capaian(ind: Indikator, realisasi: float | None, target: float | None) -> float | None:
    if realisasi is None or not target:
        return None
    return hitung_capaian(realisasi, TargetSpec(nilai=target), ind.arah)


def susun_tren(source: DataSource, kode: str) -> LaporanTren:
    """History of ``kode`` and the indicators it continues, oldest first."""
    years = available_years(source.root)
    plans = {tahun: load_rencana(source, tahun) for tahun in years}
    home = _cari(plans, kode)
    if home is None:
        raise UsageError(f"indikator {kode} tidak ada di targets tahun mana pun ({years})")
    home_year, ind = home
    points: dict[tuple[int, str], TitikTren] = {}
    chain: list[tuple[int, Indikator]] = [(home_year, ind)]
    todo = list(ind.pendahulu)
    while todo:
        code = todo.pop(0)
        earlier = {y: p for y, p in plans.items() if y < home_year}
        found = _cari(earlier, code)
        if found is not None and all(found[1].kode != c.kode for _, c in chain):
            chain.append(found)
            todo.extend(found[1].pendahulu)
    for plan_year, item in reversed(chain):
        for tahun, riwayat in sorted(item.riwayat.items()):
            catatan = (
                riwayat.catatan
                if isinstance(riwayat.catatan, str)
                else ("; ".join(riwayat.catatan) if riwayat.catatan else None)
            )
            points[(tahun, "tahunan")] = TitikTren(
                tahun,
                "tahunan",
                item.kode,
                riwayat.target,
                riwayat.realisasi,
                _capaian(item, riwayat.realisasi, riwayat.target),
                catatan,
            )
        plan = plans[plan_year]  # already read above; only the realisasi is loaded here
        ctx = Konteks(source, plan, load_realisasi(source, plan), Referensi(source.root))
        sk_kode = next(sk.kode for sk, i in ctx.rencana.indikator() if i.kode == item.kode)
        jenis = ctx.rencana.pengaturan.target_utama
        target = as_target(item.target[jenis]).nilai if jenis in item.target else None
        periods = [*(p for p in PERIODE_URUT if p in ctx.realisasi.berkas), "tahunan"]
        for index, periode in enumerate(periods):
            if periode not in ctx.realisasi.berkas:
                continue
            upto = (
                ["tahunan"]
                if periode == "tahunan"
                else [p for p in PERIODE_URUT[: index + 1] if p in ctx.realisasi.berkas]
            )
            row = baris_capaian(ctx, sk_kode, item, jenis, upto)
            old = points.get((plan_year, periode))
            if row.realisasi is None and old is not None:
                continue  # keep the history's figure where the period has none
            points[(plan_year, periode)] = TitikTren(
                plan_year,
                periode,
                item.kode,
                target,
                row.realisasi,
                row.capaian,
                "; ".join(row.keterangan) or None,
            )
    order = {p: i for i, p in enumerate((*PERIODE_URUT, "tahunan"))}
    titik = tuple(points[k] for k in sorted(points, key=lambda k: (k[0], order[k[1]])))
    return LaporanTren(ind.kode, ind.nama_singkat or ind.nama, ind.satuan, titik, source.describe())
