"""Every command is reachable, documented in Indonesian, and the version is shown."""

from __future__ import annotations

import pytest

from renja_cli import __version__

COMMANDS = ["capaian", "rincian", "ringkasan", "tren", "validasi", "skema"]


def test_root_help_lists_every_command(renja) -> None:
    result = renja("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout


def test_no_arguments_shows_help(renja) -> None:
    result = renja()
    assert result.exit_code == 0
    assert "Commands:" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help(renja, name: str) -> None:
    result = renja(name, "--help")
    assert result.exit_code == 0
    assert f"Usage: renja {name}" in result.stdout


def test_version(renja) -> None:
    result = renja("--versi")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"renja {__version__}"


def test_unknown_command(renja) -> None:
    result = renja("hitung")
    assert result.exit_code == 2
    assert "perintah 'hitung' tidak dikenal" in result.stderr


def test_every_format_has_a_renderer() -> None:
    """Every member of every format enum renders (mypy also checks the dispatch
    is exhaustive: each ``render`` ends in ``assert_never``)."""
    import importlib

    from renja_cli.render import formats

    modules = {
        formats.FormatCapaian: "renja_cli.render.capaian",
        formats.FormatRincian: "renja_cli.render.rincian",
        formats.FormatRingkasan: "renja_cli.render.ringkasan",
        formats.FormatValidasi: "renja_cli.render.validasi",
        formats.FormatTren: "renja_cli.render.tren",
    }
    for enum, module_name in modules.items():
        module = importlib.import_module(module_name)
        for member in enum:
            assert callable(getattr(module, f"render_{member.value}", None)), (enum, member)
    ringkasan = importlib.import_module("renja_cli.render.ringkasan")
    dokumen = {f.value for f in formats.FormatDokumen}
    for suffix, kind in formats.KELUARAN_RINGKASAN.items():
        if kind in dokumen:  # the monev document (renja_cli.render.dokumen)
            continue
        if kind != "xlsx":
            assert formats.FormatRingkasan(kind), suffix
            assert callable(getattr(ringkasan, f"render_{kind}", None)), suffix
    assert set(formats.KELUARAN_LAPORAN.values()) == set(formats.FormatDokumen)
