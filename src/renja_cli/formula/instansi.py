"""``persentase_instansi``: share of the population of instansi meeting a criterion.

The record file has one row per instansi, found by code, official name or
alias. Instansi without a row are counted as not meeting the criterion and
listed, or (``instansi_hilang: belum_lengkap``) make the period incomplete.
"""

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from renja_cli.errors import DataError, Location
from renja_cli.formula.hasil import (
    BarisInstansi,
    BerkasDibaca,
    HasilPeriode,
    KonteksFormula,
    RincianInstansi,
)
from renja_cli.formula.umum import rekaman_dibaca, satu_berkas
from renja_cli.io.csvfile import angka, buka_csv, sel, ya_tidak
from renja_cli.model.dasar import BerkasPeriode, InstansiHilang, KodeBebas, Strict, Teks
from renja_cli.model.realisasi import EntriRealisasi
from renja_cli.model.referensi import Skala


class KriteriaStatus(Strict):
    """An instansi counts when its yes/no column is true."""

    jenis: Literal["status"]
    kolom: Teks = "memenuhi"


class KriteriaPredikat(Strict):
    """An instansi counts when its score reaches a predicate of a scale."""

    jenis: Literal["predikat"]
    skala: KodeBebas = Field(description="Nama skala di data/skala.yaml")
    minimal: Teks = Field(description="Predikat terendah yang dihitung memenuhi")
    kolom: Teks = "nilai"


class FormulaPersentaseInstansi(Strict):
    """Share of the population of instansi meeting a criterion."""

    jenis: Literal["persentase_instansi"]
    berkas: BerkasPeriode = Field(description="CSV satu baris per instansi di folder periode")
    kriteria: Annotated[KriteriaStatus | KriteriaPredikat, Field(discriminator="jenis")]
    populasi: KodeBebas = Field("instansi", description="Populasi di data/instansi.yaml")
    instansi_hilang: InstansiHilang | None = None


def hitung(
    ctx: KonteksFormula,
    kode: str,
    formula: FormulaPersentaseInstansi,
    periode: str,
    entry: EntriRealisasi | None,
) -> HasilPeriode | None:
    return satu_berkas(
        ctx,
        kode,
        periode,
        entry,
        "persentase_instansi",
        formula.berkas,
        lambda found: hitung_berkas(ctx, formula, found),
    )


def periksa_kriteria(
    ctx: KonteksFormula, formula: FormulaPersentaseInstansi, where: Path | None
) -> tuple[Skala | None, int]:
    """The scale and lowest counted rank a criterion names (R307 when unknown)."""
    ref = ctx.referensi
    if formula.populasi != ref.instansi.populasi:
        raise DataError(
            f"populasi '{formula.populasi}' tidak dikenal; instansi.yaml berisi populasi "
            f"'{ref.instansi.populasi}'",
            Location(where),
            code="R307",
        )
    kriteria = formula.kriteria
    if kriteria.jenis != "predikat":
        return None, 0
    skala = ref.skala(kriteria.skala, where)
    if not isinstance(skala, Skala):
        raise DataError(
            f"skala '{kriteria.skala}' ordinal (tanpa pita angka); kriteria predikat memerlukan "
            "skala berpita min/maks",
            Location(where),
            code="R307",
        )
    rank = skala.peringkat(kriteria.minimal)
    if rank is None:
        pilihan = ", ".join(p.kode for p in skala.predikat)
        raise DataError(
            f"predikat minimal '{kriteria.minimal}' tidak ada di skala {kriteria.skala} "
            f"(pilihan: {pilihan})",
            Location(where),
            code="R307",
        )
    return skala, rank


def hitung_berkas(
    ctx: KonteksFormula, formula: FormulaPersentaseInstansi, path: Path
) -> HasilPeriode:
    ref = ctx.referensi
    skala, minimal_rank = periksa_kriteria(ctx, formula, path)
    kriteria = formula.kriteria
    if skala is not None:
        label = f"≥ {skala.predikat[minimal_rank].label}"
    else:
        label = f"{kriteria.kolom} = ya"
    csv_file = buka_csv(path)
    col_instansi = csv_file.column("instansi")
    col_nilai = csv_file.column(kriteria.kolom)
    assert col_instansi is not None and col_nilai is not None
    pencari = ref.pencari
    seen: dict[str, int] = {}
    rows: list[BarisInstansi] = []
    for line, cells in csv_file.rows():
        item = pencari.cari(sel(cells, col_instansi), path, line)
        if item.kode in seen:
            raise DataError(
                f"instansi {item.nama} ({item.kode}) ganda (pertama di baris {seen[item.kode]})",
                Location(path, line),
                code="R308",
            )
        seen[item.kode] = line
        text = sel(cells, col_nilai)
        if not text:
            continue  # a row without a value counts as no record
        nilai: float | None = None
        predikat = None
        if skala is not None:
            nilai = angka(path, line, kriteria.kolom, text)
            band = skala.golongkan(nilai)
            if band is None:
                low, high = skala.predikat[-1].min, skala.predikat[0].maks
                raise DataError(
                    f"nilai {text} di luar skala {skala.nama} ({low:g}-{high:g})",
                    Location(path, line),
                    code="R309",
                )
            predikat = band.kode
            memenuhi = skala.predikat.index(band) <= minimal_rank
        else:
            memenuhi = ya_tidak(path, line, kriteria.kolom, text)
        rows.append(
            BarisInstansi(item.kode, item.nama, item.provinsi, nilai, predikat, memenuhi, line)
        )
    recorded = {r.kode for r in rows}
    hilang = tuple((i.kode, i.nama) for i in ref.instansi.instansi if i.kode not in recorded)
    aturan = formula.instansi_hilang or ctx.pengaturan.instansi_hilang
    populasi = len(ref.instansi.instansi)
    jumlah = sum(1 for r in rows if r.memenuhi)
    belum_lengkap = bool(hilang) and aturan == "belum_lengkap"
    rincian = RincianInstansi(path, label, populasi, jumlah, tuple(rows), hilang, belum_lengkap)
    notes = []
    if hilang:
        notes.append(
            f"{len(hilang)} dari {populasi} instansi tanpa catatan"
            + (" (hasil belum lengkap)" if belum_lengkap else " (dihitung tidak memenuhi)")
        )
    if belum_lengkap:
        return HasilPeriode(
            tersedia=False,
            lengkap=False,
            keterangan=tuple(notes),
            rincian=rincian,
            lokasi=Location(path),
        )
    return HasilPeriode(
        pembilang=jumlah,
        penyebut=populasi,
        penyebut_stok=True,
        keterangan=tuple(notes),
        rincian=rincian,
        lokasi=Location(path),
        dihitung=True,
    )


def berkas(formula: FormulaPersentaseInstansi) -> tuple[str, ...]:
    return (formula.berkas,)


def dibaca(formula: FormulaPersentaseInstansi, folder: Path) -> BerkasDibaca:
    return BerkasDibaca(rekaman_dibaca(folder, berkas(formula)))


def uraian(formula: FormulaPersentaseInstansi) -> str:
    k = formula.kriteria
    kriteria = f"predikat {k.skala} minimal {k.minimal}" if k.jenis == "predikat" else k.kolom
    return f"instansi yang memenuhi ({kriteria}) / populasi {formula.populasi} × 100"
