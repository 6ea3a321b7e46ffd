"""Mutated data files never crash ``renja validasi``: exit 0 or 1, a message, no traceback."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from renja_cli.cli.app import app
from tests.conftest import DATA

EXAMPLES = Path(__file__).parent / "examples"
FILES = [
    "targets-2030.yaml",
    "realisasi/2030/tw1.yaml",
    "realisasi/2030/tw1/merit.csv",
    "skala.yaml",
    "instansi.yaml",
]
TOKENS = [
    "x",
    "1.5",
    "-3",
    "yes",
    "no",
    "null",
    "[]",
    "{}",
    "'54,55'",
    ".nan",
    "1.10",
    "&a 1",
    "*a",
    "\t",
    ":",
    "- ",
    '"',
    "{",
    "IKK.1",
    "0",
    "1e309",
    "~",
]


def _folder(root: Path) -> None:
    shutil.copytree(EXAMPLES / "base", root)
    shutil.copy(DATA / "instansi.yaml", root / "instansi.yaml")
    shutil.copy(DATA / "skala.yaml", root / "skala.yaml")


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, str, int, bytes]:
    name = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["drop", "duplicate", "retype", "truncate", "inject"]))
    position = draw(st.integers(min_value=0, max_value=10_000))
    payload = draw(
        st.one_of(
            st.sampled_from(TOKENS).map(str.encode),
            st.binary(min_size=1, max_size=8),
        )
    )
    return name, kind, position, payload


def _apply(data: bytes, kind: str, position: int, payload: bytes) -> bytes:
    lines = data.split(b"\n")
    index = position % max(len(lines), 1)
    if kind == "drop":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    elif kind == "retype":
        line = lines[index]
        cut = line.rfind(b":") + 1 if b":" in line else line.rfind(b",") + 1
        lines[index] = line[:cut] + b" " + payload
    elif kind == "truncate":
        return data[: position % (len(data) + 1)]
    else:
        at = position % (len(data) + 1)
        return data[:at] + payload + data[at:]
    return b"\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations=st.lists(mutation(), min_size=1, max_size=3))
def test_mutated_files_never_crash(mutations: list[tuple[str, str, int, bytes]]) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        _folder(root)
        for name, kind, position, payload in mutations:
            path = root / name
            path.write_bytes(_apply(path.read_bytes(), kind, position, payload))
        result = runner.invoke(app, ["validasi", str(root), "--format", "json"])
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1), result.output
        report = json.loads(result.stdout)
        if result.exit_code == 1:
            assert report["masalah"], report
            assert all(m["pesan"] for m in report["masalah"])
        for command in (["capaian", "--tahun", "2030"], ["rincian", "IKK.3", "--tahun", "2030"]):
            other = runner.invoke(app, [*command, "--data", str(root)])
            assert "Traceback" not in other.output
            assert other.exit_code in (0, 1, 2), other.output
