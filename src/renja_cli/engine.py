"""Build report objects from the data folder: the one call each command makes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from renja_cli.calculator import hitung_capaian, tentukan_status
from renja_cli.errors import DataError, DataErrors, RenjaError, UsageError
from renja_cli.formulas import HasilPeriode, nilai_periode
from renja_cli.loading import (
    PERIODE_URUT,
    DataSource,
    RealisasiTahun,
    Referensi,
    load_realisasi,
    load_rencana,
)
from renja_cli.models import Indikator, RencanaKerja, as_target
from renja_cli.numbers import round_half_up
from renja_cli.report import BarisCapaian, KelompokSasaran, LaporanCapaian, label_periode


@dataclass(frozen=True)
class NilaiRealisasi:
    """Realisasi of an indicator combined over the periods up to a point."""

    nilai: float | None
    periode: str | None = None
    sementara: bool = False
    keterangan: tuple[str, ...] = ()
    hasil: tuple[tuple[str, HasilPeriode], ...] = field(default_factory=tuple)


def periode_sampai(realisasi: RealisasiTahun, triwulan: int | None) -> list[str]:
    """Period files that count for a report at ``triwulan`` (None = latest)."""
    if (triwulan is None or triwulan == 4) and "tahunan" in realisasi.berkas:
        return ["tahunan"]
    if triwulan is None:
        tersedia = realisasi.triwulan_tersedia()
        triwulan = max(tersedia) if tersedia else 4
    return [p for p in PERIODE_URUT[:triwulan] if p in realisasi.berkas]


def gabung(ind: Indikator, hasil: Sequence[tuple[str, HasilPeriode]]) -> NilaiRealisasi:
    """Combine per-period results under the indicator's period rule."""
    ada = [(p, h) for p, h in hasil if h.tersedia and h.ada_nilai]
    notes: list[str] = []
    for p, h in hasil:
        notes.extend(f"{label_periode(p)}: {k}" for k in h.keterangan)
    if not ada or not hasil[-1][1].lengkap:
        # an incomplete latest period is reported as such, never replaced by older data
        return NilaiRealisasi(None, None, False, tuple(notes), tuple(hasil))
    last_p, last = ada[-1]
    if ind.periode == "terakhir":
        value = last.nilai_akhir(ind)
        return NilaiRealisasi(value, last_p, last.sementara, tuple(notes), tuple(hasil))
    if ind.periode == "rata_rata":
        values = [v for _, h in ada if (v := h.nilai_akhir(ind)) is not None]
        value = sum(values) / len(values) if values else None
        return NilaiRealisasi(
            value, last_p, any(h.sementara for _, h in ada), tuple(notes), tuple(hasil)
        )
    # kumulatif: counts add up; a value given directly is the running total to date
    if ind.formula.jenis == "rasio" and last.nilai is None:
        # a value given directly is the running total to date; counts after it add up
        start = max((i for i, (_, h) in enumerate(ada) if h.nilai is not None), default=-1)
        rows = [h for _, h in ada[start + 1 :]]
        if start >= 0:
            notes.append("nilai langsung periode sebelumnya diganti hitungan sesudahnya")
        pembilang = sum(h.pembilang or 0 for h in rows)
        stok = rows[-1].penyebut_stok
        penyebut = rows[-1].penyebut if stok else sum(h.penyebut or 0 for h in rows)
        if not penyebut:
            notes.append("penyebut kumulatif 0: belum ada butir yang dapat dinilai")
            return NilaiRealisasi(None, last_p, False, tuple(notes), tuple(hasil))
        return NilaiRealisasi(
            pembilang / penyebut * 100,
            last_p,
            any(h.sementara for h in rows),
            tuple(notes),
            tuple(hasil),
        )
    if ind.formula.jenis == "rasio":
        return NilaiRealisasi(last.nilai, last_p, last.sementara, tuple(notes), tuple(hasil))
    values = [v for _, h in ada if (v := h.nilai_akhir(ind)) is not None]
    return NilaiRealisasi(
        sum(values), last_p, any(h.sementara for _, h in ada), tuple(notes), tuple(hasil)
    )


@dataclass
class Konteks:
    """Everything loaded once for a year: plan, realisasi, reference data."""

    source: DataSource
    rencana: RencanaKerja
    realisasi: RealisasiTahun
    referensi: Referensi

    @classmethod
    def muat(cls, source: DataSource, tahun: int) -> Konteks:
        rencana = load_rencana(source, tahun)
        return cls(source, rencana, load_realisasi(source, rencana), Referensi(source.root))


def realisasi_indikator(
    ctx: Konteks, ind: Indikator, periods: Sequence[str], semua: bool = False
) -> NilaiRealisasi:
    """Combine the periods' results; a latest-value rule reads back only as far as needed.

    ``semua`` reads every period (for ``rincian``, which shows each one).
    """
    hasil: list[tuple[str, HasilPeriode]] = []
    newest_first = ind.periode == "terakhir" and not semua
    for p in reversed(periods) if newest_first else periods:
        entry = ctx.realisasi.berkas[p].realisasi.get(ind.kode)
        h = nilai_periode(ctx, ind, p, entry)
        if h is None:
            continue
        hasil.append((p, h))
        if newest_first and ((h.tersedia and h.ada_nilai) or not h.lengkap):
            break
    if newest_first:
        hasil.reverse()
    return gabung(ind, hasil)


def _check_triwulan(triwulan: int | None) -> None:
    if triwulan is not None and triwulan not in (1, 2, 3, 4):
        raise UsageError(f"triwulan harus 1-4, bukan {triwulan}")


def susun_capaian(
    source: DataSource,
    tahun: int,
    triwulan: int | None = None,
    target_jenis: str | None = None,
    sk: str | None = None,
) -> LaporanCapaian:
    """Capaian of every indicator of ``tahun`` (optionally one SK) at ``triwulan``."""
    _check_triwulan(triwulan)
    ctx = Konteks.muat(source, tahun)
    rencana = ctx.rencana
    jenis = target_jenis or rencana.pengaturan.target_utama
    all_targets = {name for _, ind in rencana.indikator() for name in ind.target}
    if jenis not in all_targets:
        raise UsageError(
            f"target '{jenis}' tidak dikenal untuk {tahun}; "
            f"pilihan: {', '.join(sorted(all_targets))}"
        )
    sasaran = rencana.sasaran
    if sk is not None:
        sasaran = [s for s in rencana.sasaran if s.kode.upper() == sk.upper()]
        if not sasaran:
            pilihan = ", ".join(s.kode for s in rencana.sasaran)
            raise UsageError(f"sasaran {sk} tidak ada di {tahun}; pilihan: {pilihan}")
    periods = periode_sampai(ctx.realisasi, triwulan)
    errors: list[RenjaError] = []
    kelompok = []
    for s in sasaran:
        rows = []
        for ind in s.indikator:
            try:
                rows.append(baris_capaian(ctx, s.kode, ind, jenis, periods))
            except DataError as exc:
                errors.append(exc)
        kelompok.append(KelompokSasaran(s.kode, s.nama, s.perspektif, s.anggaran, tuple(rows)))
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    label = _label(periods, triwulan)
    notes = []
    if (
        triwulan is not None
        and f"tw{triwulan}" not in ctx.realisasi.berkas
        and periods != ["tahunan"]
    ):
        notes.append(f"tidak ada berkas realisasi tw{triwulan}.yaml untuk {tahun}")
    return LaporanCapaian(
        tahun=tahun,
        triwulan=triwulan,
        periode=label,
        target_jenis=jenis,
        kantor=rencana.kantor,
        jenis_indikator=rencana.jenis_indikator,
        data=source.describe(),
        contoh=ctx.realisasi.contoh,
        total_anggaran=rencana.total_anggaran
        if sk is None
        else sum(s.anggaran or 0 for s in sasaran),
        kelompok=tuple(kelompok),
        periode_akhir=periods[-1] if periods else None,
        catatan=tuple(notes),
    )


def baris_capaian(
    ctx: Konteks,
    sk_kode: str,
    ind: Indikator,
    jenis: str,
    periods: Sequence[str],
    real: NilaiRealisasi | None = None,
) -> BarisCapaian:
    pengaturan = ctx.rencana.pengaturan
    if real is None:
        real = realisasi_indikator(ctx, ind, periods)
    nilai = real.nilai
    if nilai is not None and pengaturan.presisi_realisasi is not None:
        nilai = float(round_half_up(nilai, pengaturan.presisi_realisasi))
    notes = list(real.keterangan)
    # every named target gets its own capaian (PK, Renstra, an earlier year's …)
    semua: list[tuple[str, float | None, float | None]] = []
    for name, entry in ind.target.items():
        spec = as_target(entry)
        value = None
        if nilai is not None:
            value = hitung_capaian(
                nilai,
                spec,
                ind.arah,
                ind.aturan_turun or pengaturan.aturan_turun,
                ind.batas_capaian if ind.batas_capaian is not None else pengaturan.batas_capaian,
            )
        semua.append((name, spec.nilai, value))
    target = as_target(ind.target[jenis]) if jenis in ind.target else None
    capaian = next((c for name, _, c in semua if name == jenis), None)
    if target is None:
        notes.append(f"tidak ada target {jenis}")
    catatan = target.catatan if target is not None else None
    return BarisCapaian(
        kode=ind.kode,
        sasaran=sk_kode,
        nama=ind.nama,
        nama_singkat=ind.nama_singkat,
        satuan=ind.satuan,
        arah=ind.arah,
        periode_rumus=ind.periode,
        target_jenis=jenis,
        target=target.nilai if target else None,
        target_min=target.min if target else None,
        target_maks=target.maks if target else None,
        realisasi=nilai,
        capaian=capaian,
        status=tentukan_status(capaian, pengaturan.ambang_tercapai),
        periode_data=real.periode,
        sementara=real.sementara,
        keterangan=tuple(notes),
        catatan_target=tuple([catatan] if isinstance(catatan, str) else (catatan or [])),
        semua_target=tuple(semua),
    )


@dataclass(frozen=True)
class KomponenCapaian:
    """One component of a mean, with its own capaian when it has a target."""

    kode: str
    nama: str
    nilai: float | None
    target: float | None
    capaian: float | None


@dataclass(frozen=True)
class PeriodeRincian:
    """What one period file contributed."""

    periode: str
    realisasi: float | None
    pembilang: float | None
    penyebut: float | None
    tersedia: bool
    keterangan: tuple[str, ...]


@dataclass(frozen=True)
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
    penyebut: float | None
    komponen: tuple[KomponenCapaian, ...]
    data: str
    contoh: bool


def _uraian(ind: Indikator) -> str:
    f = ind.formula
    if f.jenis == "rasio":
        tetap = f" (penyebut tetap {f.penyebut_tetap:g})" if f.penyebut_tetap else ""
        return f"{f.pembilang} / {f.penyebut} × 100{tetap}"
    if f.jenis == "persentase_instansi":
        k = f.kriteria
        kriteria = f"predikat {k.skala} minimal {k.minimal}" if k.jenis == "predikat" else k.kolom
        return f"instansi yang memenuhi ({kriteria}) / populasi {f.populasi} × 100"
    if f.jenis == "rata_rata":
        return "rata-rata " + ", ".join(k.nama for k in f.komponen)
    if f.jenis == "arsip_digital":
        return (
            f"NIP berkategori minimal {f.kategori_minimal} / seluruh NIP × 100 "
            f"(lengkap dihitung terisi: {'ya' if f.lengkap_dihitung_terisi else 'tidak'})"
        )
    return "nilai langsung"


def susun_rincian(
    source: DataSource,
    tahun: int,
    kode: str,
    triwulan: int | None = None,
    target_jenis: str | None = None,
) -> LaporanRincian:
    """Everything behind one indicator's realisasi at ``triwulan``."""
    _check_triwulan(triwulan)
    ctx = Konteks.muat(source, tahun)
    found = ctx.rencana.cari(kode)
    if found is None:
        pilihan = ", ".join(ind.kode for _, ind in ctx.rencana.indikator())
        raise UsageError(f"indikator {kode} tidak ada di {tahun}; pilihan: {pilihan}")
    sk, ind = found
    jenis = target_jenis or ctx.rencana.pengaturan.target_utama
    periods = periode_sampai(ctx.realisasi, triwulan)
    real = realisasi_indikator(ctx, ind, periods, semua=True)
    baris = baris_capaian(ctx, sk.kode, ind, jenis, periods, real)
    per_periode = tuple(
        PeriodeRincian(
            p,
            h.nilai_akhir(ind) if h.tersedia else None,
            h.pembilang,
            h.penyebut,
            h.tersedia,
            h.keterangan,
        )
        for p, h in real.hasil
    )
    wanted = real.periode or (real.hasil[-1][0] if real.hasil else None)
    last = next((h for p, h in reversed(real.hasil) if p == wanted), None)
    komponen: tuple[KomponenCapaian, ...] = ()
    if ind.formula.jenis == "rata_rata":
        values = last.komponen if last is not None else {}
        rows = []
        for k in ind.formula.komponen:
            v = values.get(k.kode)
            cap = None
            if v is not None and k.target:
                cap = hitung_capaian(v, as_target(k.target), ind.arah)
            rows.append(KomponenCapaian(k.kode, k.nama, v, k.target, cap))
        komponen = tuple(rows)
    pembilang = penyebut = None
    if ind.formula.jenis != "rata_rata" and real.hasil:
        used = [h for p, h in real.hasil if h.tersedia and h.pembilang is not None]
        if ind.periode == "kumulatif" and used:
            pembilang = sum(h.pembilang or 0 for h in used)
            penyebut = (
                used[-1].penyebut if used[-1].penyebut_stok else sum(h.penyebut or 0 for h in used)
            )
        elif last is not None and last.pembilang is not None:
            pembilang, penyebut = last.pembilang, last.penyebut
    return LaporanRincian(
        tahun=tahun,
        periode=_label(periods, triwulan),
        baris=baris,
        formula=ind.formula.jenis,
        uraian_formula=_uraian(ind),
        periode_rumus=ind.periode,
        per_periode=per_periode,
        rincian=last.rincian if last is not None else None,
        pembilang=pembilang,
        penyebut=penyebut,
        komponen=komponen,
        data=source.describe(),
        contoh=ctx.realisasi.contoh,
    )


def _label(periods: Sequence[str], triwulan: int | None) -> str:
    if list(periods) == ["tahunan"]:
        return "Tahunan (akhir tahun)"
    if periods:
        return f"s.d. {label_periode(periods[-1])}"
    return f"s.d. TW {triwulan}" if triwulan else "belum ada realisasi"
