"""Which marks (asumsi/turunan/contoh) belong to which value a report shows.

A mark's ``bidang`` names the value it qualifies; a renderer asks for the marks
of the cell it is writing, so a table shows the mark of the target it prints
and not of one it leaves out.
"""

from __future__ import annotations

from collections.abc import Iterable

from renja_cli.model.dasar import TandaNilai
from renja_cli.model.rencana import Indikator

BIDANG_REALISASI = ("realisasi", "formula", "periode")
"""Fields whose marks qualify the realisasi: the entry itself, how it is computed
(``formula.penyebut_tetap``) and how quarters combine (``periode``)."""


def unik(items: Iterable[TandaNilai]) -> tuple[TandaNilai, ...]:
    return tuple(dict.fromkeys(items))


def _cocok(bidang: str, nama: str) -> bool:
    return bidang == nama or bidang.startswith(nama + ".")


def tanda_target(tanda: Iterable[TandaNilai], jenis: str) -> tuple[TandaNilai, ...]:
    """Marks of the target ``jenis`` (``target.pk``)."""
    return tuple(t for t in tanda if t.bidang == f"target.{jenis}")


def tanda_realisasi(tanda: Iterable[TandaNilai]) -> tuple[TandaNilai, ...]:
    """Marks of the realisasi: its entry, its formula, its period rule."""
    return tuple(t for t in tanda if any(_cocok(t.bidang, b) for b in BIDANG_REALISASI))


def tanda_indikator_realisasi(ind: Indikator) -> tuple[TandaNilai, ...]:
    """Marks written under the indicator's ``tanda:`` that qualify its realisasi."""
    return ind.tanda_bidang("formula", "periode")


def tanda_semua_target(ind: Indikator) -> tuple[TandaNilai, ...]:
    return tuple(t for name in ind.target for t in ind.tanda_target(name))
