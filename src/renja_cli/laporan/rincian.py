"""``renja rincian``: the arithmetic and records behind one indicator's realisasi."""

from __future__ import annotations

from typing import Literal

from renja_cli.data.folder import DataSource
from renja_cli.data.konteks import Konteks
from renja_cli.errors import UsageError
from renja_cli.formula import uraian_formula
from renja_cli.formula.hasil import HasilPeriode, RincianArsip, RincianInstansi, RincianRasio
from renja_cli.hitung.periode import NilaiRealisasi, label_periode
from renja_cli.laporan.capaian import (
    baris_capaian,
    cek_triwulan,
    jenis_target,
    label_posisi,
    periode_sampai,
    realisasi_indikator,
)
from renja_cli.laporan.objek import BarisCapaian
from renja_cli.model.dasar import TargetSpec
from renja_cli.model.realisasi import BlokNarasi
from renja_cli.rekaman import dataclass, field


@dataclass(frozen=True, slots=True)
class KomponenCapaian:
    """One component of a mean, with its own capaian when it has a target."""

    kode: str
    nama: str
    nilai: float | None
    target: float | None
    capaian: float | None
    status: str | None


@dataclass(frozen=True, slots=True)
class PeriodeRincian:
    """What one period file contributed."""

    periode: str
    realisasi: float | None
    pembilang: float | None
    penyebut: float | None
    tersedia: bool
    dipakai: bool
    keterangan: tuple[str, ...]


BentukHitungan = Literal[
    "rasio", "instansi", "arsip", "butir", "rata_rata", "jumlah", "nilai", "belum_lengkap", "kosong"
]


@dataclass(frozen=True, slots=True)
class Hitungan:
    """The arithmetic that produced the realisasi, as the combiner did it.

    ``rasio``/``instansi``/``arsip``/``butir``: pembilang / penyebut × 100;
    ``rata_rata``: the mean of ``suku`` (components, or the periods' values under
    the ``rata_rata`` rule); ``jumlah``: their sum; ``nilai``: a value as given.
    ``hasil`` is the realisasi as reported (rounded when computed).
    """

    bentuk: BentukHitungan
    hasil: float | None
    pembilang: float | None = None
    penyebut: float | None = None
    suku: tuple[float, ...] = ()
    label_suku: tuple[str, ...] = ()
    kriteria: str | None = None
    """What was counted, e.g. ``≥ Tinggi`` or ``kategori minimal terisi``."""
    hilang: int = 0


@dataclass(frozen=True, slots=True)
class LaporanRincian:
    """The arithmetic and records behind one indicator's realisasi."""

    tahun: int
    periode: str
    baris: BarisCapaian
    formula: str
    uraian_formula: str
    periode_rumus: str
    per_periode: tuple[PeriodeRincian, ...]
    rincian: object | None
    pembilang: float | None
    """The counts the figure is made of (summed under ``kumulatif``), as the
    combiner used them; None when the figure is not a ratio of counts."""
    penyebut: float | None
    komponen: tuple[KomponenCapaian, ...]
    hitungan: Hitungan
    data: str
    contoh: bool
    narasi: dict[str, tuple[str | BlokNarasi, ...]] = field(default_factory=dict)
    """Narratives (analisis, kendala, upaya, rencana_tindak_lanjut) of the latest period
    that has any, as written; ``periode_narasi`` names that period."""
    periode_narasi: str | None = None


def susun_rincian(
    source: DataSource,
    tahun: int,
    kode: str,
    triwulan: int | None = None,
    target_jenis: str | None = None,
) -> LaporanRincian:
    """Everything behind one indicator's realisasi at ``triwulan``."""
    cek_triwulan(triwulan)
    ctx = Konteks.muat(source, tahun)
    found = ctx.rencana.cari(kode)
    if found is None:
        pilihan = ", ".join(ind.kode for _, ind in ctx.rencana.indikator())
        raise UsageError(f"indikator {kode} tidak ada di {tahun}; pilihan: {pilihan}", code="U003")
    sk, ind = found
    jenis = jenis_target(ctx.rencana, target_jenis)
    periods = periode_sampai(ctx.realisasi, triwulan)
    real = realisasi_indikator(ctx, ind, periods, semua=True)
    baris = baris_capaian(ctx, sk.kode, ind, jenis, real)
    aturan = ctx.aturan(ind)
    per_periode = tuple(
        PeriodeRincian(
            p,
            aturan.bulatkan(h.nilai_sendiri(), h.dihitung) if h.tersedia else None,
            h.pembilang,
            h.penyebut,
            h.tersedia,
            p in real.dipakai,
            h.keterangan,
        )
        for p, h in real.hasil
    )
    last = next((h for p, h in reversed(real.hasil) if p == real.periode), None)
    if last is None and real.hasil:
        last = real.hasil[-1][1]
    komponen: tuple[KomponenCapaian, ...] = ()
    if ind.formula.jenis == "rata_rata":
        values = last.komponen if last is not None else {}
        rows = []
        for k in ind.formula.komponen:
            v = values.get(k.kode)
            cap = None
            if v is not None and k.target:
                cap = aturan.capaian(v, TargetSpec(nilai=k.target))
            rows.append(
                KomponenCapaian(
                    k.kode, k.nama, v, k.target, cap, aturan.status(cap) if k.target else None
                )
            )
        komponen = tuple(rows)
    kosong: tuple[str | None, dict[str, tuple[str | BlokNarasi, ...]]] = (None, {})
    narasi = next(((p, h.narasi) for p, h in reversed(real.hasil) if h.narasi), kosong)
    return LaporanRincian(
        tahun=tahun,
        periode=label_posisi(periods, triwulan),
        baris=baris,
        formula=ind.formula.jenis,
        uraian_formula=uraian_formula(ind.formula),
        periode_rumus=ind.periode,
        per_periode=per_periode,
        rincian=last.rincian if last is not None else None,
        pembilang=real.pembilang if real.dari_hitungan else None,
        penyebut=real.penyebut if real.dari_hitungan else None,
        komponen=komponen,
        hitungan=hitungan(real, last, baris.realisasi, ind.periode),
        data=source.describe(),
        contoh=ctx.realisasi.contoh,
        narasi=narasi[1],
        periode_narasi=narasi[0],
    )


def hitungan(
    real: NilaiRealisasi, last: HasilPeriode | None, hasil: float | None, aturan_periode: str
) -> Hitungan:
    """Which arithmetic made ``real`` — read off the combiner's result, never redone."""
    r = last.rincian if last is not None else None
    if isinstance(r, RincianInstansi) and r.belum_lengkap and real.nilai is None:
        return Hitungan("belum_lengkap", None, penyebut=r.populasi, hilang=len(r.hilang))
    if real.nilai is None:
        return Hitungan("kosong", None)
    if real.dari_hitungan:
        if isinstance(r, RincianInstansi) and len(real.dipakai) == 1:
            return Hitungan("instansi", hasil, real.pembilang, real.penyebut, kriteria=r.kriteria)
        if isinstance(r, RincianArsip) and len(real.dipakai) == 1:
            return Hitungan(
                "arsip",
                hasil,
                real.pembilang,
                real.penyebut,
                kriteria=f"kategori minimal {r.kategori_minimal}",
            )
        if isinstance(r, RincianRasio) and r.butir and len(real.dipakai) == 1:
            return Hitungan("butir", hasil, real.pembilang, real.penyebut)
        return Hitungan("rasio", hasil, real.pembilang, real.penyebut)
    by_period = dict(real.hasil)
    if len(real.dipakai) > 1:
        values = [by_period[p].nilai_sendiri() for p in real.dipakai]
        bentuk: BentukHitungan = "rata_rata" if aturan_periode == "rata_rata" else "jumlah"
        return Hitungan(
            bentuk,
            hasil,
            suku=tuple(v for v in values if v is not None),
            label_suku=tuple(label_periode(p) for p in real.dipakai),
        )
    if last is not None and last.nilai is None and last.komponen:
        names = tuple(last.komponen)
        return Hitungan(
            "rata_rata",
            hasil,
            suku=tuple(v for v in last.komponen.values() if v is not None),
            label_suku=names,
        )
    return Hitungan("nilai", hasil)
