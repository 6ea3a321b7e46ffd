"""Text from the user's files is printed as written, in every output.

Rich reads ``[...]`` as markup and ``:x:`` as an emoji code; Markdown reads ``|``
as a new column and a line break as a new row. A name, a note, a value in an
error message or a folder path holding them must come out unchanged (terminal)
or escaped (Markdown), never hidden, restyled or turned into a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from renja_cli.teks import escape_md, kode_md, rapikan
from tests.conftest import DATA, InvokeResult

Renja = Callable[..., InvokeResult]

NAMA = "IKM [catatan] :x: [/b] [red]merah[/red] a|b *tebal* <i>"
"""An indicator name with Rich markup, an emoji code and Markdown punctuation."""

TABEL = [
    ("capaian", "--tahun", "2025"),
    ("rincian", "IKK.1", "--tahun", "2025"),
    ("ringkasan", "--tahun", "2025", "--triwulan", "3"),
    ("tren", "IKK.1"),
    ("pohon", "--tahun", "2025"),
]


def _salin(tmp_path: Path, folder: str = "data") -> Path:
    import shutil

    target = tmp_path / folder
    shutil.copytree(DATA, target)
    return target


def _ganti_nama(data: Path, kode: str, nama: str) -> None:
    """Set both names of ``kode`` in targets-2025.yaml (text edit: the file keeps its
    layout, so every other line and figure stays as it was)."""
    path = data / "targets-2025.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- kode: {kode}")
    quoted = yaml.safe_dump(nama, default_style='"', width=10_000).strip().removesuffix("...")
    for i in range(start + 1, len(lines)):
        stripped = lines[i].lstrip()
        if stripped.startswith("- kode:"):
            break
        for key in ("nama:", "nama_singkat:"):
            if stripped.startswith(key):
                indent = lines[i][: len(lines[i]) - len(stripped)]
                lines[i] = f"{indent}{key} {quoted.strip()}\n"
    path.write_text("".join(lines), encoding="utf-8")
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [i for s in loaded["sasaran"] for i in s["indikator"] if i["kode"] == kode]
    assert found[0]["nama"] == nama


@pytest.fixture
def lebar(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal wide enough that the name is not wrapped inside a table cell."""
    monkeypatch.setenv("COLUMNS", "260")


@pytest.mark.parametrize("args", TABEL, ids=lambda a: a[0])
def test_a_name_is_printed_as_written_in_every_table(
    renja: Renja, tmp_path: Path, lebar: None, args: tuple[str, ...]
) -> None:
    data = _salin(tmp_path)
    _ganti_nama(data, "IKK.1", NAMA)
    result = renja(*args, "--data", str(data))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert NAMA in " ".join(result.stdout.split())  # a title may wrap at the table's width
    assert "❌" not in result.stdout


def test_an_error_message_shows_the_value_as_written(renja: Renja, tmp_path: Path) -> None:
    data = _salin(tmp_path)
    tw3 = data / "realisasi" / "2025" / "tw3.yaml"
    text = tw3.read_text(encoding="utf-8")
    assert "nilai: 76.12" in text
    tw3.write_text(text.replace("nilai: 76.12", 'nilai: "[/b] :x: [red]"'), encoding="utf-8")
    result = renja("capaian", "--tahun", "2025", "--data", str(data))
    assert result.exit_code == 1, result.output
    assert "R103" in result.stderr
    assert "'[/b] :x: [red]'" in result.stderr
    assert "tw3.yaml:" in result.stderr
    assert "Traceback" not in result.output


def test_a_folder_path_with_brackets_is_shown_whole(
    renja: Renja, tmp_path: Path, lebar: None
) -> None:
    data = _salin(tmp_path, "[/b] data [red]")
    result = renja("capaian", "--tahun", "2025", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert f"Data: {data}" in result.stdout
    missing = renja("capaian", "--tahun", "2031", "--data", str(data))
    assert missing.exit_code != 0
    assert "[/b] data [red]" in missing.stderr
    assert "Traceback" not in missing.output


def test_an_internal_error_with_brackets_in_its_message_still_reads_as_one(
    renja: Renja, monkeypatch: pytest.MonkeyPatch
) -> None:
    import renja_cli.laporan.capaian as modul

    def rusak(*_: object, **__: object) -> None:
        raise RuntimeError("[/b] rusak :x:")

    monkeypatch.setattr(modul, "susun_capaian", rusak)
    result = renja("capaian", "--tahun", "2025", "--data", str(DATA))
    assert result.exit_code == 3
    assert "galat internal RuntimeError: [/b] rusak :x:" in result.stderr


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (("capaian", "--[/b]:x:"), "opsi tidak dikenal: --[/b]:x:"),
        (("[/b]:x:",), "perintah '[/b]:x:' tidak dikenal"),
    ],
)
def test_a_usage_error_quotes_what_was_typed(
    renja: Renja, args: tuple[str, ...], pesan: str
) -> None:
    result = renja(*args)
    assert result.exit_code == 2
    assert pesan in result.stderr
    assert "Traceback" not in result.output


# Markdown: a data '|' must not add a column, a line break must not end a row.

_PIPA = re.compile(r"(?<!\\)\|")


def _tabel_utuh(markdown: str) -> None:
    """Every row of every pipe table has as many unescaped '|' as its header."""
    header: int | None = None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        count = len(_PIPA.findall(line))
        if header is None:
            header = count
        assert count == header, line


def _tanpa_escape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("args", TABEL, ids=lambda a: a[0])
def test_a_name_with_markdown_punctuation_keeps_every_table_whole(
    renja: Renja, tmp_path: Path, args: tuple[str, ...]
) -> None:
    data = _salin(tmp_path)
    _ganti_nama(data, "IKK.1", NAMA)
    result = renja(*args, "--data", str(data), "--format", "markdown")
    assert result.exit_code == 0, result.output
    _tabel_utuh(result.stdout)
    assert NAMA in _tanpa_escape(result.stdout)
    assert "*tebal*" not in result.stdout  # would print in italics


def test_a_note_over_several_lines_stays_in_its_list_item(renja: Renja, tmp_path: Path) -> None:
    data = _salin(tmp_path)
    tw3 = data / "realisasi" / "2025" / "tw3.yaml"
    text = tw3.read_text(encoding="utf-8")
    old = "kendala: Jadwal penilaian kompetensi bersama BKN Pusat baru terlaksana di akhir TW III."
    assert old in text
    tw3.write_text(
        text.replace(old, 'kendala: "Jadwal mundur\\n# bukan judul\\n| a | b |"'), encoding="utf-8"
    )
    result = renja(
        "ringkasan", "--tahun", "2025", "--triwulan", "3", "--data", str(data), "-f", "markdown"
    )
    assert result.exit_code == 0, result.output
    assert "  - Kendala: Jadwal mundur \\# bukan judul \\| a \\| b \\|" in result.stdout
    assert not any(line.startswith("# bukan") for line in result.stdout.splitlines())


@given(st.text())
def test_escaped_markdown_reads_back_as_the_text_on_one_line(teks: str) -> None:
    out = escape_md(teks)
    assert "\n" not in out and "\r" not in out
    assert not _PIPA.search(out)
    assert _tanpa_escape(out) == rapikan(teks)


@given(st.text())
def test_a_code_span_is_fenced_longer_than_any_backticks_inside(teks: str) -> None:
    out = kode_md(teks)
    fence = re.match(r"`+", out)
    assert fence is not None
    inner = out[len(fence.group()) : len(out) - len(fence.group())]
    assert out.endswith(fence.group())
    assert all(len(run) < len(fence.group()) for run in re.findall(r"`+", inner))
    assert not _PIPA.search(out)
