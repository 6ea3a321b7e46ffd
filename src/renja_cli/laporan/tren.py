"""``renja tren``: multi-year trend of one indicator: history kept in the targets
files (``riwayat``), earlier indicators it continues (``pendahulu``), and its
own year by quarter. History years are judged by the same capaian settings
and status rule as the current year."""

from __future__ import annotations

from dataclasses import dataclass

from renja_cli.data.baca import PERIODE_URUT, load_realisasi, read_rencana
from renja_cli.data.folder import DataSource, available_years, target_path
from renja_cli.data.konteks import Konteks, periksa_rujukan
from renja_cli.data.referensi import Referensi
from renja_cli.errors import UsageError, raise_all
from renja_cli.hitung.capaian import Status, aturan_indikator
from renja_cli.laporan.capaian import baris_capaian, realisasi_indikator
from renja_cli.laporan.tanda import tanda_realisasi, tanda_target
from renja_cli.model.dasar import TandaNilai, TargetSpec, as_list, as_target
from renja_cli.model.rencana import Indikator, RencanaKerja


@dataclass(frozen=True, slots=True)
class TitikTren:
    """One point of the trend: a year or a quarter."""

    tahun: int
    periode: str
    kode: str
    target: float | None
    realisasi: float | None
    capaian: float | None
    status: Status
    catatan: str | None = None
    tanda: tuple[TandaNilai, ...] = ()
    """Marks of this point's figures (a derived history target, an assumed quarter)."""


@dataclass(frozen=True, slots=True)
class LaporanTren:
    kode: str
    nama: str
    satuan: str
    titik: tuple[TitikTren, ...]
    data: str
    contoh: bool = False


def _cari(plans: dict[int, RencanaKerja], kode: str) -> tuple[int, Indikator] | None:
    for tahun in sorted(plans, reverse=True):
        found = plans[tahun].cari(kode)
        if found is not None:
            return tahun, found[1]
    return None


def susun_tren(source: DataSource, kode: str) -> LaporanTren:
    """History of ``kode`` and the indicators it continues, oldest first."""
    years = available_years(source.root)
    loaded = {tahun: read_rencana(target_path(source.root, tahun)) for tahun in years}
    plans = {tahun: plan for tahun, (plan, _) in loaded.items()}
    home = _cari(plans, kode)
    if home is None:
        known = ", ".join(map(str, years))
        raise UsageError(
            f"indikator {kode} tidak ada di targets tahun mana pun ({known})", code="U003"
        )
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
    referensi = Referensi(source.root)
    contoh = False
    for plan_year, item in reversed(chain):
        plan, positions = loaded[plan_year]
        aturan = aturan_indikator(plan.pengaturan, item)
        for tahun, riwayat in sorted(item.riwayat.items()):
            capaian = None
            if riwayat.realisasi is not None and riwayat.target:
                capaian = aturan.capaian(riwayat.realisasi, TargetSpec(nilai=riwayat.target))
            points[(tahun, "tahunan")] = TitikTren(
                tahun,
                "tahunan",
                item.kode,
                riwayat.target,
                riwayat.realisasi,
                capaian,
                aturan.status(capaian),
                "; ".join(as_list(riwayat.catatan)) or None,
                item.tanda_riwayat(tahun),
            )
        raise_all(periksa_rujukan(plan, positions, referensi))
        realisasi = load_realisasi(source.root, plan)
        contoh = contoh or realisasi.contoh
        ctx = Konteks(source, plan, realisasi, referensi)
        sk_kode = next(sk.kode for sk, i in plan.indikator() if i.kode == item.kode)
        jenis = plan.pengaturan.target_utama
        target = as_target(item.target[jenis]).nilai if jenis in item.target else None
        for periode in (*PERIODE_URUT, "tahunan"):
            if periode not in realisasi.berkas:
                continue
            upto = (
                ["tahunan"]
                if periode == "tahunan"
                else [
                    p
                    for p in PERIODE_URUT[: PERIODE_URUT.index(periode) + 1]
                    if p in realisasi.berkas
                ]
            )
            row = baris_capaian(ctx, sk_kode, item, jenis, realisasi_indikator(ctx, item, upto))
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
                row.status,
                "; ".join(row.keterangan) or None,
                tanda_target(row.tanda, jenis) + tanda_realisasi(row.tanda),
            )
    order = {p: i for i, p in enumerate((*PERIODE_URUT, "tahunan"))}
    titik = tuple(points[k] for k in sorted(points, key=lambda k: (k[0], order[k[1]])))
    return LaporanTren(
        ind.kode, ind.nama_singkat or ind.nama, ind.satuan, titik, source.describe(), contoh
    )
