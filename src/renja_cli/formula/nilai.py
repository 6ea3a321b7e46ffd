"""``nilai``: the realisasi is a value given directly (SAKIP score, IKPA)."""

from pathlib import Path
from typing import Literal

from renja_cli.formula.hasil import BerkasDibaca, HasilPeriode, KonteksFormula
from renja_cli.formula.umum import bentuk_salah, dari_entri
from renja_cli.model.dasar import Strict
from renja_cli.model.realisasi import EntriRealisasi


class FormulaNilai(Strict):
    """Realisasi is a value given directly (SAKIP score, IKPA)."""

    jenis: Literal["nilai"]


def hitung(
    ctx: KonteksFormula,
    kode: str,
    formula: FormulaNilai,
    periode: str,
    entry: EntriRealisasi | None,
) -> HasilPeriode | None:
    if entry is None:
        return None
    if entry.pembilang is not None:
        raise bentuk_salah(ctx, kode, periode, "pembilang", "nilai", "nilai")
    if entry.komponen is not None:
        raise bentuk_salah(ctx, kode, periode, "komponen", "nilai", "nilai")
    return dari_entri(ctx, kode, periode, entry)


def berkas(formula: FormulaNilai) -> tuple[str, ...]:
    return ()


def dibaca(formula: FormulaNilai, folder: Path) -> BerkasDibaca:
    return BerkasDibaca()


def uraian(formula: FormulaNilai) -> str:
    return "nilai langsung"
