"""``arsip_digital``: share of NIPs whose digital personnel archive reaches a category.

One row per NIP with nine document flags (seed, Tabel 25): *lengkap* = all of
1–9, *terisi* = all of 1–4, otherwise *tersedia*. NIPs are normalised (spaces,
Excel's apostrophe, ``.0``) and checked as 18 digits; duplicates are found on
the NIP as an integer, which keeps memory small at national scale.
"""

from pathlib import Path
from typing import Literal

from pydantic import Field

from renja_cli.errors import DataError, Location
from renja_cli.formula.hasil import HasilPeriode, KonteksFormula, RincianArsip
from renja_cli.formula.umum import bentuk_salah, berkas_rekaman, dari_entri, dengan_narasi, dua_kali
from renja_cli.io.csvfile import buka_csv, nip, ya_tidak
from renja_cli.model.dasar import Strict, Teks
from renja_cli.model.realisasi import EntriRealisasi

DOKUMEN_ARSIP = (
    "daftar_riwayat_hidup",
    "sk_cpns",
    "sk_pns",
    "riwayat_pendidikan",
    "spmt_cpns",
    "riwayat_golongan",
    "riwayat_jabatan",
    "riwayat_pindah_instansi",
    "riwayat_diklat",
)
"""The nine document kinds of IKK.6, in the seed's order (1-9)."""


class FormulaArsipDigital(Strict):
    """Share of NIPs whose digital personnel archive reaches a category."""

    jenis: Literal["arsip_digital"]
    berkas: Teks = Field(description="CSV satu baris per NIP")
    kategori_minimal: Literal["terisi", "lengkap"] = "terisi"
    lengkap_dihitung_terisi: bool = Field(
        True,
        description="Apakah NIP berkategori lengkap ikut dihitung 'kategori terisi' "
        "(naskah sumber tidak menyatakannya)",
    )


def hitung(
    ctx: KonteksFormula,
    kode: str,
    formula: FormulaArsipDigital,
    periode: str,
    entry: EntriRealisasi | None,
) -> HasilPeriode | None:
    if entry is not None and entry.predikat is not None:
        raise bentuk_salah(ctx, kode, periode, "predikat", "arsip_digital", "nilai angka")
    if entry is not None:
        for field in ("pembilang", "komponen"):
            if getattr(entry, field) is not None:
                raise bentuk_salah(
                    ctx, kode, periode, field, "arsip_digital", f"berkas {formula.berkas}"
                )
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
            raise dua_kali(ctx, kode, periode, found, "nilai")
        return dengan_narasi(hitung_berkas(formula, found), entry)
    return None if entry is None else dari_entri(ctx, kode, periode, entry)


def kategori_arsip(dokumen: tuple[bool, ...]) -> str:
    """IKK.6 category of one NIP from its nine document flags (seed, Tabel 25)."""
    if all(dokumen):
        return "lengkap"
    if all(dokumen[:4]):
        return "terisi"
    return "tersedia"


def hitung_berkas(formula: FormulaArsipDigital, path: Path) -> HasilPeriode:
    csv_file = buka_csv(path)
    col_nip = csv_file.column("nip")
    cols = [csv_file.column(name) for name in DOKUMEN_ARSIP]
    assert col_nip is not None
    indices = [c for c in cols if c is not None]
    counts = {"tersedia": 0, "terisi": 0, "lengkap": 0}
    seen: set[int] = set()
    # rows repeat a handful of cell patterns ("1", "0", ""): classify each pattern once
    category: dict[tuple[str, ...], str] = {}
    for line, cells in csv_file.rows():
        text = cells[col_nip]
        if not text.strip():
            raise DataError("kolom nip kosong", Location(path, line), code="R304")
        number = nip(path, line, text)
        if number in seen:
            raise DataError(f"NIP {number} ganda", Location(path, line), code="R308")
        seen.add(number)
        key = tuple([cells[i] for i in indices])
        kategori = category.get(key)
        if kategori is None:
            flags = tuple(
                ya_tidak(path, line, name, cell)
                for name, cell in zip(DOKUMEN_ARSIP, key, strict=True)
            )
            kategori = category[key] = kategori_arsip(flags)
        counts[kategori] += 1
    total = sum(counts.values())
    if formula.kategori_minimal == "lengkap":
        dihitung = counts["lengkap"]
    else:
        dihitung = counts["terisi"] + (counts["lengkap"] if formula.lengkap_dihitung_terisi else 0)
    rincian = RincianArsip(
        path,
        total,
        counts["tersedia"],
        counts["terisi"],
        counts["lengkap"],
        dihitung,
        formula.kategori_minimal,
        formula.lengkap_dihitung_terisi,
    )
    if not total:
        return HasilPeriode(
            keterangan=("berkas tanpa NIP",), rincian=rincian, lokasi=Location(path)
        )
    return HasilPeriode(
        pembilang=dihitung,
        penyebut=total,
        penyebut_stok=True,
        rincian=rincian,
        lokasi=Location(path),
        dihitung=True,
    )


def berkas(formula: FormulaArsipDigital) -> tuple[str, ...]:
    return (formula.berkas,)


def uraian(formula: FormulaArsipDigital) -> str:
    return (
        f"NIP berkategori minimal {formula.kategori_minimal} / seluruh NIP × 100 "
        f"(lengkap dihitung terisi: {'ya' if formula.lengkap_dihitung_terisi else 'tidak'})"
    )
