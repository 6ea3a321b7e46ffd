"""Indonesian number reading and writing.

Reports show numbers the Indonesian way (``98,87 %``, ``Rp 885.000.000``),
rounded half-up to two decimals like the seed document. The core keeps floats
unrounded; only these helpers round.

Reading rule for text cells (CSV filled from a spreadsheet): a comma is the
decimal mark and dots group thousands (``1.234,5``). A number with only dots
is read as a decimal (``95.5``) unless every group after the first has exactly
three digits (``199.820``): that is ambiguous and refused, so a thousands
separator is never silently read as a decimal point.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext

_ID_NUMBER = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$")
_DOT_GROUPS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


class NumberFormatError(ValueError):
    """A text cell is not a number under the documented rule."""


def parse_number(text: str) -> float:
    """Read a number written in a CSV cell (Indonesian or plain); a number too large
    for a float (``1e309``, 400 digits) is refused rather than read as infinity."""
    value = _parse_number(text)
    if not math.isfinite(value):
        raise NumberFormatError(f"'{text.strip()}' terlalu besar untuk dihitung")
    return value


def _parse_number(text: str) -> float:
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    if not s:
        raise NumberFormatError("kosong")
    if "," in s:
        if not _ID_NUMBER.match(s):
            raise NumberFormatError(
                f"'{text}' bukan angka; tulis seperti 54,55 atau 1.234,5 (koma = desimal)"
            )
        return float(s.replace(".", "").replace(",", "."))
    if _DOT_GROUPS.match(s):
        if s.count(".") > 1:  # 240.000.000: two dots can only be thousands
            return float(s.replace(".", ""))
        raise NumberFormatError(
            f"'{text}' ambigu: titik bisa pemisah ribuan atau desimal; "
            f"tulis {s.replace('.', '')} (ribuan) atau {s.replace('.', ',')} (desimal)"
        )
    if not _PLAIN.match(s):
        raise NumberFormatError(f"'{text}' bukan angka")
    return float(s)


DESIMAL_BERSIH = 10
"""Decimals at which a computed float is cleaned of binary noise, once, for every output.

Float arithmetic ends a decimal figure in noise: 72,10 / 80 × 100 is
``90.12499999999999``, not 90,125, and 79,996 / 80 × 100 is ``99.99499999999999``.
Half-up rounding of the noise would print 90,12 % (the figure is 90,13 %) and call
99,995 % *belum tercapai* (it shows as 100,00 %). Cleaning at 10 decimals first — what
Excel's ROUND does at 15 significant digits — gives the figure an analyst computes by
hand, and the same value the machine formats write (:mod:`renja_cli.render.mesin`).
"""

_BERSIH = Decimal(1).scaleb(-DESIMAL_BERSIH)


def bersih(value: float) -> Decimal:
    """The decimal value of a float, binary noise beyond :data:`DESIMAL_BERSIH` decimals
    removed (half-even, as Python's ``round``). Exact for any float typed or read."""
    exact = Decimal(repr(value))
    if not exact.is_finite():
        raise ValueError(f"angka tidak terhingga: {value!r}")
    if isinstance(value, float) and int(exact.as_tuple().exponent) < -DESIMAL_BERSIH:
        with localcontext() as context:
            context.prec = max(28, exact.adjusted() + DESIMAL_BERSIH + 2)
            exact = exact.quantize(_BERSIH, rounding=ROUND_HALF_EVEN)
    return exact


def round_half_up(value: float, places: int = 2) -> Decimal:
    """Round like the seed document does (93,935 → 93,94), on the decimal value of
    ``value`` cleaned of binary noise (:func:`bersih`)."""
    exact = bersih(value)
    with localcontext() as context:  # enough digits for any float: 1e300 stays 1e300
        context.prec = max(28, exact.adjusted() + places + 2)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _group(integer: str) -> str:
    out: list[str] = []
    while len(integer) > 3:
        out.insert(0, integer[-3:])
        integer = integer[:-3]
    out.insert(0, integer)
    return ".".join(out)


def format_number(value: float, places: int = 2, trim: bool = False) -> str:
    """``1234.5`` → ``1.234,50`` (or ``1.234,5`` with ``trim``)."""
    d = round_half_up(value, places)
    sign = "-" if d < 0 else ""
    text = f"{abs(d):.{places}f}"
    integer, _, frac = text.partition(".")
    if trim:
        frac = frac.rstrip("0")
    result = _group(integer)
    if frac:
        result += "," + frac
    return sign + result


def format_percent(value: float) -> str:
    """``98.8736`` → ``98,87 %``."""
    return f"{format_number(value)} %"


def format_rupiah(value: float) -> str:
    """``885000000`` → ``Rp 885.000.000``; zero budget as ``Rp 0``."""
    return f"Rp {format_number(value, 0)}"


def format_value(value: float, satuan_persen: bool) -> str:
    """A target or realisasi as the seed writes it: ``13,64 %``, ``95`` or ``82,5``."""
    text = format_number(value, 4, trim=True)
    return f"{text} %" if satuan_persen else text


class Tampilan:
    """How an indicator's values print: unit before/after, decimals shown.

    ``desimal`` None shows what the value needs, up to four decimals (a Gini
    index 0,292 or a target 0,277 never prints as 0,28); a number of decimals
    pads or rounds to exactly that many.
    """

    __slots__ = ("akhiran", "awalan", "desimal")

    def __init__(self, awalan: str = "", akhiran: str = "", desimal: int | None = None) -> None:
        self.awalan = awalan
        self.akhiran = akhiran
        self.desimal = desimal

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tampilan) and (self.awalan, self.akhiran, self.desimal) == (
            other.awalan,
            other.akhiran,
            other.desimal,
        )

    def __hash__(self) -> int:
        return hash((self.awalan, self.akhiran, self.desimal))

    def __repr__(self) -> str:
        return f"Tampilan({self.awalan!r}, {self.akhiran!r}, {self.desimal!r})"

    def desimal_tampil(self) -> tuple[int, bool]:
        """(decimals, trailing zeros dropped) a value is shown with: ``desimal``, or what
        it needs up to four. Every output showing the value (table, Markdown, CSV for
        Excel, xlsx) uses this, so none shows 80 where another shows 79,996."""
        return (4, True) if self.desimal is None else (self.desimal, False)

    def teks(self, value: float) -> str:
        """``98.5`` → ``98,5 %``; ``1234`` → ``Rp 1.234 juta``."""
        places, trim = self.desimal_tampil()
        return f"{self.awalan}{format_number(value, places, trim=trim)}{self.akhiran}"

    def bulat(self, value: float) -> float:
        """The value as shown, as a number (what a spreadsheet cell holds)."""
        return float(round_half_up(value, self.desimal_tampil()[0]))

    def format_excel(self) -> str:
        """The Excel number format that shows the value as :meth:`teks` does (grouping,
        decimal places; the unit stays in its own column)."""
        places, trim = self.desimal_tampil()
        if places == 0:
            return "#,##0"
        return "#,##0.00" + "#" * (places - 2) if trim else "#,##0." + "0" * places


PERSEN = Tampilan(akhiran=" %")
POLOS = Tampilan()
