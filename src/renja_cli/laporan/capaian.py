"""``renja capaian``: every indicator of a year against its target at a quarter."""

from __future__ import annotations

from collections.abc import Sequence

from renja_cli.data.baca import PERIODE_URUT, RealisasiTahun
from renja_cli.data.folder import DataSource
from renja_cli.data.konteks import Konteks
from renja_cli.errors import DataError, UsageError, raise_all
from renja_cli.formula.hasil import HasilPeriode
from renja_cli.hitung.agregat import NilaiAgregat, predikat_capaian, rata_rata
from renja_cli.hitung.capaian import nilai_capaian, predikat_realisasi
from renja_cli.hitung.periksa import periksa
from renja_cli.hitung.periode import NilaiRealisasi, gabung, label_periode
from renja_cli.laporan.objek import BarisCapaian, KelompokSasaran, LaporanCapaian, tampilan
from renja_cli.laporan.tanda import tanda_indikator_realisasi, tanda_semua_target, unik
from renja_cli.model.dasar import as_list, as_target
from renja_cli.model.rencana import Indikator, RencanaKerja, SasaranKegiatan


def periode_sampai(realisasi: RealisasiTahun, triwulan: int | None) -> list[str]:
    """Period files that count for a report at ``triwulan`` (None = latest)."""
    if (triwulan is None or triwulan == 4) and "tahunan" in realisasi.berkas:
        return ["tahunan"]
    if triwulan is None:
        tersedia = realisasi.triwulan_tersedia()
        triwulan = max(tersedia) if tersedia else 4
    return [p for p in PERIODE_URUT[:triwulan] if p in realisasi.berkas]


def catatan_berkas(
    realisasi: RealisasiTahun, triwulan: int | None, periods: Sequence[str]
) -> tuple[str, ...]:
    """The note every report at an asked quarter carries when that quarter has no
    file: its figures are the position of an earlier quarter (``label_posisi``)."""
    if triwulan is None or f"tw{triwulan}" in realisasi.berkas or list(periods) == ["tahunan"]:
        return ()
    return (f"tidak ada berkas realisasi tw{triwulan}.yaml untuk {realisasi.tahun}",)


def triwulan_posisi(periods: Sequence[str], triwulan: int) -> int:
    """The quarter the figures are at: the last period used (``tahunan`` is TW IV);
    ``triwulan`` when no period has data."""
    if not periods:
        return triwulan
    last = periods[-1]
    return 4 if last == "tahunan" else int(last.removeprefix("tw"))


def baca_periode(
    ctx: Konteks, ind: Indikator, periods: Sequence[str], semua: bool = False
) -> list[tuple[str, HasilPeriode]]:
    """Per-period results; a latest-value rule reads back only as far as needed.

    ``semua`` reads every period (for ``rincian`` and ``validasi``).
    """
    hasil: list[tuple[str, HasilPeriode]] = []
    newest_first = ind.periode == "terakhir" and not semua
    for p in reversed(periods) if newest_first else periods:
        h = ctx.hasil(ind, p)
        if h is None:
            continue
        hasil.append((p, h))
        if newest_first and ((h.tersedia and h.ada_nilai) or not h.lengkap):
            break
    if newest_first:
        hasil.reverse()
    return hasil


def gabung_indikator(ind: Indikator, hasil: Sequence[tuple[str, HasilPeriode]]) -> NilaiRealisasi:
    return gabung(ind.periode, hasil, nilai_dijumlah=ind.formula.jenis == "nilai")


def realisasi_indikator(
    ctx: Konteks, ind: Indikator, periods: Sequence[str], semua: bool = False
) -> NilaiRealisasi:
    """The combined realisasi, checked by the same rules ``validasi`` applies."""
    real = gabung_indikator(ind, baca_periode(ctx, ind, periods, semua))
    raise_all(periksa(ind, ctx.aturan(ind), real))
    return real


def cek_triwulan(triwulan: int | None) -> None:
    if triwulan is not None and triwulan not in (1, 2, 3, 4):
        raise UsageError(f"triwulan harus 1-4, bukan {triwulan}", code="U001")


def jenis_target(rencana: RencanaKerja, target_jenis: str | None) -> str:
    """The target kind asked for (case-insensitive), or the plan's main one."""
    jenis = (target_jenis or rencana.pengaturan.target_utama).casefold()
    all_targets = {name for _, ind in rencana.indikator() for name in ind.target}
    if jenis not in all_targets:
        raise UsageError(
            f"target '{jenis}' tidak dikenal untuk {rencana.tahun}; "
            f"pilihan: {', '.join(sorted(all_targets))}",
            code="U003",
        )
    return jenis


def anggaran_sasaran(sasaran: Sequence[SasaranKegiatan]) -> int | None:
    """The budget of the sasaran shown; None (no line) when none of them has one."""
    if all(s.anggaran is None for s in sasaran):
        return None
    return sum(s.anggaran or 0 for s in sasaran)


def susun_capaian(
    source: DataSource,
    tahun: int,
    triwulan: int | None = None,
    target_jenis: str | None = None,
    sk: str | None = None,
) -> LaporanCapaian:
    """Capaian of every indicator of ``tahun`` (optionally one SK) at ``triwulan``."""
    cek_triwulan(triwulan)
    ctx = Konteks.muat(source, tahun)
    rencana = ctx.rencana
    jenis = jenis_target(rencana, target_jenis)
    sasaran = rencana.sasaran
    if sk is not None:
        sasaran = [s for s in rencana.sasaran if s.kode.casefold() == sk.casefold()]
        if not sasaran:
            pilihan = ", ".join(s.kode for s in rencana.sasaran)
            raise UsageError(f"sasaran {sk} tidak ada di {tahun}; pilihan: {pilihan}", code="U003")
    periods = periode_sampai(ctx.realisasi, triwulan)
    errors: list[DataError] = []
    kelompok = []
    for s in sasaran:
        rows = []
        for ind in s.indikator:
            try:
                real = realisasi_indikator(ctx, ind, periods)
                rows.append(baris_capaian(ctx, s.kode, ind, jenis, real))
            except DataError as exc:
                errors.append(exc)
        kelompok.append(kelompok_sasaran(ctx, s, rows))
    raise_all(errors)
    return LaporanCapaian(
        tahun=tahun,
        triwulan=triwulan,
        periode=label_posisi(periods, triwulan),
        target_jenis=jenis,
        kantor=rencana.kantor,
        jenis_indikator=rencana.jenis_indikator,
        data=source.describe(),
        contoh=ctx.realisasi.contoh,
        total_anggaran=rencana.total_anggaran if sk is None else anggaran_sasaran(sasaran),
        kelompok=tuple(kelompok),
        periode_akhir=periods[-1] if periods else None,
        catatan=catatan_berkas(ctx.realisasi, triwulan, periods),
        nilai_kantor=nilai_kantor(ctx, kelompok),
        skala_capaian=legenda(ctx),
        agregat_kantor=ctx.pengaturan.agregat_kantor,
    )


def baris_capaian(
    ctx: Konteks, sk_kode: str, ind: Indikator, jenis: str, real: NilaiRealisasi
) -> BarisCapaian:
    """One indicator's row: realisasi as reported, capaian against every named target."""
    aturan = ctx.aturan(ind)
    nilai = aturan.bulatkan(real.nilai, real.dihitung)
    predikat = real.predikat
    notes = list(real.keterangan)
    semua: list[tuple[str, float | None, float | None]] = []
    for name, entry in ind.target.items():
        spec = as_target(entry)
        value, _ = nilai_capaian(aturan, nilai, predikat, spec)
        semua.append((name, spec.nilai if spec is not None else None, value))
    target = as_target(ind.target.get(jenis))
    capaian, status = nilai_capaian(aturan, nilai, predikat, target)
    if jenis not in ind.target:
        notes.append(f"tidak ada target {jenis}")
    elif target is None:
        notes.append(f"target {jenis} belum diisi")
    ada = nilai is not None or predikat is not None
    tanda = list(tanda_semua_target(ind))
    if ada:
        tanda += [t for p, h in real.hasil if p in real.dipakai for t in h.tanda]
        tanda += tanda_indikator_realisasi(ind)
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
        status=status,
        periode_data=real.periode if ada else None,
        periode_dipakai=real.dipakai if ada else (),
        sementara=real.sementara,
        keterangan=tuple(notes),
        catatan_target=as_list(target.catatan) if target is not None else (),
        semua_target=tuple(semua),
        target_predikat=target.predikat if target else None,
        realisasi_predikat=predikat_realisasi(aturan, nilai, predikat)
        if aturan.urutan is not None
        else None,
        predikat=predikat_capaian(ctx.skala_capaian, capaian),
        tampilan=tampilan(ctx.rencana, ind),
        tanda=unik(tanda),
    )


def kelompok_sasaran(
    ctx: Konteks, sk: SasaranKegiatan, rows: Sequence[BarisCapaian]
) -> KelompokSasaran:
    """A sasaran with its rows and its nilai capaian (hitung.agregat)."""
    nilai = rata_rata((r.capaian for r in rows), ctx.pengaturan.batas_agregat, ctx.skala_capaian)
    return KelompokSasaran(sk.kode, sk.nama, sk.perspektif, sk.anggaran, tuple(rows), nilai)


def nilai_kantor(ctx: Konteks, kelompok: Sequence[KelompokSasaran]) -> NilaiAgregat:
    """The office's nilai capaian, by ``pengaturan.agregat_kantor``."""
    p = ctx.pengaturan
    if p.agregat_kantor == "rata_rata_indikator":
        return rata_rata(
            (r.capaian for k in kelompok for r in k.baris), p.batas_agregat, ctx.skala_capaian
        )
    return rata_rata((k.nilai.nilai for k in kelompok), None, ctx.skala_capaian)


def legenda(ctx: Konteks) -> tuple[tuple[str, str], ...]:
    skala = ctx.skala_capaian
    if skala is None:
        return ()
    return tuple((band.kode, band.rentang_teks) for band in skala.predikat)


def label_posisi(periods: Sequence[str], triwulan: int | None) -> str:
    if list(periods) == ["tahunan"]:
        return "Tahunan (akhir tahun)"
    if periods:
        return f"s.d. {label_periode(periods[-1])}"
    return f"s.d. {label_periode(f'tw{triwulan}')}" if triwulan else "belum ada realisasi"
