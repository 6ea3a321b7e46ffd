"""Formula kinds: how one period's realisasi of an indicator is formed.

Each kind is one module declaring its pydantic model (what the targets file
says) and its arithmetic (``hitung``: one period's :class:`HasilPeriode` from
the YAML entry and record files), the record files it reads (``berkas``) and
its description in words (``uraian``). Adding a kind means one module and one
entry in :data:`JENIS` and in :data:`Formula` below.
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from renja_cli.formula import arsip, instansi, nilai, rasio, rata_rata
from renja_cli.formula.arsip import FormulaArsipDigital
from renja_cli.formula.instansi import FormulaPersentaseInstansi
from renja_cli.formula.nilai import FormulaNilai
from renja_cli.formula.rasio import FormulaRasio
from renja_cli.formula.rata_rata import FormulaRataRata, Komponen
from renja_cli.rekaman import dataclass

if TYPE_CHECKING:
    from renja_cli.formula.hasil import BerkasDibaca, HasilPeriode, KonteksFormula
    from renja_cli.model.realisasi import EntriRealisasi

Formula = Annotated[
    FormulaNilai | FormulaRasio | FormulaPersentaseInstansi | FormulaRataRata | FormulaArsipDigital,
    Field(discriminator="jenis"),
]


@dataclass(frozen=True, slots=True)
class JenisFormula:
    """The four things the rest of renja asks of a formula kind."""

    hitung: Callable[..., Any]
    berkas: Callable[[Any], tuple[str, ...]]
    uraian: Callable[[Any], str]
    dibaca: Callable[[Any, Path], "BerkasDibaca"]


def _jenis(module: Any) -> JenisFormula:
    return JenisFormula(module.hitung, module.berkas, module.uraian, module.dibaca)


JENIS: dict[str, JenisFormula] = {
    "nilai": _jenis(nilai),
    "rasio": _jenis(rasio),
    "persentase_instansi": _jenis(instansi),
    "rata_rata": _jenis(rata_rata),
    "arsip_digital": _jenis(arsip),
}


def hitung_periode(
    ctx: "KonteksFormula", kode: str, formula: Formula, periode: str, entry: "EntriRealisasi | None"
) -> "HasilPeriode | None":
    """One period's result for an indicator; None when the period says nothing of it."""
    result: HasilPeriode | None = JENIS[formula.jenis].hitung(ctx, kode, formula, periode, entry)
    return result


def berkas_formula(formula: Formula) -> tuple[str, ...]:
    """Record files a formula reads from each period folder."""
    return JENIS[formula.jenis].berkas(formula)


def berkas_dibaca(formula: Formula, folder: Path) -> "BerkasDibaca":
    """The files a formula reads from one period folder, found as its ``hitung`` finds
    them (patterns expanded by the survey finder; may raise R013)."""
    return JENIS[formula.jenis].dibaca(formula, folder)


def uraian_formula(formula: Formula) -> str:
    """The formula in words, as ``rincian`` and reports show it."""
    return JENIS[formula.jenis].uraian(formula)


__all__ = [
    "JENIS",
    "Formula",
    "FormulaArsipDigital",
    "FormulaNilai",
    "FormulaPersentaseInstansi",
    "FormulaRasio",
    "FormulaRataRata",
    "Komponen",
    "berkas_dibaca",
    "berkas_formula",
    "hitung_periode",
    "uraian_formula",
]
