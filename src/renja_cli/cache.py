"""Result cache: replay a command's output when nothing it depends on has changed.

An entry is keyed by everything that shapes the output except the data (tool
version and code, Python and installed packages, argv, working directory,
output-affecting environment, terminal) and records what the data was: each
file the run read (path, size, mtime_ns, ctime_ns, content hash) and a listing
digest of each data folder it looked in (or, for a folder where a file was looked
up by name, of its names). A hit needs all of them unchanged.

Standard library only, and no ``re``/``json``/``hashlib``/``dataclasses``:
this runs before (and, on a hit, instead of) importing the CLI.
"""

# pathlib and contextlib would cost milliseconds on every start: os.path it is.
# ruff: noqa: PTH100, PTH103, PTH105, PTH108, PTH109, PTH111, PTH116, PTH117, PTH118, PTH119, PTH120, PTH123, SIM105

from __future__ import annotations

import io
import marshal
import os
import sys

from renja_cli import __version__, bacaan
from renja_cli.bacaan import Bacaan, blake2b, ringkas, sidik_berkas, stat_kecil

TYPE_CHECKING = False  # typing itself costs a few ms at start-up
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any, BinaryIO, TextIO

FORMAT = 2
MAGIC = b"renja-cache\x00" + bytes([FORMAT, marshal.version])
_DIGEST = 16
_AKHIRAN = ".bin"

MAKS_ENTRI = 200
MAKS_BAYT = 50 * 1024 * 1024
MAKS_KELUARAN = 8 * 1024 * 1024
"""An output larger than this is passed through but not stored."""
_SISA_TMP_DETIK = 3600

KODE_DICACHE = frozenset({0, 1, 2})
"""Success, invalid data, usage error. Never 3 (internal error) or 130 (interrupted)."""

PERINTAH_DICACHE = frozenset(
    {"capaian", "rincian", "ringkasan", "tren", "validasi", "ikm", "pohon"}
)
"""Commands that only print and read only files they record. Any other command
(skema, templat, impor, init, laporan, and beda, whose output depends on git's
history) always runs: an allow-list, so a new command is safe."""

_OPSI_TULIS = ("--keluaran", "--output", "--tulis", "--simpan")
"""Options that make an otherwise printing command write a file (plus ``-o``)."""

_ENV_KUNCI = frozenset(
    {
        "COLUMNS",
        "LINES",
        "JUPYTER_COLUMNS",
        "JUPYTER_LINES",
        "NO_COLOR",
        "FORCE_COLOR",
        "PY_COLORS",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "TERM",
        "COLORTERM",
        "TERM_PROGRAM",
        "TERMINAL_WIDTH",
        "UNICODE_VERSION",
        "PYTHONIOENCODING",
        "PYTHONUTF8",
        "PYTHONLEGACYWINDOWSSTDIO",
        "LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_CTYPE",
        "LC_MESSAGES",
        "GITHUB_ACTIONS",
        "DATABRICKS_RUNTIME_VERSION",
        "TYPER_USE_RICH",
        "PYDANTIC_DISABLE_PLUGINS",
    }
)
"""Variables read by renja, rich, click or typer that can change what is printed."""
_ENV_AWALAN = ("RENJA_", "_RENJA_", "_TYPER_")
_ENV_BUKAN_KUNCI = frozenset({"RENJA_CACHE", "RENJA_CACHE_DIR"})
"""They choose whether and where to cache, not what is printed."""


# --- whether to cache ---------------------------------------------------------


def dimatikan(env: os._Environ[str] | dict[str, str]) -> bool:
    return env.get("RENJA_CACHE", "").strip().lower() in {"0", "false", "no", "off", "tidak"}


def _menulis(token: str) -> bool:
    if token in _OPSI_TULIS or token.startswith(tuple(f"{o}=" for o in _OPSI_TULIS)):
        return True
    # -o, -oFILE, or a cluster of short flags holding o: assume it writes
    return token.startswith("-") and not token.startswith("--") and "o" in token


_TANPA_CACHE_BERKAS = frozenset({"beda", "impor"})
"""Commands whose inputs are temporary copies: per-file entries would never be reused."""


def kata_perintah(argv: Sequence[str]) -> str | None:
    """The command word of ``renja ARGV`` (the first non-option before ``--``)."""
    for token in argv:
        if token == "--":
            break
        if not token.startswith("-"):
            return token
    return None


def melengkapi(env: os._Environ[str] | dict[str, str]) -> bool:
    """Whether this run answers shell completion (from COMP_WORDS, not from argv)."""
    return any("_COMPLETE" in name for name in env if name.startswith(("_RENJA", "_TYPER")))


def bisa_dicache(argv: list[str], env: os._Environ[str] | dict[str, str]) -> bool:
    """Whether ``renja ARGV`` only prints (allow-listed command, no file written)."""
    if melengkapi(env):
        return False
    for token in argv:
        if token == "--":
            break
        if token.startswith(("--install-completion", "--show-completion")):
            return False
        if _menulis(token):
            return False
    perintah = kata_perintah(argv)
    if perintah is None:  # renja, renja --help, renja --versi
        return True
    if perintah not in PERINTAH_DICACHE:
        return False
    # validasi --format github appends to the job summary file
    return not (perintah == "validasi" and env.get("GITHUB_STEP_SUMMARY"))


def folder_cache(env: os._Environ[str] | dict[str, str]) -> str | None:
    """``$RENJA_CACHE_DIR``, else ``$XDG_CACHE_HOME/renja``, else ``~/.cache/renja``
    (None without a home folder: no cache rather than a '~' folder here)."""
    explicit = env.get("RENJA_CACHE_DIR")
    if explicit:
        return os.path.abspath(explicit)
    xdg = env.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "renja")
    if os.name == "nt" and env.get("LOCALAPPDATA"):  # pragma: no cover - Windows
        return os.path.join(env["LOCALAPPDATA"], "renja", "cache")
    home = os.path.expanduser("~")
    return os.path.join(home, ".cache", "renja") if os.path.isabs(home) else None


# --- the key --------------------------------------------------------------------


_sidik_kode_diketahui: tuple[tuple[str, int, int], ...] | None = None


def _sidik_kode() -> tuple[tuple[str, int, int], ...]:
    """Every .py file of the package: an edited checkout must not replay old output.
    Taken once per process (the result cache's key and the per-file cache use it)."""
    global _sidik_kode_diketahui
    if _sidik_kode_diketahui is None:
        _sidik_kode_diketahui = _pindai_kode()
    return _sidik_kode_diketahui


def _pindai_kode() -> tuple[tuple[str, int, int], ...]:
    root = os.path.dirname(os.path.abspath(__file__))
    found: list[tuple[str, int, int]] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as it:
            for entry in it:
                if entry.is_dir():
                    if entry.name not in {"__pycache__", "_data"}:
                        stack.append(entry.path)
                elif entry.name.endswith(".py"):
                    st = entry.stat()
                    found.append((entry.path, st.st_size, st.st_mtime_ns))
    return tuple(sorted(found))


def _sidik_paket() -> tuple[tuple[str, int], ...]:
    """mtime of each import folder: installing or upgrading a package changes it."""
    result = []
    for entry in sys.path[1:]:  # [0] is the script's folder or the cwd
        try:
            result.append((entry, os.stat(entry).st_mtime_ns))
        except (OSError, ValueError, TypeError):
            continue
    return tuple(result)


def _terminal() -> tuple[object, ...]:
    """What rich and click learn from the standard streams."""
    tty = []
    for fd in (0, 1, 2):
        try:
            tty.append(os.isatty(fd))
        except OSError:
            tty.append(False)
    size: tuple[int, int] | None = None
    for fd in (1, 2) if os.name == "nt" else (0, 1, 2):  # rich's order
        try:
            columns, lines = os.get_terminal_size(fd)
        except (OSError, ValueError):
            continue
        size = (columns, lines)
        break
    streams = [
        (getattr(s, "encoding", None), getattr(s, "errors", None)) for s in (sys.stdout, sys.stderr)
    ]
    return tuple(tty), size, tuple(streams)


def kunci(argv: list[str], env: os._Environ[str] | dict[str, str]) -> str:
    """Hex key of everything except the data that decides what ``renja ARGV`` prints."""
    main_module = sys.modules.get("__main__")
    parts = (
        FORMAT,
        __version__,
        _sidik_kode(),
        sys.version,
        sys.executable,
        sys.platform,
        sys.flags.utf8_mode,
        _sidik_paket(),
        os.path.basename(sys.argv[0]) if sys.argv else "",
        getattr(main_module, "__package__", None),  # click's program name
        tuple(argv),
        os.getcwd(),
        tuple(
            sorted(
                (name, value)
                for name, value in env.items()
                if (name in _ENV_KUNCI or name.startswith(_ENV_AWALAN))
                and name not in _ENV_BUKAN_KUNCI
            )
        ),
        _terminal(),
    )
    text = repr(parts).encode("utf-8", "surrogateescape")
    return blake2b(text, digest_size=20).hexdigest()


# --- entries --------------------------------------------------------------------

Potongan = tuple[int, bytes]
"""One piece of output: (1 for stdout or 2 for stderr, bytes)."""
CatatanBerkas = tuple[str, int, int, int, bytes]
"""(path, size, mtime_ns, ctime_ns, content hash); size -1 for a file that did not exist."""


class Entri:
    """A stored run: its output, exit code and what it read."""

    __slots__ = ("berkas", "folder", "keluaran", "kode")

    def __init__(
        self,
        kode: int,
        keluaran: tuple[Potongan, ...],
        berkas: tuple[CatatanBerkas, ...],
        folder: tuple[tuple[str, bytes], ...],
    ) -> None:
        self.kode = kode
        self.keluaran = keluaran
        self.berkas = berkas
        self.folder = folder


def _jalur(folder: str, key: str) -> str:
    return os.path.join(folder, key + _AKHIRAN)


def _urai(data: bytes, key: str) -> Entri | None:
    """The entry in ``data``, or None for anything foreign, corrupt or truncated."""
    head = len(MAGIC) + _DIGEST
    if len(data) < head or not data.startswith(MAGIC):
        return None
    body = data[head:]
    if blake2b(body, digest_size=_DIGEST).digest() != data[len(MAGIC) : head]:
        return None
    try:
        value = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(value, tuple) and len(value) == 5 and value[0] == key):
        return None
    _, kode, keluaran, berkas, folder = value
    ok = (
        type(kode) is int
        and isinstance(keluaran, tuple)
        and all(
            isinstance(p, tuple) and len(p) == 2 and p[0] in (1, 2) and type(p[1]) is bytes
            for p in keluaran
        )
        and catatan_sah(berkas, folder)
    )
    return Entri(kode, keluaran, berkas, folder) if ok else None


def catatan_sah(berkas: object, folder: object) -> bool:
    """Recorded files and folders have the shape :func:`catatan_bacaan` gives."""
    return (
        isinstance(berkas, tuple)
        and all(
            isinstance(b, tuple)
            and len(b) == 5
            and type(b[0]) is str
            and type(b[1]) is int
            and type(b[2]) is int
            and type(b[3]) is int
            and type(b[4]) is bytes
            for b in berkas
        )
        and isinstance(folder, tuple)
        and all(
            isinstance(f, tuple) and len(f) == 2 and type(f[0]) is str and type(f[1]) is bytes
            for f in folder
        )
    )


def baca(folder: str, key: str) -> Entri | None:
    try:
        with open(_jalur(folder, key), "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return _urai(data, key)


def masih_berlaku(entri: Entri) -> bool:
    """Every data folder listing and every file read are as they were."""
    return tak_berubah(entri.berkas, entri.folder)


def tak_berubah(berkas: Iterable[CatatanBerkas], folder: Iterable[tuple[str, bytes]]) -> bool:
    """Every recorded folder listing and file (stat, then content hash) is as it was."""
    for path, digest in folder:
        if ringkas(path) != digest:
            return False
    for path, size, mtime_ns, ctime_ns, sidik in berkas:
        now = stat_kecil(path)
        if size < 0:
            if now is not None:
                return False
            continue
        if now != (size, mtime_ns, ctime_ns) or sidik_berkas(path, now) != sidik:
            return False
    return True


def _kemas(key: str, kode: int, keluaran: Iterable[Potongan], bac: Bacaan) -> bytes | None:
    """Serialise an entry, or None if an input changed while the command ran."""
    catatan = catatan_bacaan(bac)
    if catatan is None:
        return None
    berkas, folder = catatan
    body = marshal.dumps((key, kode, tuple(keluaran), berkas, folder))
    return MAGIC + blake2b(body, digest_size=_DIGEST).digest() + body


def catatan_bacaan(
    bac: Bacaan,
) -> tuple[tuple[CatatanBerkas, ...], tuple[tuple[str, bytes], ...]] | None:
    """What was read, with content hashes; None if an input changed since it was read
    or a folder was too big to record."""
    berkas: list[CatatanBerkas] = []
    for path, seen in bac.berkas.items():
        now = stat_kecil(path)
        if now != seen:
            return None
        if now is None:
            berkas.append((path, -1, -1, -1, b""))
            continue
        sidik = sidik_berkas(path, now)
        if sidik is None or stat_kecil(path) != now:
            return None
        berkas.append((path, *now, sidik))
    folder: list[tuple[str, bytes]] = []
    for path, digest in bac.folder.items():
        if digest is None or ringkas(path) != digest:
            return None
        folder.append((path, digest))
    return tuple(berkas), tuple(folder)


def tulis(folder: str, key: str, data: bytes, akhiran: str = _AKHIRAN) -> None:
    """Write atomically: a unique temporary file, then ``os.replace``."""
    os.makedirs(folder, mode=0o700, exist_ok=True)
    final = os.path.join(folder, key + akhiran)
    tmp = os.path.join(folder, f".{key}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, final)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def pangkas(
    folder: str,
    maks_entri: int = MAKS_ENTRI,
    maks_bayt: int = MAKS_BAYT,
    akhiran: str = _AKHIRAN,
) -> None:
    """Keep at most ``maks_entri`` entries and ``maks_bayt`` bytes, dropping the
    least recently used first (a hit refreshes an entry's mtime)."""
    import time

    entries: list[tuple[int, int, str]] = []
    total = 0
    now = time.time()
    with os.scandir(folder) as it:
        for entry in it:
            try:
                st = entry.stat()
            except OSError:
                continue
            if entry.name.endswith(".tmp"):  # left by a killed process
                if now - st.st_mtime > _SISA_TMP_DETIK:
                    _hapus(entry.path)
                continue
            if entry.name.endswith(akhiran):
                entries.append((st.st_mtime_ns, st.st_size, entry.path))
                total += st.st_size
    if len(entries) <= maks_entri and total <= maks_bayt:
        return
    entries.sort()
    keep_count, keep_bytes = maks_entri * 9 // 10, maks_bayt * 9 // 10
    count = len(entries)
    for _, size, path in entries:
        if count <= keep_count and total <= keep_bytes:
            break
        _hapus(path)
        count -= 1
        total -= size


def _hapus(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


# --- replay and capture ---------------------------------------------------------


def putar(entri: Entri) -> None:
    """Write the stored output, keeping the order of stdout and stderr pieces."""
    out = sys.stdout.buffer
    err = sys.stderr.buffer
    last = None
    try:
        for stream, data in entri.keluaran:
            target = out if stream == 1 else err
            if last is not None and target is not last:
                last.flush()
            target.write(data)
            last = target
        out.flush()
        err.flush()
    except BrokenPipeError:  # the reader went away (| head): stay quiet, like the CLI
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class _Cabang(io.BufferedIOBase):
    """A binary stream that writes through to the real one and keeps a copy."""

    def __init__(self, asli: BinaryIO, nomor: int, rekaman: _Rekaman) -> None:
        super().__init__()
        self._asli = asli
        self._nomor = nomor
        self._rekaman = rekaman

    def write(self, data: Any) -> int:
        raw = bytes(data)
        self._asli.write(raw)
        self._rekaman.tambah(self._nomor, raw)
        return len(raw)

    def flush(self) -> None:
        self._asli.flush()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._asli.isatty()

    def fileno(self) -> int:
        return self._asli.fileno()

    def close(self) -> None:  # never close the real stream
        self.flush()


class _Rekaman:
    """The output pieces of one run, in the order they reached the streams."""

    def __init__(self) -> None:
        self.potongan: list[Potongan] = []
        self.ukuran = 0
        self.terlalu_besar = False

    def tambah(self, nomor: int, data: bytes) -> None:
        if not data or self.terlalu_besar:
            return
        self.ukuran += len(data)
        if self.ukuran > MAKS_KELUARAN:
            self.terlalu_besar = True
            self.potongan.clear()
        elif self.potongan and self.potongan[-1][0] == nomor:
            self.potongan[-1] = (nomor, self.potongan[-1][1] + data)
        else:
            self.potongan.append((nomor, data))


_STDIN_AMAN = frozenset(
    {"isatty", "fileno", "encoding", "errors", "name", "mode", "closed", "newlines"}
)


class _PengintaiStdin:
    """Stands in for sys.stdin and notes any read: such a run is not stored."""

    def __init__(self, asli: TextIO) -> None:
        self._asli = asli
        self.dibaca = False

    def __getattr__(self, name: str) -> Any:
        if name not in _STDIN_AMAN:
            self.dibaca = True
        return getattr(self._asli, name)

    def __iter__(self) -> Any:
        self.dibaca = True
        return iter(self._asli)


def _bungkus(asli: TextIO, nomor: int, rekaman: _Rekaman) -> io.TextIOWrapper:
    """A text stream like ``asli`` (encoding, errors, buffering) over a tee."""
    return io.TextIOWrapper(
        _Cabang(asli.buffer, nomor, rekaman),  # type: ignore[arg-type]
        encoding=getattr(asli, "encoding", None) or "utf-8",
        errors=getattr(asli, "errors", None) or "strict",
        line_buffering=bool(getattr(asli, "line_buffering", False)),
        write_through=bool(getattr(asli, "write_through", False)),
    )


def rekam(jalankan_cli: Callable[[], None]) -> tuple[int, _Rekaman, bool]:
    """Run the CLI with stdout/stderr teed; return (exit code, output, stdin read).

    Any other ending (a non-numeric exit, Ctrl-C) is re-raised once the streams
    are restored, and nothing is stored.
    """
    rekaman = _Rekaman()
    asli_out, asli_err, asli_in = sys.stdout, sys.stderr, sys.stdin
    out = _bungkus(asli_out, 1, rekaman)
    err = _bungkus(asli_err, 2, rekaman)
    pengintai = _PengintaiStdin(asli_in) if asli_in is not None else None
    sys.stdout, sys.stderr = out, err
    if pengintai is not None:
        sys.stdin = pengintai
    kode = 0
    try:
        jalankan_cli()
        kode = 0
    except SystemExit as exc:
        if exc.code is None:
            kode = 0
        elif type(exc.code) is int:
            kode = exc.code
        else:
            raise
    finally:
        for wrapper in (out, err):
            try:
                wrapper.flush()
                wrapper.detach()
            except (OSError, ValueError):
                pass
        sys.stdout, sys.stderr, sys.stdin = asli_out, asli_err, asli_in
    return kode, rekaman, pengintai is not None and pengintai.dibaca


# --- the whole thing ------------------------------------------------------------


def _aliran_biasa() -> bool:
    """Real standard streams we can tee and replay into."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "buffer"):
            return False
    if os.name == "nt":  # pragma: no cover - rich may draw a console via the Win32 API
        return not (sys.stdout.isatty() or sys.stderr.isatty())
    return True


def _cari(folder: str, key: str) -> Entri | None:
    try:
        entri = baca(folder, key)
        return entri if entri is not None and masih_berlaku(entri) else None
    except (OSError, ValueError):  # a broken cache must never break the command
        return None


folder_berkas: str | None = None
"""The cache folder the per-file cache (:mod:`renja_cli.cache_berkas`) uses in this
process; None (library use, ``RENJA_CACHE=0``, ``--tanpa-cache``) leaves it off."""


def jalankan(argv: list[str], jalankan_cli: Callable[[], None]) -> None:
    """Answer ``renja ARGV`` from the cache, or run it and store what it printed."""
    global folder_berkas
    env = os.environ
    if dimatikan(env):
        jalankan_cli()
        return
    try:
        folder = folder_cache(env)
    except (OSError, ValueError):
        folder = None
    # every command may reuse what an unchanged file gave, writing ones included;
    # not those reading temporary copies (git revisions, a workbook being imported)
    folder_berkas = None if kata_perintah(argv) in _TANPA_CACHE_BERKAS else folder
    try:
        _jalankan(argv, env, folder, jalankan_cli)
    finally:
        folder_berkas = None


def _jalankan(
    argv: list[str],
    env: os._Environ[str],
    folder: str | None,
    jalankan_cli: Callable[[], None],
) -> None:
    if folder is None or not bisa_dicache(argv, env) or not _aliran_biasa():
        jalankan_cli()
        return
    try:
        key = kunci(argv, env)
    except (OSError, ValueError):  # e.g. the working folder was deleted
        jalankan_cli()
        return
    entri = _cari(folder, key)
    if entri is not None:
        putar(entri)
        try:
            os.utime(_jalur(folder, key))  # recently used: evicted last
        except OSError:
            pass
        sys.exit(entri.kode)
    bacaan.mulai()
    try:
        kode, rekaman, stdin_dibaca = rekam(jalankan_cli)
    finally:
        bac = bacaan.berhenti()
    if kode in KODE_DICACHE and not stdin_dibaca and not rekaman.terlalu_besar and bac:
        try:
            data = _kemas(key, kode, rekaman.potongan, bac)
            if data is not None:
                tulis(folder, key, data)
                pangkas(folder)
        except (OSError, ValueError):
            pass
    sys.exit(kode)
