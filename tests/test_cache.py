"""The result cache replays exactly what the command printed, and only while valid.

Commands run as subprocesses through the entry point (renja_cli.masuk) in a
copy of data/, with their own cache folder. A small harness records which heavy
modules the process imported: none means the answer came from the cache.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from renja_cli import bacaan, cache
from tests.conftest import DATA, REPO

BERAT = ("typer", "click", "pydantic", "rich", "yaml")
HARNESS = f"""
import atexit, os, sys
def _jejak():
    with open(os.environ["JEJAK_MODUL"], "w") as handle:
        handle.write(" ".join(m for m in {BERAT!r} if m in sys.modules))
atexit.register(_jejak)
sys.argv[0] = "renja"
from renja_cli.masuk import main
main()
"""
_nomor = itertools.count()


@dataclass(frozen=True)
class Hasil:
    code: int
    stdout: bytes
    stderr: bytes
    modul: frozenset[str]

    @property
    def dari_cache(self) -> bool:
        return not self.modul

    @property
    def tampak(self) -> tuple[int, bytes, bytes]:
        return self.code, self.stdout, self.stderr


@dataclass
class Berjalan:
    proc: subprocess.Popen[bytes]
    jejak: Path

    def hasil(self) -> Hasil:
        out, err = self.proc.communicate(timeout=120)
        modul = self.jejak.read_text().split() if self.jejak.exists() else BERAT
        return Hasil(self.proc.returncode, out, err, frozenset(modul))


@dataclass
class Ruang:
    """A working folder with data/, a cache folder and an environment."""

    kerja: Path
    cache: Path
    env: dict[str, str]

    @property
    def data(self) -> Path:
        return self.kerja / "data"

    def entri(self) -> list[Path]:
        return sorted(self.cache.glob("*.bin")) if self.cache.is_dir() else []

    def mulai(self, *args: str, cwd: Path | None = None, **extra: str) -> Berjalan:
        jejak = self.cache.parent / "jejak" / f"{next(_nomor)}.txt"
        jejak.parent.mkdir(exist_ok=True)
        env = {**self.env, **extra, "JEJAK_MODUL": str(jejak)}
        proc = subprocess.Popen(
            [sys.executable, "-c", HARNESS, *args],
            cwd=cwd or self.kerja,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        return Berjalan(proc, jejak)

    def __call__(self, *args: str, cwd: Path | None = None, **extra: str) -> Hasil:
        return self.mulai(*args, cwd=cwd, **extra).hasil()


@pytest.fixture
def ruang(tmp_path: Path) -> Ruang:
    kerja = tmp_path / "kerja"
    shutil.copytree(DATA, kerja / "data")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("RENJA_", "GITHUB_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    # renja_cli's bytecode gets written once instead of compiled in every subprocess
    env |= {"RENJA_CACHE_DIR": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path)}
    return Ruang(kerja, tmp_path / "cache", env)


def _rusak(folder: Path) -> Path:
    """A copy of the data with one unreadable value: capaian and validasi exit 1."""
    shutil.copytree(DATA, folder)
    tw3 = folder / "realisasi" / "2025" / "tw3.yaml"
    tw3.write_text(tw3.read_text().replace("{nilai: 99.12,", "{nilai: sembilan,"))
    return folder


# --- identical output, cached or not -------------------------------------------

FORMAT = {
    "capaian --tahun 2025": ("tabel", "json", "csv", "markdown"),
    "rincian IKK.5 --tahun 2025": ("tabel", "json", "markdown"),
    "ringkasan --tahun 2025 --triwulan 3": ("tabel", "json", "csv", "markdown"),
    "tren IKK.12": ("tabel", "json", "markdown"),
    "validasi data": ("teks", "json", "github", "markdown"),
    "validasi rusak": ("teks", "json", "github", "markdown"),
}
LAIN = [
    "",  # no arguments: the help
    "--help",
    "--versi",
    "capaian --help",
    "capaian",  # usage error: exit 2
    "capaian --tahun 2031",  # no such year: exit 2
    "capaian --tahun 2025 --data rusak --format json",  # invalid data: exit 1
]
KASUS = [f"{c} --format {f}" for c, fs in FORMAT.items() for f in fs] + LAIN
"""Every cacheable command in every format, errors included."""
PEMBANDING = {
    "capaian --tahun 2025 --format tabel",
    "capaian --tahun 2025 --format json",
    "validasi rusak --format teks",
    "",
    "capaian",
    "capaian --tahun 2025 --data rusak --format json",
}
"""Also run with the cache off: the tee must not change a byte."""


def test_cached_output_is_identical_for_every_command_and_format(ruang: Ruang) -> None:
    _rusak(ruang.kerja / "rusak")

    def periksa(kasus: str) -> tuple[str, list[Hasil]]:
        args = kasus.split()
        runs = [ruang(*args), ruang(*args)]
        if kasus in PEMBANDING:
            runs.append(ruang(*args, RENJA_CACHE="0"))
        return kasus, runs

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(periksa, KASUS))
    codes = set()
    for kasus, (miss, hit, *uncached) in results:
        assert not miss.dari_cache, kasus
        assert hit.dari_cache, kasus  # and so imported none of typer, pydantic, rich, yaml
        assert hit.tampak == miss.tampak, kasus
        for off in uncached:
            assert not off.dari_cache
            assert off.tampak == miss.tampak, kasus
        codes.add(miss.code)
        assert miss.stdout or miss.stderr, kasus
    assert codes == {0, 1, 2}
    assert len(ruang.entri()) == len(KASUS)
    by_case = dict(results)
    error = by_case["capaian --tahun 2031"][1]  # a usage error replays on stderr
    assert error.code == 2 and error.stdout == b"" and b"tahun yang tersedia" in error.stderr


# --- invalidation ---------------------------------------------------------------


def test_changed_file_same_size_and_mtime_is_caught_by_its_hash(ruang: Ruang) -> None:
    args = ("capaian", "--tahun", "2025", "--format", "json")
    before = ruang(*args)
    tw3 = ruang.data / "realisasi" / "2025" / "tw3.yaml"
    st = tw3.stat()
    text = tw3.read_text()
    tw3.write_text(text.replace("{nilai: 99.12,", "{nilai: 98.12,"))
    os.utime(tw3, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert tw3.stat().st_size == st.st_size
    after = ruang(*args)
    assert not after.dari_cache
    assert after.stdout != before.stdout
    assert after.tampak == ruang(*args, RENJA_CACHE="0").tampak
    assert ruang(*args).dari_cache


def test_changed_mtime_same_content_gives_the_same_output(ruang: Ruang) -> None:
    args = ("rincian", "IKK.5", "--tahun", "2025", "--format", "json")
    before = ruang(*args)
    path = ruang.data / "targets-2025.yaml"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    after = ruang(*args)
    assert after.tampak == before.tampak
    assert ruang(*args).dari_cache


def test_added_and_removed_file_invalidate(ruang: Ruang) -> None:
    args = ("validasi", "data", "--format", "json")
    before = ruang(*args)
    extra = ruang.data / "realisasi" / "catatan.txt"
    extra.write_text("bukan data\n")
    added = ruang(*args)
    assert not added.dari_cache
    assert b"catatan.txt" in added.stdout
    extra.unlink()
    removed = ruang(*args)
    assert not removed.dari_cache
    assert removed.tampak == before.tampak


def test_removed_period_file_changes_capaian(ruang: Ruang) -> None:
    args = ("capaian", "--tahun", "2025", "--format", "csv")
    before = ruang(*args)
    (ruang.data / "realisasi" / "2025" / "tw3.yaml").unlink()
    after = ruang(*args)
    assert not after.dari_cache
    assert after.stdout != before.stdout
    assert after.tampak == ruang(*args, RENJA_CACHE="0").tampak


def test_creating_a_local_data_folder_invalidates_the_bundled_answer(ruang: Ruang) -> None:
    elsewhere = ruang.kerja / "lain"
    elsewhere.mkdir()
    args = ("capaian", "--tahun", "2025", "--format", "json")
    bundled = ruang(*args, cwd=elsewhere)
    _rusak(elsewhere / "data")
    local = ruang(*args, cwd=elsewhere)
    assert not local.dari_cache
    assert local.code == 1 and bundled.code == 0


# --- broken entries, concurrency ------------------------------------------------


def test_corrupt_entry_is_ignored_and_replaced(ruang: Ruang) -> None:
    args = ("capaian", "--tahun", "2025", "--format", "markdown")
    good = ruang(*args)
    (entry,) = ruang.entri()
    data = entry.read_bytes()
    # more kinds of damage in test_parse_rejects_foreign_or_damaged_entries
    for broken in (data[:-7], data[:40] + bytes([data[40] ^ 1]) + data[41:]):
        entry.write_bytes(broken)
        result = ruang(*args)
        assert not result.dari_cache
        assert result.tampak == good.tampak
        assert cache.baca(str(ruang.cache), entry.stem) is not None  # replaced
    assert ruang(*args).dari_cache


def test_parse_rejects_foreign_or_damaged_entries() -> None:
    bac = bacaan.Bacaan()
    data = cache._kemas("k" * 40, 0, [(1, b"halo\n")], bac)
    assert data is not None
    entri = cache._urai(data, "k" * 40)
    assert entri is not None and entri.keluaran == ((1, b"halo\n"),)
    assert cache._urai(data, "j" * 40) is None  # another key's entry
    assert cache._urai(data[:-1], "k" * 40) is None  # truncated
    assert cache._urai(b"RENJA" + data[5:], "k" * 40) is None  # foreign magic
    other_version = cache.MAGIC[:-2] + bytes([cache.FORMAT + 1]) + cache.MAGIC[-1:]
    assert cache._urai(other_version + data[len(cache.MAGIC) :], "k" * 40) is None
    body = b"\x00not marshal"
    forged = cache.MAGIC + cache.blake2b(body, digest_size=16).digest() + body
    assert cache._urai(forged, "k" * 40) is None


def test_two_processes_storing_the_same_entry_leave_a_valid_one(ruang: Ruang) -> None:
    args = ("ringkasan", "--tahun", "2025", "--triwulan", "3", "--format", "json")
    a, b = ruang.mulai(*args), ruang.mulai(*args)
    first, second = a.hasil(), b.hasil()
    assert first.tampak == second.tampak
    (entry,) = ruang.entri()
    assert cache.baca(str(ruang.cache), entry.stem) is not None
    replay = ruang(*args)
    assert replay.dari_cache and replay.tampak == first.tampak


PENULIS = """
import sys
from renja_cli import bacaan, cache
folder, key, isi = sys.argv[1], sys.argv[2], sys.argv[3].encode()
data = cache._kemas(key, 0, [(1, isi * 5000)], bacaan.Bacaan())
for _ in range(150):
    cache.tulis(folder, key, data)
"""


def test_concurrent_writers_never_expose_a_partial_entry(tmp_path: Path) -> None:
    folder, key = str(tmp_path / "c"), "a" * 40
    writers = [
        subprocess.Popen([sys.executable, "-c", PENULIS, folder, key, isi])
        for isi in ("pertama\n", "kedua\n")
    ]
    seen = set()
    path = tmp_path / "c" / f"{key}.bin"
    while any(w.poll() is None for w in writers):
        if path.exists():  # from then on os.replace swaps whole files only
            entri = cache.baca(folder, key)
            assert entri is not None
            seen.add(entri.keluaran[0][1][:10])
    assert all(w.returncode == 0 for w in writers)
    final = cache.baca(folder, key)
    assert final is not None
    assert final.keluaran[0][1] in (b"pertama\n" * 5000, b"kedua\n" * 5000)
    assert seen <= {b"pertama\npe", b"kedua\nkedu"}
    assert not list((tmp_path / "c").glob("*.tmp"))


# --- when the cache is not used --------------------------------------------------


def test_renja_cache_0_and_tanpa_cache_bypass(ruang: Ruang) -> None:
    args = ("capaian", "--tahun", "2025", "--format", "json")
    off = ruang(*args, RENJA_CACHE="0")
    flag = ruang(*args, "--tanpa-cache")
    assert not off.dari_cache and not flag.dari_cache
    assert ruang.entri() == []
    assert flag.tampak == off.tampak  # the flag is removed before the CLI sees it


def test_commands_that_write_files_always_run(ruang: Ruang) -> None:
    out = ruang.kerja / "ringkasan.md"
    for _ in range(2):
        result = ruang("ringkasan", "--tahun", "2025", "--keluaran", str(out), "--timpa")
        assert result.code == 0 and not result.dari_cache
        assert out.is_file()
        out.unlink()
    summary = ruang.kerja / "summary.md"
    for _ in range(2):
        result = ruang("validasi", "data", "-f", "github", GITHUB_STEP_SUMMARY=str(summary))
        assert not result.dari_cache
    text = summary.read_text()
    assert text and text == text[: len(text) // 2] * 2  # appended by both runs
    assert ruang.entri() == []


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], True),
        (["--versi"], True),
        (["capaian", "--tahun", "2025"], True),
        (["validasi", "data"], True),
        (["ringkasan", "--tahun", "2025"], True),
        (["ringkasan", "--tahun", "2025", "-o", "x.xlsx"], False),
        (["ringkasan", "--tahun", "2025", "-ox.xlsx"], False),
        (["ringkasan", "--keluaran=x.md"], False),
        (["beda", "--keluaran", "x.md"], False),
        (["skema"], False),
        (["skema", "-o", "skema"], False),
        (["init"], False),
        (["impor", "x.xlsx"], False),
        (["templat"], False),
        (["laporan"], False),
        (["validasi", "--", "-o"], True),  # a path after --
    ],
)
def test_allow_list(argv: list[str], expected: bool) -> None:
    assert cache.bisa_dicache(argv, {}) is expected


def test_validasi_is_not_cached_when_it_writes_the_job_summary() -> None:
    assert not cache.bisa_dicache(["validasi"], {"GITHUB_STEP_SUMMARY": "/tmp/x"})


def _isi_rekaman(kode: int | None = None, stdin: bool = False) -> None:
    sys.stdout.write("keluar\n")
    sys.stderr.write("galat\n")
    if stdin:
        with contextlib.suppress(OSError):  # pytest's stdin refuses; trying is what counts
            sys.stdin.read()
    if kode is not None:
        raise SystemExit(kode)


@pytest.mark.parametrize(
    ("kode", "stdin", "stored"),
    [
        (0, False, True),
        (1, False, True),  # invalid data
        (2, False, True),  # usage error
        (3, False, False),  # internal error
        (130, False, False),  # interrupted
        (0, True, False),  # read stdin
    ],
)
def test_what_is_stored(
    kode: int, stdin: bool, stored: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RENJA_CACHE", "1")
    monkeypatch.setenv("RENJA_CACHE_DIR", str(tmp_path))
    with pytest.raises(SystemExit) as exit_info:
        cache.jalankan(["capaian"], lambda: _isi_rekaman(kode, stdin))
    assert exit_info.value.code == kode
    assert bool(list(tmp_path.glob("*.bin"))) is stored


def test_interrupted_run_is_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENJA_CACHE", "1")
    monkeypatch.setenv("RENJA_CACHE_DIR", str(tmp_path))

    def interrupted() -> None:
        raise KeyboardInterrupt

    stdout = sys.stdout
    with pytest.raises(KeyboardInterrupt):
        cache.jalankan(["capaian"], interrupted)
    assert sys.stdout is stdout
    assert not list(tmp_path.glob("*.bin"))
    assert bacaan.daftar() is None


def test_stdout_and_stderr_keep_their_order() -> None:
    rekaman = cache._Rekaman()
    for nomor, data in ((1, b"a"), (1, b"b"), (2, b"c"), (1, b"d")):
        rekaman.tambah(nomor, data)
    assert rekaman.potongan == [(1, b"ab"), (2, b"c"), (1, b"d")]


def test_eviction_drops_least_recently_used(tmp_path: Path) -> None:
    for i in range(12):
        path = tmp_path / f"{i:040d}.bin"
        path.write_bytes(b"x" * 100)
        os.utime(path, ns=(i * 10**9, i * 10**9))
    stale = tmp_path / ".tmp-lama.tmp"
    stale.write_bytes(b"")
    os.utime(stale, (0, 0))
    cache.pangkas(str(tmp_path), maks_entri=10, maks_bayt=10**6)
    assert sorted(p.name[-6:-4] for p in tmp_path.glob("*.bin")) == [
        f"{i:02d}" for i in range(3, 12)
    ]
    assert not stale.exists()
    cache.pangkas(str(tmp_path), maks_entri=100, maks_bayt=500)
    assert len(list(tmp_path.glob("*.bin"))) == 4  # 450 bytes at most: the newest four


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pty")
def test_terminal_output_is_cached_apart_from_piped_output(ruang: Ruang) -> None:
    import pty

    def in_pty(*args: str) -> tuple[int, bytes, bool]:
        master, slave = pty.openpty()
        jejak = ruang.cache.parent / f"pty-{next(_nomor)}.txt"
        env = {**ruang.env, "JEJAK_MODUL": str(jejak), "TERM": "xterm-256color"}
        env.pop("NO_COLOR", None)
        proc = subprocess.Popen(
            [sys.executable, "-c", HARNESS, *args],
            cwd=ruang.kerja,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=slave,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        return proc.wait(), b"".join(chunks), not jejak.read_text().split()

    args = ("capaian", "--tahun", "2025", "--sk", "SK.1")
    code, first, hit_first = in_pty(*args)
    code_again, again, hit_again = in_pty(*args)
    assert (code, hit_first) == (0, False)
    assert (code_again, hit_again) == (0, True)
    assert again == first
    assert b"\x1b[" in first  # styled for the terminal
    piped = ruang(*args)
    assert not piped.dari_cache  # a pipe is another key
    assert b"\x1b[" not in piped.stdout


def test_console_script_uses_the_cache_entry_point() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert pyproject["project"]["scripts"]["renja"] == "renja_cli.masuk:main"


def test_strip_tanpa_cache_only_before_double_dash() -> None:
    from renja_cli.masuk import buang_flag

    assert buang_flag(["capaian", "--tanpa-cache"]) == (["capaian"], True)
    assert buang_flag(["validasi", "--", "--tanpa-cache"]) == (
        ["validasi", "--", "--tanpa-cache"],
        False,
    )


def test_cache_folder(tmp_path: Path) -> None:
    assert cache.folder_cache({"RENJA_CACHE_DIR": "c", "XDG_CACHE_HOME": "/x"}) == str(
        Path("c").resolve()
    )
    assert cache.folder_cache({"XDG_CACHE_HOME": "/x"}) == "/x/renja"
    assert cache.folder_cache({"XDG_CACHE_HOME": "relatif"}) != "relatif/renja"
    assert cache.dimatikan({"RENJA_CACHE": "0"})
    assert not cache.dimatikan({"RENJA_CACHE": "1"})
