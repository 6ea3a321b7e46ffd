"""Numbers in machine formats (JSON, CSV): plain, stable, without float noise.

The core keeps floats unrounded, so ``6 / 44 * 100`` is ``13.636363636363635``
and a mean can be ``82.39999999999999``. Machine formats round every float to
:data:`DESIMAL_MESIN` decimals here, in one place: enough to keep the figure
unrounded for any report (capaian is still not rounded to two decimals), few
enough that binary noise never shows. Integers and ``None`` pass unchanged.
"""

from __future__ import annotations

import json
import math
from typing import Any

from renja_cli.numbers import DESIMAL_BERSIH, bersih

DESIMAL_MESIN = DESIMAL_BERSIH


def angka_mesin(value: Any) -> Any:
    """A float cleaned at :data:`DESIMAL_MESIN` decimals by the same rule the displayed
    figures are rounded from (:func:`renja_cli.numbers.bersih`); anything else as it is.
    Non-finite floats pass unchanged (the core never produces them)."""
    if isinstance(value, float) and math.isfinite(value):
        return float(bersih(value)) + 0.0  # + 0.0 turns -0.0 into 0.0
    return value


def bersihkan(value: Any) -> Any:
    """``value`` with every float inside dicts, lists and tuples through :func:`angka_mesin`."""
    if isinstance(value, float):
        return angka_mesin(value)
    if isinstance(value, dict):
        return {k: bersihkan(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [bersihkan(v) for v in value]
    return value


def json_mesin(payload: Any) -> str:
    """The JSON every machine renderer writes: UTF-8 text, indented, numbers cleaned."""
    return json.dumps(bersihkan(payload), ensure_ascii=False, indent=2) + "\n"


def sel_mesin(value: Any) -> Any:
    """One machine CSV cell: ``None`` as empty, floats cleaned."""
    return "" if value is None else angka_mesin(value)
