"""What the remaining quarters must bring to reach the annual target.

The projection starts from the figure's own arithmetic (the counts and
periods the combiner used) and ends at the status rule's threshold
(:func:`batas_tercapai`, checked with :func:`tercapai_dengan`), so applying
the requirement gives *tercapai* in the same table that shows it.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from renja_cli.hitung.capaian import (
    AturanCapaian,
    Status,
    batas_tercapai,
    realisasi_tercapai,
    tercapai_dengan,
)
from renja_cli.hitung.periode import NilaiRealisasi
from renja_cli.model.dasar import TargetSpec
from renja_cli.numbers import POLOS, Tampilan, format_number
from renja_cli.rekaman import dataclass

if TYPE_CHECKING:
    from renja_cli.model.rencana import Indikator

StatusProyeksi = Literal["tercapai", "perlu", "tidak_terjangkau", "tanpa_data"]


@dataclass(frozen=True, slots=True)
class Proyeksi:
    """What the remaining quarters must bring to reach the annual target."""

    status: StatusProyeksi
    dibutuhkan: float | None
    """The realisasi, count or mean still needed, in the indicator's own terms."""
    triwulan_tersisa: int
    uraian: str
    jenis: Literal["nilai_akhir", "tambahan", "rata_rata", "butir", "kurangi", "tidak_ada"] = (
        "tidak_ada"
    )
    """What ``dibutuhkan`` is: the year-end value, an amount to add, the mean of
    the remaining quarters, items to complete, or items to reduce by."""
    pembilang: float | None = None
    penyebut: float | None = None
    """The counts the requirement starts from (``butir``, ``kurangi``)."""
    suku: tuple[float, ...] = ()
    """The quarters' values the mean starts from (``rata_rata``)."""


def _count_needed(
    pembilang: float, penyebut: float, target: TargetSpec, aturan: AturanCapaian
) -> int | None:
    """The count (of ``penyebut``) that first earns *tercapai*; None when none does."""
    goal = batas_tercapai(target, aturan)
    if not math.isfinite(goal):
        return None

    def ok(c: int) -> bool:
        return tercapai_dengan(c / penyebut * 100, target, aturan)

    total = int(penyebut)
    if aturan.arah == "turun":
        c = max(0, min(total, math.floor(goal / 100 * penyebut + 1e-9)))
        while c < total and ok(c + 1):
            c += 1
        while c >= 0 and not ok(c):
            c -= 1
        return c if c >= 0 else None
    c = max(0, min(total, math.ceil(goal / 100 * penyebut - 1e-9)))
    while c > 0 and ok(c - 1):
        c -= 1
    while c <= total and not ok(c):
        c += 1
    return c if c <= total else None


def proyeksikan(
    ind: Indikator,
    aturan: AturanCapaian,
    real: NilaiRealisasi,
    realisasi: float | None,
    status: Status,
    target: TargetSpec | None,
    triwulan: int,
    tampilan: Tampilan = POLOS,
) -> Proyeksi:
    """What the remaining quarters must bring, under the indicator's period rule.

    ``realisasi`` and ``status`` are the row's reported figure and status; a row
    without data (*belum ada data*) gets no verdict, only what the year must bring.
    """
    sisa = 4 - triwulan

    def fmt(value: float | None) -> str:
        return "—" if value is None else tampilan.teks(value)

    if target is None:
        return Proyeksi("tanpa_data", None, sisa, "tidak ada target")
    if status == "tercapai":
        return Proyeksi("tercapai", None, sisa, "target tahunan sudah tercapai; pertahankan")
    if status == "belum_ada_data" and sisa == 0:
        # no figure, no verdict: "not yet available" is not "not reached"
        return Proyeksi(
            "tanpa_data", None, 0, "belum ada realisasi akhir tahun; belum dapat dinilai"
        )
    if sisa == 0:
        return Proyeksi("tidak_terjangkau", None, 0, "tahun berakhir; target tidak tercapai")
    if target.predikat is not None:
        harus = f"predikat akhir tahun harus setidaknya {target.predikat}"
        if status == "belum_ada_data":
            return Proyeksi(
                "tanpa_data", None, sisa, f"belum ada realisasi; {harus}", "nilai_akhir"
            )
        return Proyeksi("perlu", None, sisa, harus, "nilai_akhir")
    if (
        aturan.arah == "stabil"
        and target.maks is not None
        and realisasi is not None
        and realisasi > target.maks
    ):
        # above a range where inside is best: the value must come down to its top, so
        # the year is projected as for lower-is-better (at 90 against 60–85: "paling
        # tinggi 85", not "mencapai 60")
        aturan = replace(aturan, arah="turun")
    found = realisasi_tercapai(target, aturan)
    turun = aturan.arah == "turun"
    rentang = ind.rentang_nilai
    if found is None:
        return Proyeksi("tidak_terjangkau", None, sisa, "ambang tercapai tidak dapat dicapai")
    goal = found
    if rentang is not None and (goal < rentang.min if turun else goal > rentang.maks):
        batas = rentang.min if turun else rentang.maks
        return Proyeksi(
            "tidak_terjangkau",
            goal,
            sisa,
            f"target {fmt(goal)} di luar nilai yang mungkin ({fmt(batas)})",
            "nilai_akhir",
        )
    kata = "paling tinggi" if turun else "mencapai"
    if realisasi is None:
        return Proyeksi(
            "tanpa_data",
            goal,
            sisa,
            f"belum ada realisasi; nilai akhir tahun harus {kata} {fmt(goal)}",
            "nilai_akhir",
        )
    if ind.periode == "rata_rata":
        values = [
            v for p, h in real.hasil if p in real.dipakai and (v := h.nilai_sendiri()) is not None
        ]
        needed = (goal * (len(values) + sisa) - sum(values)) / sisa
        text = f"rata-rata {sisa} triwulan tersisa harus {kata} {fmt(needed)}"
        verdict: StatusProyeksi = "perlu"
        if rentang is not None and (needed < rentang.min if turun else needed > rentang.maks):
            batas = rentang.min if turun else rentang.maks
            verdict = "tidak_terjangkau"
            text = f"{text}, di luar nilai yang mungkin ({fmt(batas)})"
        return Proyeksi(verdict, needed, sisa, text, "rata_rata", suku=tuple(values))
    if real.dari_hitungan and real.penyebut:
        assert real.pembilang is not None
        p, q = real.pembilang, real.penyebut
        c = _count_needed(p, q, target, aturan)
        kumulatif_baru = ind.periode == "kumulatif" and not real.penyebut_stok
        if turun:
            if c is None:
                return Proyeksi(
                    "tidak_terjangkau",
                    None,
                    sisa,
                    "tidak ada jumlah yang mencapai target",
                    "kurangi",
                )
            need = p - c
            return Proyeksi(
                "perlu",
                need,
                sisa,
                f"kurangi {format_number(need, 0)} (kini {format_number(p, 0)} dari "
                f"{format_number(q, 0)}; paling banyak {format_number(c, 0)})",
                "kurangi",
                p,
                q,
            )
        left = q - p
        if c is None:
            return Proyeksi(
                "tidak_terjangkau",
                None,
                sisa,
                f"seluruh {format_number(q, 0)} pun tidak mencapai target",
                "butir",
            )
        need = c - p
        if kumulatif_baru:
            text = (
                f"tindak lanjuti {format_number(need, 0)} butir lagi dari "
                f"{format_number(left, 0)} yang terbuka (butir baru ikut menambah penyebut)"
            )
        else:
            text = (
                f"perlu {format_number(need, 0)} lagi (kini {format_number(p, 0)} dari "
                f"{format_number(q, 0)}; ±{format_number(need / sisa, 1, trim=True)} per triwulan)"
            )
        return Proyeksi("perlu", need, sisa, text, "butir", p, q)
    if ind.periode == "kumulatif":
        need = goal - realisasi
        kata = "mengurangi" if turun else "menambah"
        return Proyeksi(
            "perlu",
            need,
            sisa,
            f"{sisa} triwulan tersisa harus {kata} {fmt(abs(need))}",
            "tambahan",
        )
    text = f"nilai akhir tahun harus {kata} {fmt(goal)} (kini {fmt(realisasi)})"
    return Proyeksi("perlu", goal, sisa, text, "nilai_akhir")
