"""Indonesian number formatting and the documented reading rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja_cli.numbers import (
    NumberFormatError,
    format_number,
    format_percent,
    format_rupiah,
    format_value,
    parse_number,
    round_half_up,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [(98.8736842, "98,87 %"), (100.745, "100,75 %"), (0, "0,00 %"), (93.935, "93,94 %")],
)
def test_percent(value: float, text: str) -> None:
    assert format_percent(value) == text


def test_rupiah() -> None:
    assert format_rupiah(885_000_000) == "Rp 885.000.000"
    assert format_rupiah(15_669_146_000) == "Rp 15.669.146.000"
    assert format_rupiah(0) == "Rp 0"


def test_values_as_the_seed_writes_them() -> None:
    assert format_value(82.5, True) == "82,5 %"
    assert format_value(95, False) == "95"
    assert format_value(13.64, True) == "13,64 %"
    assert format_number(-1234.5) == "-1.234,50"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("54,55", 54.55),
        ("1.234,5", 1234.5),
        ("95.5", 95.5),
        ("100", 100),
        ("13,64%", 13.64),
        (" 7 ", 7),
        ("199820", 199820),
    ],
)
def test_parse(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["199.820", "1.234", "abc", "", "1,2,3", "12.34,5"])
def test_parse_refuses_ambiguous_or_bad(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_number(text)


@pytest.mark.parametrize(
    "text", ["1e309", "-1E400", "9" * 400, "9" * 400 + ",5", "1" + ".000" * 120, "1e309 %"]
)
def test_parse_refuses_a_number_too_large_for_a_float(text: str) -> None:
    """Read as a float these are infinity, which no figure can be made of."""
    with pytest.raises(NumberFormatError, match="terlalu besar"):
        parse_number(text)


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_format_then_parse_round_trips(value: object) -> None:
    text = format_number(float(value), 2)  # type: ignore[arg-type]
    assert parse_number(text) == pytest.approx(float(value), abs=0.005)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"), [("240.000.000", 240_000_000), ("1.234.567", 1_234_567)]
)
def test_two_dots_are_thousands(text: str, value: float) -> None:
    assert parse_number(text) == value


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_rounding_never_loses_a_figure(value: float) -> None:
    """Huge or tiny, the rounded figure is the value to the cent (1e300 never becomes 0)."""
    rounded = round_half_up(value)
    assert abs(float(rounded) - value) <= 0.005 + abs(value) * 1e-15


# Binary noise: a figure computed from decimal inputs rounds as the decimal figure does.


@pytest.mark.parametrize(
    ("realisasi", "target", "shown"),
    [
        (72.10, 80, "90,13 %"),  # 90,125 exactly; the float is 90.12499999999999
        (79.996, 80, "100,00 %"),  # 99,995 exactly; the float is 99.99499999999999
        (72.22, 80, "90,28 %"),  # 90,275
        (93.93, 95, "98,87 %"),  # the seed's IKK.1 2024
    ],
)
def test_a_computed_capaian_rounds_as_its_decimal_value(
    realisasi: float, target: float, shown: str
) -> None:
    assert format_percent(realisasi / target * 100) == shown


_DUA_DESIMAL = st.integers(min_value=1, max_value=1_000_000).map(lambda n: n / 100)


@given(_DUA_DESIMAL, _DUA_DESIMAL)
def test_half_up_of_a_quotient_equals_the_exact_decimal_rounding(r: float, t: float) -> None:
    """Inputs with 2 decimals up to 10.000: the exact quotient is never within 1e-9 of a
    rounding boundary unless it is on it, so cleaning at 10 decimals decides as exact
    decimal arithmetic does."""
    from decimal import ROUND_HALF_UP, Decimal

    exact = (Decimal(repr(r)) / Decimal(repr(t)) * 100).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    assert round_half_up(r / t * 100) == exact


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_the_shown_figure_is_the_machine_figure_rounded(value: float) -> None:
    """Table and JSON never disagree: rounding the number JSON writes gives the table's."""
    from decimal import ROUND_HALF_UP, Decimal

    from renja_cli.render.mesin import angka_mesin

    machine = Decimal(repr(angka_mesin(value)))
    assert round_half_up(value) == machine.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
