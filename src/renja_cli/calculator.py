"""Capaian arithmetic: realisasi against one target.

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
"""

from __future__ import annotations

from typing import Literal

from renja_cli.errors import DataError
from renja_cli.models import Arah, AturanTurun, TargetSpec
from renja_cli.numbers import round_half_up

Status = Literal["tercapai", "belum_tercapai", "belum_ada_data"]
STATUSES: tuple[Status, ...] = ("tercapai", "belum_tercapai", "belum_ada_data")


def _single(realisasi: float, target: float, arah: Arah, aturan: AturanTurun) -> float:
    if target == 0:
        raise DataError("target 0 tidak dapat dipakai menghitung capaian (pembagian nol)")
    if arah == "naik":
        return realisasi / target * 100
    if arah == "turun":
        if aturan == "kondisi_khusus":
            return max(0.0, (2 * target - realisasi) / target * 100)
        if realisasi == 0:
            raise DataError(
                "realisasi 0 tidak dapat dipakai dengan aturan target_per_realisasi "
                "(pembagian nol); pakai aturan_turun: kondisi_khusus"
            )
        return max(0.0, target / realisasi * 100)
    # stabil with a single value: any distance from the target costs
    return max(0.0, 100 - abs(realisasi - target) / abs(target) * 100)


def hitung_capaian(
    realisasi: float,
    target: TargetSpec,
    arah: Arah = "naik",
    aturan_turun: AturanTurun = "kondisi_khusus",
    batas: float | None = None,
) -> float:
    """Capaian (percent, unrounded) of ``realisasi`` against ``target``."""
    if target.nilai is not None:
        value = _single(realisasi, target.nilai, arah, aturan_turun)
    else:
        low, high = target.min, target.maks
        assert low is not None and high is not None  # guaranteed by TargetSpec
        if low <= realisasi <= high:
            value = 100.0
        elif arah == "naik":
            value = _single(realisasi, low if realisasi < low else high, "naik", aturan_turun)
        elif arah == "turun":
            value = _single(realisasi, high if realisasi > high else low, "turun", aturan_turun)
        else:
            value = _single(realisasi, low if realisasi < low else high, "stabil", aturan_turun)
    if batas is not None:
        value = min(value, batas)
    return value


def tentukan_status(capaian: float | None, ambang: float = 100) -> Status:
    """Status as the report shows it: decided on the figure rounded to 2 decimals.

    A capaian printed as ``100,00 %`` must never be labelled *belum tercapai*.
    """
    if capaian is None:
        return "belum_ada_data"
    return "tercapai" if round_half_up(capaian) >= round_half_up(ambang) else "belum_tercapai"
