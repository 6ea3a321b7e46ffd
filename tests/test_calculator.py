"""Capaian arithmetic, by example and by property."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from renja_cli.errors import DataError
from renja_cli.hitung.capaian import AturanCapaian, tentukan_status
from renja_cli.hitung.capaian import hitung_capaian as _hitung
from renja_cli.model.dasar import TargetSpec


def hitung_capaian(
    realisasi: float,
    target: TargetSpec,
    arah: str = "naik",
    aturan_turun: str = "kondisi_khusus",
    batas: float | None = None,
) -> float:
    aturan = AturanCapaian(arah, aturan_turun, batas)  # type: ignore[arg-type]
    return _hitung(realisasi, target, aturan)


positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
nonneg = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


def t(value: float) -> TargetSpec:
    return TargetSpec(nilai=value)


def test_higher_is_better() -> None:
    assert hitung_capaian(93.93, t(95)) == pytest.approx(98.8736842)


def test_lower_is_better_kondisi_khusus() -> None:
    # target 10, realisasi 8 → (20 − 8) / 10 = 120 %
    assert hitung_capaian(8, t(10), "turun") == pytest.approx(120)
    # far above target floors at 0, never negative
    assert hitung_capaian(35, t(10), "turun") == 0


def test_lower_is_better_target_per_realisasi() -> None:
    assert hitung_capaian(8, t(10), "turun", "target_per_realisasi") == pytest.approx(125)
    with pytest.raises(DataError, match="pembagian nol"):
        hitung_capaian(0, t(10), "turun", "target_per_realisasi")


@pytest.mark.parametrize(
    ("arah", "realisasi", "expected"),
    [
        ("naik", 85, 100),
        ("naik", 80, 100),
        ("naik", 90, 100),
        ("naik", 72, 90),
        ("naik", 99, 110),
        ("turun", 95, (180 - 95) / 90 * 100),
        ("turun", 70, (160 - 70) / 80 * 100),
        ("stabil", 99, 90),
        ("stabil", 72, 90),
        ("stabil", 200, 0),
    ],
)
def test_range_target(arah: str, realisasi: float, expected: float) -> None:
    spec = TargetSpec(min=80, maks=90)
    assert hitung_capaian(realisasi, spec, arah) == pytest.approx(expected)  # type: ignore[arg-type]


def test_cap_is_off_unless_set() -> None:
    assert hitung_capaian(150, t(100)) == 150
    assert hitung_capaian(150, t(100), batas=120) == 120


def test_zero_target_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="pembagian nol"):
        TargetSpec(nilai=0)


@pytest.mark.parametrize(
    ("capaian", "status"),
    [
        (None, "belum_ada_data"),
        (100.0, "tercapai"),
        (99.995, "tercapai"),
        (99.994, "belum_tercapai"),
        (120, "tercapai"),
        (0, "belum_tercapai"),
    ],
)
def test_status_follows_shown_figure(capaian: float | None, status: str) -> None:
    assert tentukan_status(capaian) == status


@given(target=positive, a=nonneg, b=nonneg)
def test_higher_is_better_grows_with_realisasi(target: float, a: float, b: float) -> None:
    assume(a < b)
    assert hitung_capaian(a, t(target)) <= hitung_capaian(b, t(target))


@given(
    target=positive,
    a=nonneg,
    b=nonneg,
    rule=st.sampled_from(["kondisi_khusus", "target_per_realisasi"]),
)
def test_lower_is_better_falls_with_realisasi(target: float, a: float, b: float, rule: str) -> None:
    assume(0 < a < b)
    low = hitung_capaian(a, t(target), "turun", rule)  # type: ignore[arg-type]
    high = hitung_capaian(b, t(target), "turun", rule)  # type: ignore[arg-type]
    assert high <= low
    assert high >= 0


@given(
    target=positive,
    realisasi=nonneg,
    cap=st.floats(min_value=1, max_value=500),
    arah=st.sampled_from(["naik", "turun", "stabil"]),
)
def test_cap_always_holds(target: float, realisasi: float, cap: float, arah: str) -> None:
    value = hitung_capaian(realisasi, t(target), arah, batas=cap)  # type: ignore[arg-type]
    assert 0 <= value <= cap


@given(
    low=positive, width=nonneg, realisasi=nonneg, arah=st.sampled_from(["naik", "turun", "stabil"])
)
def test_range_never_divides_by_zero_and_is_100_inside(
    low: float, width: float, realisasi: float, arah: str
) -> None:
    spec = TargetSpec(min=low, maks=low + width)
    value = hitung_capaian(realisasi, spec, arah)  # type: ignore[arg-type]
    assert value >= 0
    if low <= realisasi <= low + width:
        assert value == 100


@given(
    target=st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
    realisasi=nonneg,
)
def test_no_target_value_crashes_with_anything_but_data_error(
    target: float, realisasi: float
) -> None:
    try:
        spec = TargetSpec(nilai=target)
    except ValueError:
        assert target == 0
        return
    for arah in ("naik", "turun", "stabil"):
        with contextlib.suppress(DataError):
            hitung_capaian(realisasi, spec, arah)  # type: ignore[arg-type]
