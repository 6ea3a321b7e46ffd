"""The README's tables of error codes and exit codes are the ones in the code."""

from __future__ import annotations

import re

from renja_cli.errors import KODE, KODE_KELUAR
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
FIX = "regenerate the README tables from renja_cli.errors (KODE, KODE_KELUAR)"


def test_every_error_code_is_documented_as_in_the_code() -> None:
    documented = dict(re.findall(r"^\| ([RU]\d{3}) \| (.*) \|$", README, flags=re.M))
    assert documented == KODE, FIX


def test_exit_codes_are_documented_as_in_the_code() -> None:
    documented = {
        int(code): text
        for code, text in re.findall(r"^\| (\d{1,3}) \| (.*) \|$", README, flags=re.M)
    }
    assert documented == KODE_KELUAR, FIX


def test_every_code_raised_in_the_source_is_in_the_table() -> None:
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in (REPO / "src" / "renja_cli").rglob("*.py")
    )
    used = set(re.findall(r"\b([RU]\d{3})\b", source))
    assert used <= set(KODE), used - set(KODE)
