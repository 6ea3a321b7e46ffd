"""Per-record realisasi (one row per instansi, NIP or recommendation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from renja_cli.engine import Konteks
    from renja_cli.formulas import HasilPeriode
    from renja_cli.models import Indikator


def hasil_rekaman(ctx: Konteks, ind: Indikator, periode: str) -> HasilPeriode | None:
    """Realisasi computed from the period's record file, if the formula names one."""
    return None
