"""Every command is reachable, documented in Indonesian, and the version is shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from renja_cli import __version__

COMMANDS = [
    "capaian",
    "rincian",
    "ringkasan",
    "tren",
    "validasi",
    "skema",
    "ikm",
    "init",
    "templat",
    "impor",
]
ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message", "[default:", "Did you mean")


def test_root_help_lists_every_command(renja) -> None:
    result = renja("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout


def test_no_arguments_shows_help(renja) -> None:
    result = renja()
    assert result.exit_code == 0
    assert "Perintah:" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help(renja, name: str) -> None:
    for flag in ("--help", "-h"):
        result = renja(name, flag)
        assert result.exit_code == 0
        assert f"Pemakaian: renja {name}" in result.stdout
        assert "Contoh:\n" in result.stdout and f"renja {name} " in result.stdout
        assert not [word for word in ENGLISH if word in result.stdout]
        # no Python type names (<str>, <list[Path]>) nor typer's {ARG}
        assert not re.search(r"<(str|int|float|path|list\[\w+\])>|\{\w+\}", result.stdout)


def test_root_help_is_indonesian(renja) -> None:
    out = renja("-h").stdout
    assert "Pemakaian: renja [OPSI] PERINTAH" in out and "--version" in out
    assert not [word for word in ENGLISH if word in out]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["capaian", "--tahun", "x"], "nilai --tahun/-t tidak valid: harus bilangan bulat"),
        (["ringkasan", "--tahun", "2025", "--triwulan", "2.5"], "nilai --triwulan/-w tidak valid"),
        (
            ["capaian", "--tahun", "2025", "--format", "pdf"],
            "'pdf' bukan pilihan; pilihan: tabel, json, csv, markdown",
        ),
        (["capaian", "--tahunn", "2025"], "opsi tidak dikenal: --tahunn; maksud Anda: --tahun?"),
        (["capain"], "perintah 'capain' tidak dikenal; maksud Anda: capaian atau laporan?"),
        (["capaian", "--tahun", "2025", "x"], "argumen berlebih: x"),
        (["rincian"], "argumen KODE wajib diisi"),
        (["capaian", "--sk"], "opsi --sk memerlukan nilai"),
    ],
)
def test_usage_errors_are_one_clean_indonesian_line(renja, args: list[str], expected: str) -> None:
    result = renja(*args)
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert expected in first
    assert "'/'" not in first and "Input should" not in first and "Value error" not in first
    assert not [word for word in ENGLISH if word in result.stderr]


def test_codes_and_formats_are_case_insensitive(renja) -> None:
    from tests.conftest import DATA

    out = renja(
        "capaian",
        "--tahun",
        "2025",
        "--sk",
        "sk.1",
        "--target",
        "PK",
        "-f",
        "JSON",
        "--data",
        str(DATA),
    )
    assert out.exit_code == 0, out.output
    assert '"sasaran": "SK.1"' in out.stdout
    assert renja("rincian", "ikk.5", "--tahun", "2025", "--data", str(DATA)).exit_code == 0


@pytest.mark.parametrize("flag", ["--versi", "--version", "-V"])
def test_version(renja, flag: str) -> None:
    result = renja(flag)
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
            assert callable(getattr(module, f"render_{member.value.replace('-', '_')}", None)), (
                enum,
                member,
            )
    ringkasan = importlib.import_module("renja_cli.render.ringkasan")
    dokumen = {f.value for f in formats.FormatDokumen}
    for suffix, kind in formats.KELUARAN_RINGKASAN.items():
        if kind in dokumen:  # the monev document (renja_cli.render.dokumen)
            continue
        if kind != "xlsx":
            assert formats.FormatRingkasan(kind), suffix
            assert callable(getattr(ringkasan, f"render_{kind}", None)), suffix
    assert set(formats.KELUARAN_LAPORAN.values()) == set(formats.FormatDokumen)


def _semua_perintah() -> list[str]:
    from renja_cli.cli.app import app

    return [str(c.name) for c in app.registered_commands]


@pytest.mark.parametrize("name", _semua_perintah())
@pytest.mark.parametrize(
    "rest",
    [["--help"], ["--tidak-ada"], [], ["--tahun", "x"], ["--tahun", "2025", "--format", "json"]],
    ids=["help", "opsi-asing", "kosong", "tahun-salah", "json"],
)
def test_the_named_command_alone_answers_as_the_whole_app(
    runner: CliRunner, name: str, rest: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The console script registers only the command it runs (start-up): same answer."""
    from renja_cli.cli.app import aplikasi_untuk, app

    monkeypatch.chdir(tmp_path)  # a command that writes does so in a folder of its own
    args = [name, *rest]
    satu = aplikasi_untuk(args)
    assert satu is not app and [c.name for c in satu.registered_commands] == [name]
    outputs = []
    for target, where in ((app, "semua"), (satu, "satu")):
        (tmp_path / where).mkdir()
        monkeypatch.chdir(tmp_path / where)
        result = runner.invoke(target, args)
        outputs.append((result.exit_code, result.stdout, result.stderr))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    "args",
    [[], ["--help"], ["-h"], ["--versi"], ["tidak-ada"], ["capaain"], ["--install-completion"]],
)
def test_help_completion_and_unknown_words_get_the_whole_app(args: list[str]) -> None:
    from renja_cli.cli.app import aplikasi_untuk, app

    assert aplikasi_untuk(args) is app
