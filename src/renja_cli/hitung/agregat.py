"""Aggregate capaian: the *nilai capaian* of a sasaran and of the office, and the
predikat a capaian earns on the office's scale.

Rule (README, "Predikat dan nilai capaian"): the mean of the capaian of the
indicators that have one (indicators without data are left out and counted),
each first limited to ``pengaturan.batas_agregat`` when set (after the
indicator's own ``batas_capaian``). The office figure is the mean of the
sasaran figures (``agregat_kantor: rata_rata_sasaran``, the default) or of all
indicators (``rata_rata_indikator``).
"""

from __future__ import annotations

from collections.abc import Iterable

from renja_cli.model.referensi import Skala
from renja_cli.rekaman import dataclass


@dataclass(frozen=True, slots=True)
class NilaiAgregat:
    """A mean of capaian, what went into it, and its predikat."""

    nilai: float | None
    dinilai: int
    """How many values went into the mean."""
    tanpa_data: int
    """How many were left out for lack of a capaian."""
    predikat: str | None = None


KOSONG = NilaiAgregat(None, 0, 0)


def rata_rata(
    capaian: Iterable[float | None], batas: float | None, skala: Skala | None
) -> NilaiAgregat:
    """The mean of the values present, each limited to ``batas`` first."""
    values = list(capaian)
    present = [min(v, batas) if batas is not None else v for v in values if v is not None]
    nilai = sum(present) / len(present) if present else None
    return NilaiAgregat(
        nilai, len(present), len(values) - len(present), predikat_capaian(skala, nilai)
    )


def predikat_capaian(skala: Skala | None, capaian: float | None) -> str | None:
    """The band of the office's capaian scale a capaian falls in (None without a scale)."""
    if skala is None or capaian is None:
        return None
    band = skala.golongkan(capaian)
    return band.kode if band is not None else None
