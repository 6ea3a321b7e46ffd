"""How the quarters of a year combine into one realisasi — the one combiner.

``capaian``, ``rincian``, ``ringkasan`` (and its projection), ``tren`` and
``validasi`` all call :func:`gabung`, which returns the value together with
the counts and periods it used, so the sentence ``rincian`` prints and the
projection's arithmetic are the figure's own arithmetic.

* ``terakhir``: the latest period with a value.
* ``rata_rata``: the mean of the periods' own values.
* ``kumulatif``: counts add up (a stock denominator such as 199.820 active PNS
  is taken from the latest period, not added); a value given directly is the
  running total to date, and counts after it add to nothing before it (a
  note says so). For ``nilai`` formulas the values add up.

A latest period that is incomplete (records for part of the population under
``belum_lengkap``, a record file missing under ``berkas_hilang:
belum_ada_data``) gives no figure: it is never replaced by an earlier period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from renja_cli.errors import Location
from renja_cli.formula.hasil import HasilPeriode
from renja_cli.model.dasar import Periode
from renja_cli.rekaman import dataclass

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def triwulan_tanggal(d: date) -> int:
    """The quarter a date falls in: 2025-07-15 → 3."""
    return (d.month - 1) // 3 + 1


def batas_triwulan(periode: str) -> int:
    """The last quarter a period file covers: ``tw3`` → 3, ``tahunan`` → 4."""
    return 4 if periode == "tahunan" else int(periode[2:])


def sesudah_periode(tahun: int, triwulan: int, periode: str, tahun_berkas: int) -> bool:
    """Whether something of quarter ``triwulan`` of ``tahun`` falls after the period of
    the file it stands in (R312: a register row, a survey answer)."""
    return (tahun, triwulan) > (tahun_berkas, batas_triwulan(periode))


def label_periode(periode: str | None) -> str:
    """``tw3`` → ``TW III``; ``tahunan`` → ``Tahunan``."""
    if periode is None:
        return "-"
    if periode.startswith("tw"):
        return f"TW {ROMAWI[int(periode[2:])]}"
    return "Tahunan"


@dataclass(frozen=True, slots=True)
class NilaiRealisasi:
    """Realisasi of an indicator combined over the periods up to a point."""

    nilai: float | None
    """Unrounded; see :meth:`AturanCapaian.bulatkan` for the reported figure."""
    predikat: str | None = None
    """A grade given as realisasi (ordinal indicators; latest-value rule only)."""
    periode: str | None = None
    """The latest period whose value counts."""
    dipakai: tuple[str, ...] = ()
    """Every period whose value went into the figure."""
    pembilang: float | None = None
    penyebut: float | None = None
    penyebut_stok: bool = False
    sementara: bool = False
    dihitung: bool = False
    """Computed by renja (counts, records, components, several periods) rather
    than typed by the office."""
    keterangan: tuple[str, ...] = ()
    hasil: tuple[tuple[str, HasilPeriode], ...] = ()
    """Every period read, oldest first."""
    lokasi: Location | None = None

    @property
    def dari_hitungan(self) -> bool:
        return self.pembilang is not None and self.penyebut is not None


def gabung(
    aturan: Periode, hasil: Sequence[tuple[str, HasilPeriode]], nilai_dijumlah: bool = False
) -> NilaiRealisasi:
    """Combine per-period results under a period rule.

    ``nilai_dijumlah``: under ``kumulatif``, values given directly are
    increments to add up (``nilai`` formulas) rather than a running total.
    """
    notes = [f"{label_periode(p)}: {k}" for p, h in hasil for k in h.keterangan]
    ada = [(p, h) for p, h in hasil if h.tersedia and h.ada_nilai]
    if not ada or not hasil[-1][1].lengkap:
        # an incomplete latest period is reported as such, never replaced by older data
        return NilaiRealisasi(None, keterangan=tuple(notes), hasil=tuple(hasil))
    last_p, last = ada[-1]
    base = NilaiRealisasi(
        None, periode=last_p, keterangan=tuple(notes), hasil=tuple(hasil), lokasi=last.lokasi
    )
    if aturan == "terakhir":
        return replace(
            base,
            nilai=last.nilai_sendiri(),
            predikat=last.predikat,
            dipakai=(last_p,),
            pembilang=last.pembilang,
            penyebut=last.penyebut,
            penyebut_stok=last.penyebut_stok,
            sementara=last.sementara,
            dihitung=last.dihitung,
        )
    if aturan == "rata_rata" or nilai_dijumlah:
        used = [(p, v, h) for p, h in ada if (v := h.nilai_sendiri()) is not None]
        total = sum(v for _, v, _ in used)
        return replace(
            base,
            nilai=(total / len(used) if aturan == "rata_rata" else total) if used else None,
            dipakai=tuple(p for p, _, _ in used),
            sementara=any(h.sementara for _, _, h in used),
            dihitung=len(used) > 1 or last.dihitung,
        )
    if last.nilai is not None:  # a running total to date, as typed
        return replace(base, nilai=last.nilai, dipakai=(last_p,), sementara=last.sementara)
    start = max((i for i, (_, h) in enumerate(ada) if h.nilai is not None), default=-1)
    rows = ada[start + 1 :]
    if start >= 0:
        notes.append(
            f"nilai langsung {label_periode(ada[start][0])} adalah total s.d. periode itu; "
            "hitungan sesudahnya dihitung tersendiri"
        )
    pembilang = sum(h.pembilang or 0 for _, h in rows)
    stok = last.penyebut_stok
    penyebut = last.penyebut if stok else sum(h.penyebut or 0 for _, h in rows)
    if not penyebut:
        notes.append("penyebut kumulatif 0: belum ada butir yang dapat dinilai")
    return replace(
        base,
        nilai=pembilang / penyebut * 100 if penyebut else None,
        dipakai=tuple(p for p, _ in rows),
        pembilang=pembilang,
        penyebut=penyebut,
        penyebut_stok=stok,
        sementara=any(h.sementara for _, h in rows),
        dihitung=True,
        keterangan=tuple(notes),
    )
