"""Progress of long record files: reported by the core, drawn by the CLI on a terminal only."""

from __future__ import annotations

import io
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.console import Console

from renja_cli import kemajuan
from renja_cli.cli.kemajuan import BilahKemajuan, pasang_bila_terminal

HEADER = (
    "nip,instansi,daftar_riwayat_hidup,sk_cpns,sk_pns,riwayat_pendidikan,spmt_cpns,"
    "riwayat_golongan,riwayat_jabatan,riwayat_pindah_instansi,riwayat_diklat"
)
ROWS = 3 * kemajuan.SETIAP + 100


def _arsip(path: Path, quoted: bool) -> None:
    """A realistic arsip file of ROWS NIPs; ``quoted`` sends it through the CSV reader."""
    rnd = random.Random(6)
    lines = [HEADER]
    for k in range(ROWS):
        flags = ",".join("1" if rnd.random() < 0.8 else "0" for _ in range(9))
        nip = f'"{199000000000000000 + k}"' if quoted and k == 5 else str(199000000000000000 + k)
        lines.append(f"{nip},INST-{k % 44},{flags}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class _Catatan:
    """A listener that writes down what it was told."""

    def __init__(self) -> None:
        self.peristiwa: list[tuple[str, object]] = []

    def mulai(self, path: Path, ukuran: int) -> None:
        self.peristiwa.append(("mulai", (path.name, ukuran)))

    def maju(self, posisi: int) -> None:
        self.peristiwa.append(("maju", posisi))

    def selesai(self) -> None:
        self.peristiwa.append(("selesai", None))


@pytest.fixture
def catatan() -> Iterator[_Catatan]:
    listener = _Catatan()
    before = kemajuan.pasang(listener)
    yield listener
    kemajuan.pasang(before)


def _ikk6(renja: Callable[..., object], data: Path) -> dict[str, object]:
    result = renja(
        "capaian", "--tahun", "2025", "--triwulan", "3", "--format", "json", "--data", str(data)
    )
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    rows = json.loads(result.stdout)  # type: ignore[attr-defined]
    return next(r for r in rows if r["kode"] == "IKK.6")  # type: ignore[no-any-return]


@pytest.mark.parametrize("quoted", [False, True], ids=["pola-cepat", "pembaca-csv"])
def test_long_file_reports_progress_and_same_figure(
    data_copy: Path, renja: Callable[..., object], quoted: bool
) -> None:
    path = data_copy / "realisasi" / "2025" / "tw3" / "arsip-digital.csv"
    _arsip(path, quoted)
    without = _ikk6(renja, data_copy)
    listener = _Catatan()
    before = kemajuan.pasang(listener)
    try:
        with_bar = _ikk6(renja, data_copy)
    finally:
        kemajuan.pasang(before)
    assert with_bar == without
    size = path.stat().st_size
    mine = [e for e in listener.peristiwa if e != ("selesai", None)]
    start = mine.index(("mulai", ("arsip-digital.csv", size)))
    steps = []
    for kind, value in mine[start + 1 :]:
        if kind != "maju":
            break
        steps.append(value)
    # the CSV reader reports every SETIAP rows, the fast path every megabyte block
    expected = ROWS // kemajuan.SETIAP if quoted else -(-size // (1 << 20))
    assert abs(len(steps) - expected) <= (0 if quoted else 1)
    assert steps == sorted(steps)
    assert all(isinstance(s, int) and 0 < s <= size for s in steps)
    assert listener.peristiwa.count(("selesai", None)) == sum(
        1 for kind, _ in listener.peristiwa if kind == "mulai"
    )


def test_nobody_listens_by_default() -> None:
    assert kemajuan._pemantau is None


class _Jam:
    def __init__(self) -> None:
        self.sekarang = 100.0

    def __call__(self) -> float:
        return self.sekarang


def _bilah() -> tuple[BilahKemajuan, _Jam, io.StringIO]:
    out = io.StringIO()
    jam = _Jam()

    def console() -> Console:
        return Console(file=out, force_terminal=True, width=80, color_system=None)

    return BilahKemajuan(console, jam, tunda=1.0), jam, out


def test_bar_appears_only_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    bilah, jam, out = _bilah()
    bilah.mulai(Path("arsip-digital.csv"), 1000)
    jam.sekarang += 0.5
    bilah.maju(400)
    assert out.getvalue() == ""
    jam.sekarang += 0.6
    bilah.maju(600)
    bilah.selesai()
    shown = out.getvalue()
    assert "membaca arsip-digital.csv" in shown
    assert "60%" in shown or "100%" in shown


def test_a_file_name_with_brackets_is_drawn_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich would read [b] and [red] in the name as styles and hide them."""
    monkeypatch.setenv("TERM", "xterm-256color")
    bilah, jam, out = _bilah()
    bilah.mulai(Path("[b] arsip [red].csv"), 1000)
    jam.sekarang += 1.5
    bilah.maju(500)
    bilah.selesai()
    assert "membaca [b] arsip [red].csv" in out.getvalue()


def test_quick_file_draws_nothing() -> None:
    bilah, _jam, out = _bilah()
    bilah.mulai(Path("kecil.csv"), 1000)
    bilah.maju(999)
    bilah.selesai()
    assert out.getvalue() == ""


def test_not_installed_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "__stderr__", io.StringIO())
    before = kemajuan.pasang(None)
    try:
        pasang_bila_terminal()
        assert kemajuan._pemantau is None
    finally:
        kemajuan.pasang(before)


@pytest.mark.parametrize(("term", "installed"), [("xterm-256color", True), ("dumb", False)])
def test_installed_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, term: str, installed: bool
) -> None:
    monkeypatch.setenv("TERM", term)

    class _Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "__stderr__", _Tty())
    before = kemajuan.pasang(None)
    try:
        pasang_bila_terminal()
        assert isinstance(kemajuan._pemantau, BilahKemajuan) is installed
    finally:
        kemajuan.pasang(before)
