"""``rasio``: pembilang / penyebut × 100, from counts in YAML or a register CSV.

A register (``berkas``) lists every item (recommendation, finding) issued up
to the end of its period with a yes/no follow-up column, so its counts are a
stock as of that date; rows dated after the period are errors.
"""

from dataclasses import replace
from pathlib import Path
from typing import Literal

from pydantic import Field

from renja_cli.errors import DataError, Location
from renja_cli.formula.hasil import BerkasDibaca, HasilPeriode, KonteksFormula, RincianRasio
from renja_cli.formula.umum import (
    KOLOM_TANGGAL,
    batas_periode,
    bentuk_salah,
    berkas_rekaman,
    dari_entri,
    dengan_narasi,
    dua_kali,
    rekaman_dibaca,
)
from renja_cli.io.csvfile import buka_csv, sel, ya_tidak
from renja_cli.io.pesan import kunci_banding, tampak
from renja_cli.model.dasar import BerkasPeriode, Strict, Teks
from renja_cli.model.realisasi import EntriRealisasi


class FormulaRasio(Strict):
    """Realisasi = pembilang / penyebut × 100, from counts."""

    jenis: Literal["rasio"]
    pembilang: Teks = Field(description="Apa yang dihitung di pembilang")
    penyebut: Teks = Field(description="Apa yang dihitung di penyebut")
    penyebut_tetap: int | None = Field(
        None, gt=0, description="Penyebut tetap (mis. 199820 PNS aktif), dapat ditimpa per periode"
    )
    berkas: BerkasPeriode | None = Field(
        None, description="CSV per butir (rekomendasi/temuan) di folder periode"
    )


def hitung(
    ctx: KonteksFormula,
    kode: str,
    formula: FormulaRasio,
    periode: str,
    entry: EntriRealisasi | None,
) -> HasilPeriode | None:
    if entry is not None and entry.predikat is not None:
        raise bentuk_salah(ctx, kode, periode, "predikat", "rasio", "nilai angka")
    if entry is not None and entry.komponen is not None:
        raise bentuk_salah(ctx, kode, periode, "komponen", "rasio", "pembilang/penyebut atau nilai")
    if formula.berkas is not None:
        found = berkas_rekaman(
            ctx,
            kode,
            periode,
            formula.berkas,
            entry is not None and (entry.ada_nilai or not entry.tersedia),
        )
        if isinstance(found, HasilPeriode):
            return dengan_narasi(found, entry)
        if found is not None:
            if entry is not None and entry.ada_nilai:
                raise dua_kali(
                    ctx, kode, periode, found, "nilai" if entry.nilai is not None else "pembilang"
                )
            return dengan_narasi(register(ctx, formula, found, periode), entry)
    if entry is None:
        return None
    base = dari_entri(ctx, kode, periode, entry)
    if entry.pembilang is None:
        return base
    penyebut = entry.penyebut
    stok = False
    if formula.penyebut_tetap is not None:
        stok = True
        penyebut = entry.penyebut if entry.penyebut is not None else formula.penyebut_tetap
    elif penyebut is None:
        raise DataError(
            f"penyebut wajib diisi ({formula.penyebut}); formula tidak punya penyebut_tetap",
            ctx.lokasi(periode, "realisasi", kode),
            field=f"{kode} → penyebut",
            code="R101",
        )
    return replace(
        base,
        pembilang=entry.pembilang,
        penyebut=penyebut,
        penyebut_stok=stok,
        dihitung=True,
        lokasi_penyebut=(
            None if entry.penyebut is None else ctx.lokasi(periode, "realisasi", kode, "penyebut")
        ),
    )


def register(ctx: KonteksFormula, formula: FormulaRasio, path: Path, periode: str) -> HasilPeriode:
    """A register of items (recommendations, findings) with a yes/no follow-up column."""
    csv_file = buka_csv(path)
    col_id = csv_file.column("nomor")
    col_done = csv_file.column("ditindaklanjuti")
    col_instansi = csv_file.column("instansi", required=False)
    dated = [(name, i) for name in KOLOM_TANGGAL if (i := csv_file.column(name, False)) is not None]
    assert col_id is not None and col_done is not None
    seen: dict[str, tuple[str, int]] = {}
    items: list[tuple[str, str, bool]] = []
    for line, cells in csv_file.rows():
        nomor = sel(cells, col_id)
        if not nomor:
            raise DataError("kolom nomor kosong", Location(path, line), code="R304")
        key = kunci_banding(nomor)
        if key in seen:
            first, first_line = seen[key]
            same = "" if first == nomor else f" = {tampak(first)}"
            raise DataError(
                f"nomor {tampak(nomor)} ganda{same} (pertama di baris {first_line})",
                Location(path, line),
                code="R308",
            )
        seen[key] = (nomor, line)
        for name, index in dated:
            batas_periode(path, line, periode, ctx.tahun, name, sel(cells, index))
        nama = ""
        if col_instansi is not None and sel(cells, col_instansi):
            nama = ctx.referensi.pencari.cari(sel(cells, col_instansi), path, line).nama
        items.append((nomor, nama, ya_tidak(path, line, "ditindaklanjuti", sel(cells, col_done))))
    done = sum(1 for _, _, d in items if d)
    rincian = RincianRasio(
        path, formula.pembilang, formula.penyebut, done, len(items), tuple(items)
    )
    if not items:
        return HasilPeriode(
            keterangan=("berkas tanpa butir",), rincian=rincian, lokasi=Location(path)
        )
    return HasilPeriode(
        pembilang=done,
        penyebut=len(items),
        penyebut_stok=True,
        rincian=rincian,
        lokasi=Location(path),
        dihitung=True,
    )


def berkas(formula: FormulaRasio) -> tuple[str, ...]:
    return (formula.berkas,) if formula.berkas else ()


def dibaca(formula: FormulaRasio, folder: Path) -> BerkasDibaca:
    return BerkasDibaca(rekaman_dibaca(folder, berkas(formula)))


def uraian(formula: FormulaRasio) -> str:
    tetap = f" (penyebut tetap {formula.penyebut_tetap:g})" if formula.penyebut_tetap else ""
    return f"{formula.pembilang} / {formula.penyebut} × 100{tetap}"
