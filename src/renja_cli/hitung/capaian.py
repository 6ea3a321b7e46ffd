"""Capaian arithmetic: realisasi against one target, and the status it earns.

Rules (also in the README, "Aturan perhitungan"):

* ``naik`` (higher is better): capaian = realisasi / target × 100.
* ``turun`` (lower is better), ``kondisi_khusus`` (PermenPANRB): capaian =
  (2 × target − realisasi) / target × 100, never below 0; ``target_per_realisasi``:
  capaian = target / realisasi × 100 (undefined when realisasi is 0).
* range targets ``min``–``maks``: inside the range is 100 %. For ``naik``,
  below ``min`` is realisasi / min × 100 and above ``maks`` is realisasi / maks × 100;
  for ``turun`` the mirror image, measured from ``maks`` (above) and ``min`` (below);
  for ``stabil`` every step outside the range costs its relative distance from
  the nearest bound: 100 − |realisasi − bound| / bound × 100, never below 0.
* an optional cap (``batas_capaian``) is applied last.
* status: *tercapai* when the capaian as shown (rounded half-up to 2 decimals)
  reaches ``ambang_tercapai``.

Every setting is resolved once per indicator by :func:`aturan_capaian`, so no
command can apply one setting and forget another.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Literal

from renja_cli.errors import DataError
from renja_cli.model.dasar import Arah, AturanTurun, Pengaturan, TargetSpec
from renja_cli.model.referensi import Skala, SkalaOrdinal
from renja_cli.numbers import round_half_up
from renja_cli.rekaman import dataclass

if TYPE_CHECKING:
    from renja_cli.model.rencana import Indikator

Status = Literal["tercapai", "belum_tercapai", "belum_ada_data"]
STATUSES: tuple[Status, ...] = ("tercapai", "belum_tercapai", "belum_ada_data")


@dataclass(frozen=True, slots=True)
class AturanCapaian:
    """Every setting that turns one indicator's realisasi into capaian and status."""

    arah: Arah = "naik"
    aturan_turun: AturanTurun = "kondisi_khusus"
    batas: float | None = None
    ambang: float = 100.0
    presisi_realisasi: int | None = 2
    urutan: tuple[str, ...] | None = None
    """Grades of the indicator's scale, best first (ordinal indicators)."""
    skala: Skala | None = None
    """An interval scale that turns a numeric realisasi into a grade."""
    capaian_ordinal: bool = True
    """Ordinal indicators get a capaian (100 % when reached, else the rank ratio)."""

    def capaian(self, realisasi: float, target: TargetSpec) -> float:
        return hitung_capaian(realisasi, target, self)

    def status(self, capaian: float | None) -> Status:
        return tentukan_status(capaian, self.ambang)

    def bulatkan(self, realisasi: float | None, dihitung: bool = True) -> float | None:
        """Realisasi as reported: computed values rounded to ``presisi_realisasi``."""
        if realisasi is None or self.presisi_realisasi is None or not dihitung:
            return realisasi
        return float(round_half_up(realisasi, self.presisi_realisasi))


def aturan_capaian(
    pengaturan: Pengaturan,
    arah: Arah = "naik",
    aturan_turun: AturanTurun | None = None,
    batas_capaian: float | None = None,
    presisi_realisasi: int | str | None = None,
    skala: Skala | SkalaOrdinal | None = None,
    capaian_ordinal: bool = True,
) -> AturanCapaian:
    """The one place where an indicator's own settings override the office's."""
    presisi = pengaturan.presisi_realisasi
    if presisi_realisasi == "tanpa":
        presisi = None
    elif isinstance(presisi_realisasi, int):
        presisi = presisi_realisasi
    return AturanCapaian(
        arah=arah,
        aturan_turun=aturan_turun or pengaturan.aturan_turun,
        batas=batas_capaian if batas_capaian is not None else pengaturan.batas_capaian,
        ambang=pengaturan.ambang_tercapai,
        presisi_realisasi=presisi,
        urutan=tuple(skala.kode_urut) if skala is not None else None,
        skala=skala if isinstance(skala, Skala) else None,
        capaian_ordinal=capaian_ordinal,
    )


def _single(realisasi: float, target: float, arah: Arah, aturan: AturanTurun) -> float:
    if target == 0:
        raise DataError(
            "target 0 tidak dapat dipakai menghitung capaian (pembagian nol)", code="R216"
        )
    if arah == "naik":
        return realisasi / target * 100
    if arah == "turun":
        if aturan == "kondisi_khusus":
            return max(0.0, (2 * target - realisasi) / target * 100)
        if realisasi == 0:
            raise DataError(
                "realisasi 0 tidak dapat dipakai dengan aturan target_per_realisasi "
                "(pembagian nol); pakai aturan_turun: kondisi_khusus",
                code="R208",
            )
        return max(0.0, target / realisasi * 100)
    # stabil with a single value: any distance from the target costs
    return max(0.0, 100 - abs(realisasi - target) / abs(target) * 100)


def hitung_capaian(realisasi: float, target: TargetSpec, aturan: AturanCapaian) -> float:
    """Capaian (percent, unrounded) of ``realisasi`` against ``target``."""
    arah = aturan.arah
    if target.nilai is not None:
        value = _single(realisasi, target.nilai, arah, aturan.aturan_turun)
    else:
        low, high = target.min, target.maks
        assert low is not None and high is not None  # guaranteed by TargetSpec
        if low <= realisasi <= high:
            value = 100.0
        elif arah == "turun":
            value = _single(
                realisasi, high if realisasi > high else low, "turun", aturan.aturan_turun
            )
        else:
            value = _single(realisasi, low if realisasi < low else high, arah, aturan.aturan_turun)
    if aturan.batas is not None:
        value = min(value, aturan.batas)
    return value


def tentukan_status(capaian: float | None, ambang: float = 100) -> Status:
    """Status as the report shows it: decided on the figure rounded to 2 decimals.

    A capaian printed as ``100,00 %`` must never be labelled *belum tercapai*.
    """
    if capaian is None:
        return "belum_ada_data"
    return "tercapai" if round_half_up(capaian) >= round_half_up(ambang) else "belum_tercapai"


def membagi_nol(realisasi: float, target: TargetSpec, aturan: AturanCapaian) -> bool:
    """Whether capaian of ``realisasi`` is undefined (t/r rule with r = 0)."""
    if realisasi != 0 or aturan.arah != "turun" or aturan.aturan_turun != "target_per_realisasi":
        return False
    try:
        hitung_capaian(realisasi, target, aturan)
    except DataError:
        return True
    return False


def batas_tercapai(target: TargetSpec, aturan: AturanCapaian) -> float:
    """The realisasi at which the status becomes *tercapai*.

    For ``naik`` and ``stabil`` the least value that reaches the threshold, for
    ``turun`` the greatest (``inf``/``-inf`` when no value can). Used by the
    projection, so "what is still needed" follows the same status rule as the
    table.
    """
    a = aturan.ambang / 100
    kondisi = aturan.aturan_turun == "kondisi_khusus"
    if target.nilai is not None:
        low = high = target.nilai
    else:
        assert target.min is not None and target.maks is not None
        low, high = target.min, target.maks
    if aturan.arah == "naik":
        return low * a if a <= 1 else high * a
    if aturan.arah == "turun":
        bound = high if a <= 1 else low
        return bound * (2 - a) if kondisi else bound / a
    if a > 1:
        return math.inf
    return low - abs(low) * (1 - a) if target.nilai is not None else low * a


def tercapai_dengan(realisasi: float, target: TargetSpec, aturan: AturanCapaian) -> bool:
    """Whether a realisasi (rounded as reported) earns *tercapai*; the projection's check."""
    value = aturan.bulatkan(realisasi)
    assert value is not None
    if membagi_nol(value, target, aturan) or not math.isfinite(value):
        return False
    return aturan.status(hitung_capaian(value, target, aturan)) == "tercapai"


def realisasi_tercapai(target: TargetSpec, aturan: AturanCapaian) -> float | None:
    """The reportable realisasi that first earns *tercapai* (None when none can).

    :func:`batas_tercapai` moved to the reporting precision, then checked with
    the status rule itself, so rounding can never turn the goal into a miss.
    """
    goal = batas_tercapai(target, aturan)
    if not math.isfinite(goal):
        return None
    if aturan.presisi_realisasi is None:
        return goal if tercapai_dengan(goal, target, aturan) else None
    step = 10.0**-aturan.presisi_realisasi
    turun = aturan.arah == "turun"
    units = math.floor(goal / step + 1e-9) if turun else math.ceil(goal / step - 1e-9)
    toward, away = (1, -1) if turun else (-1, 1)

    def ok(u: int) -> bool:
        return tercapai_dengan(u * step, target, aturan)

    for _ in range(100):  # a few steps at most; bounded against odd settings
        if ok(units + toward):
            units += toward
        elif not ok(units):
            units += away
        else:
            return float(round_half_up(units * step, aturan.presisi_realisasi))
    return None


def aturan_indikator(
    pengaturan: Pengaturan, ind: Indikator, skala: Skala | SkalaOrdinal | None = None
) -> AturanCapaian:
    """:func:`aturan_capaian` for an indicator of the plan (``skala``: its ``ind.skala``)."""
    return aturan_capaian(
        pengaturan,
        ind.arah,
        ind.aturan_turun,
        ind.batas_capaian,
        ind.presisi_realisasi,
        skala,
        ind.capaian_ordinal is not None,
    )


def peringkat(aturan: AturanCapaian, kode: str) -> int | None:
    """Rank of a grade in the indicator's scale (0 = best)."""
    if aturan.urutan is None:
        return None
    folded = kode.casefold()
    return next((i for i, k in enumerate(aturan.urutan) if k.casefold() == folded), None)


def predikat_realisasi(
    aturan: AturanCapaian, nilai: float | None, predikat: str | None
) -> str | None:
    """The grade a realisasi earns: as given, or its band of the interval scale."""
    if predikat is not None:
        return predikat
    if nilai is not None and aturan.skala is not None:
        band = aturan.skala.golongkan(nilai)
        return band.kode if band is not None else None
    return None


def capaian_peringkat(rank_realisasi: int, rank_target: int, n: int) -> float:
    """100 % when the grade is reached, else (n − rank realisasi) / (n − rank target) × 100."""
    if rank_realisasi <= rank_target:
        return 100.0
    return (n - rank_realisasi) / (n - rank_target) * 100


def nilai_capaian(
    aturan: AturanCapaian, nilai: float | None, predikat: str | None, target: TargetSpec | None
) -> tuple[float | None, Status]:
    """THE rule for a row: capaian and status of a realisasi against one target.

    A grade target (``predikat: WTP``) is reached when the realisasi's grade is at
    least as good (rank in the scale); its capaian follows ``capaian_ordinal``.
    Numeric targets follow :func:`hitung_capaian` and :func:`tentukan_status`.
    """
    if target is None:
        return None, "belum_ada_data"
    if target.predikat is not None:
        grade = predikat_realisasi(aturan, nilai, predikat)
        if grade is None or aturan.urutan is None:
            return None, "belum_ada_data"
        rank_r, rank_t = peringkat(aturan, grade), peringkat(aturan, target.predikat)
        if rank_r is None or rank_t is None:
            return None, "belum_ada_data"  # refused by validasi (R218) before it gets here
        status: Status = "tercapai" if rank_r <= rank_t else "belum_tercapai"
        if not aturan.capaian_ordinal:
            return None, status
        return capaian_peringkat(rank_r, rank_t, len(aturan.urutan)), status
    if nilai is None:
        return None, "belum_ada_data"
    capaian = hitung_capaian(nilai, target, aturan)
    return capaian, tentukan_status(capaian, aturan.ambang)
