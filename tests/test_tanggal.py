"""Dates in the data: ``pengaturan.pk_ditandatangani`` and a period's ``ditutup``."""

from __future__ import annotations

from datetime import date

import pytest

from renja_cli.errors import DataError, RenjaError
from renja_cli.io.pesan import validate
from renja_cli.io.yamlfile import loads
from renja_cli.model.dasar import Pengaturan
from renja_cli.model.realisasi import BerkasRealisasi


def _berkas(ditutup: str) -> BerkasRealisasi:
    data, positions = loads(f"tahun: 2025\nperiode: tw2\nditutup: {ditutup}\n")
    return validate(BerkasRealisasi, data, positions)


@pytest.mark.parametrize("text", ["2025-07-15", '"2025-07-15"'])
def test_a_closing_date_is_read_plain_or_quoted(text: str) -> None:
    assert _berkas(text).ditutup == date(2025, 7, 15)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2025-07-15 10:00:00", "tanpa jam"),
        ("20250715", "TTTT-BB-HH"),
        ('"15-07-2025"', "TTTT-BB-HH"),
        ("kemarin", "TTTT-BB-HH"),
    ],
)
def test_anything_but_a_date_is_a_located_r103(text: str, words: str) -> None:
    with pytest.raises(RenjaError) as info:
        _berkas(text)
    assert info.value.code == "R103"
    assert words in info.value.message
    assert info.value.location is not None and info.value.location.line == 3


def test_a_date_that_is_not_in_the_calendar_is_an_error_not_a_crash() -> None:
    with pytest.raises(DataError) as info:
        loads("catatan: 2025-13-01\n")
    assert info.value.code == "R103"
    assert "kalender" in info.value.message


def test_the_pk_signing_date_is_a_setting_without_default() -> None:
    assert Pengaturan.model_validate({}).pk_ditandatangani is None
    signed = Pengaturan.model_validate({"pk_ditandatangani": date(2025, 2, 20)})
    assert signed.pk_ditandatangani == date(2025, 2, 20)
