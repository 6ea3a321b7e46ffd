"""``renja beda``: what changed in meaning between two versions of a data folder,
and which changes rewrite history.

Each side is a folder: a git revision written out to a temporary folder
(``git ls-tree`` + ``git cat-file --batch``), the working tree, or a plain
folder. Both are read with the loaders every command uses, so a broken side
gives the located, coded errors ``validasi`` gives — as findings, never a
crash. Models are compared field by field (``model_dump``), keyed by codes
(indicator, SK, instansi, predicate, period), never by list position; record
CSVs are keyed by NIP, ``nomor``, instansi (through the instansi lookup) or
``kegiatan``. The figures of both sides come from the functions ``capaian``
uses, at every quarter either side reports.

History is judged by the marks of the *old* side, so one change cannot both
remove a mark and rewrite what it protected:

* R501/R502 — the old side's ``pengaturan.pk_ditandatangani`` is set and a
  target (R501: the main one, an indicator, ``target_utama``, ``arah``; R502:
  other targets, quarterly targets, formula, period or capaian rules) changed;
* R503/R504 — the old side's period file has ``ditutup`` and its values,
  budget or record files (R503) or its narrative (R504) changed;
* R505 — a status went from *belum tercapai* to *tercapai* although the new
  realisasi against the old target and rules would still not reach it;
* R506 — a signing or closing mark was removed or its date changed;
* R507 — the realisasi of a closed quarter moved through another file
  (formula, scale, population, settings, an earlier quarter).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from renja_cli.data.baca import (
    PERIODE_URUT,
    RealisasiTahun,
    load_realisasi,
    period_files,
    read_rencana,
    realisasi_folder,
)
from renja_cli.data.folder import DataSource, available_years, target_path
from renja_cli.data.konteks import Konteks, periksa_rujukan
from renja_cli.data.referensi import PencariInstansi, Referensi
from renja_cli.errors import DataError, DataErrors, Location, RenjaError, UsageError
from renja_cli.formula import berkas_dibaca, berkas_formula
from renja_cli.hitung.capaian import aturan_indikator, nilai_capaian
from renja_cli.hitung.periode import label_periode
from renja_cli.io.berkas import daftar_folder
from renja_cli.io.yamlfile import Positions, load_file
from renja_cli.laporan.capaian import baris_capaian, periode_sampai, realisasi_indikator
from renja_cli.laporan.objek import BarisCapaian
from renja_cli.model.dasar import as_target
from renja_cli.model.realisasi import BerkasRealisasi
from renja_cli.model.rencana import Indikator, RencanaKerja
from renja_cli.numbers import format_percent, format_value
from renja_cli.rekaman import dataclass, field

Tingkat = Literal["galat", "peringatan"]
Sisi = Literal["lama", "baru"]

CONTOH_RINCIAN = 5
"""Records listed per changed file; the rest are counted."""

REFERENSI = ("instansi", "skala", "survei")
"""Reference files of a data folder; each can change figures (``survei``: IKM answers)."""

_NILAI_REALISASI = ("nilai", "pembilang", "penyebut", "komponen", "tersedia", "sementara")
_ATURAN_PENGATURAN = (
    "batas_capaian",
    "aturan_turun",
    "ambang_tercapai",
    "presisi_realisasi",
    "instansi_hilang",
    "berkas_hilang",
)


# --- what the report holds -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Temuan:
    """A finding: a change that rewrites history, or a side that cannot be read."""

    tingkat: Tingkat
    kode: str
    pesan: str
    sisi: Sisi
    lokasi: Location | None = None
    bidang: str | None = None


@dataclass(frozen=True, slots=True)
class Perubahan:
    """One change of meaning. ``lama``/``baru`` are plain values (None = not there)."""

    jenis: str
    subjek: str
    bidang: str | None = None
    lama: Any = None
    baru: Any = None
    tahun: int | None = None
    periode: str | None = None
    indikator: tuple[str, ...] = ()
    """Indicators the change belongs to (a record file: every indicator reading it)."""
    persen: bool = False
    """Values are percentages (shown ``30 %``)."""
    jumlah: tuple[tuple[str, int], ...] = ()
    """Record files: (ditambah|dihapus|berubah, count)."""
    rincian: tuple[str, ...] = ()
    """Record files: the first records changed, as written in the files."""
    sisi: Sisi = "baru"
    lokasi: Location | None = None


@dataclass(frozen=True, slots=True)
class PerubahanAngka:
    """One indicator's figure at one quarter, before and after."""

    tahun: int
    triwulan: int
    posisi: str
    kode: str
    nama: str
    lama: BarisCapaian | None
    baru: BarisCapaian | None
    ditutup: date | None = None
    """The old side's closing date of the quarter's period file."""


@dataclass(frozen=True, slots=True)
class LaporanBeda:
    """Everything ``renja beda`` found between two versions."""

    lama: str
    baru: str
    perubahan: tuple[Perubahan, ...]
    angka: tuple[PerubahanAngka, ...]
    temuan: tuple[Temuan, ...]
    nama_indikator: dict[tuple[int, str], str] = field(default_factory=dict)
    """(tahun, kode) → short name of every indicator on either side."""

    @property
    def ada_perubahan(self) -> bool:
        return bool(self.perubahan or self.angka)

    @property
    def jumlah_galat(self) -> int:
        return sum(1 for t in self.temuan if t.tingkat == "galat")

    @property
    def jumlah_peringatan(self) -> int:
        return sum(1 for t in self.temuan if t.tingkat == "peringatan")

    def valid(self, ketat: bool = False) -> bool:
        """No error finding (with ``ketat``: no finding at all)."""
        return self.jumlah_galat == 0 and (not ketat or self.jumlah_peringatan == 0)


def teks_nilai(value: Any, persen: bool = False) -> str:
    """A value as reports write it: ``30 %``, ``9.875``, ``2025-02-20``, ``—`` for none."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        return format_value(value, persen)
    if isinstance(value, dict):
        if set(value) == {"min", "maks"}:
            low, high = value["min"], value["maks"]
            return f"{teks_nilai(low)}–{teks_nilai(high, persen)}"
        return "{" + ", ".join(f"{k}: {teks_nilai(v, persen)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(teks_nilai(v, persen) for v in value) + "]"
    return str(value)


# --- git -------------------------------------------------------------------------------


class _GitGagal(Exception):
    pass


def _git(args: Sequence[str], cwd: Path, masukan: bytes | None = None) -> bytes:
    program = shutil.which("git")
    if program is None:
        raise UsageError(
            "git tidak ditemukan; pasang git, atau bandingkan dua folder dengan "
            "--dari FOLDER --ke FOLDER",
            code="U005",
        )
    proc = subprocess.run(
        [program, *args], cwd=cwd, input=masukan, capture_output=True, check=False
    )
    if proc.returncode != 0:
        raise _GitGagal(proc.stderr.decode("utf-8", "replace").strip())
    return proc.stdout


def _repositori(folder: Path) -> tuple[Path, str]:
    """The repository holding ``folder`` and the folder's path inside it."""
    start = folder
    while not start.is_dir() and start != start.parent:
        start = start.parent
    if not start.is_dir():
        start = Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], start).decode().strip())
    except _GitGagal:
        raise UsageError(
            f"folder '{folder}' tidak berada di repositori git; bandingkan dua folder dengan "
            "--dari FOLDER --ke FOLDER",
            code="U005",
        ) from None
    try:
        inside = folder.resolve().relative_to(top.resolve())
    except ValueError:
        raise UsageError(
            f"folder '{folder}' tidak berada di repositori git {top}", code="U005"
        ) from None
    return top, inside.as_posix() if inside.parts else ""


def _komit(top: Path, revisi: str) -> str:
    try:
        out = _git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revisi}^{{commit}}"], top
        )
    except _GitGagal:
        raise UsageError(
            f"revisi git '{revisi}' tidak dikenal di {top} (contoh: HEAD, main, origin/main, "
            "HEAD~1, hash komit)",
            code="U005",
        ) from None
    return out.decode().strip()


def _belum_ada_komit(top: Path) -> bool:
    """HEAD names a branch with no commit yet (a new repository)."""
    try:
        _git(["rev-parse", "--verify", "--quiet", "HEAD"], top)
    except _GitGagal:
        try:
            _git(["symbolic-ref", "--quiet", "HEAD"], top)
        except _GitGagal:
            return False
        return True
    return False


def _keluarkan(top: Path, komit: str, prefix: str, tujuan: Path) -> None:
    """Write the files under ``prefix`` at ``komit`` into ``tujuan`` (blobs only)."""
    args = ["ls-tree", "-r", "-z", komit]
    if prefix:
        args += ["--", prefix]
    listing = _git(args, top)
    wanted: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, oid = meta.decode().split(" ")
        path = raw_path.decode("utf-8", "surrogateescape")
        if kind != "blob" or mode not in ("100644", "100755"):
            continue  # symlinks and submodules are not data files
        if prefix:
            if not path.startswith(prefix + "/"):
                continue
            path = path[len(prefix) + 1 :]
        parts = Path(path).parts
        if not parts or any(p in ("..", "") for p in parts) or Path(path).is_absolute():
            continue
        wanted.append((oid, path))
    if not wanted:
        return
    out = _git(["cat-file", "--batch"], top, "".join(f"{oid}\n" for oid, _ in wanted).encode())
    pos = 0
    for _, path in wanted:
        end = out.index(b"\n", pos)
        header = out[pos:end].split(b" ")
        pos = end + 1
        if len(header) != 3:  # "<oid> missing"
            continue
        size = int(header[2])
        target = tujuan / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out[pos : pos + size])
        pos += size + 1


def _tampil(folder: Path) -> Path:
    """How a data folder is named in messages: relative to here when it lies below."""
    if not folder.is_absolute():
        return folder
    try:
        return folder.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return folder


# --- one side ---------------------------------------------------------------------------


@dataclass
class _Tahun:
    rencana: RencanaKerja
    positions: Positions
    path: Path
    realisasi: RealisasiTahun
    ctx: Konteks
    jenis: str | None
    letak: dict[str, tuple[int, int, str]]
    """Indicator code → (SK index, indicator index, SK code)."""
    periode_rusak: set[str] = field(default_factory=set)
    angka: dict[tuple[int, str], BarisCapaian | None] = field(default_factory=dict)

    def indikator(self, kode: str) -> Indikator | None:
        where = self.letak.get(kode)
        if where is None:
            return None
        return self.rencana.sasaran[where[0]].indikator[where[1]]

    def loc_indikator(self, kode: str, *rest: str | int) -> tuple[str | int, ...]:
        i, j, _ = self.letak[kode]
        return ("sasaran", i, "indikator", j, *rest)


class _Sisi:
    """One version of the data folder, read as every command reads it."""

    def __init__(self, nama: Sisi, label: str, root: Path, tampil: Path) -> None:
        self.nama = nama
        self.label = label
        """How the side is named in the report: ``HEAD:data``, ``data (pohon kerja)``."""
        self.root = root
        self.tampil = tampil
        """The name of ``root`` in locations: ``data`` (annotations), ``HEAD:data``."""
        self.referensi = Referensi(root)
        self.tahun: dict[int, _Tahun | None] = {}
        self.galat: list[DataError] = []
        self._positions: dict[Path, Positions | None] = {}
        self._ref_bytes: tuple[object, ...] | None = None

    def lokasi(self, loc: Location | None) -> Location | None:
        """A location inside the (maybe temporary) root, named as the user knows it."""
        if loc is None or loc.path is None:
            return loc
        try:
            rel = loc.path.relative_to(self.root)
        except ValueError:
            return loc
        return Location(self.tampil / rel, loc.line, loc.column, loc.sheet, loc.cell)

    def catat(self, exc: RenjaError) -> None:
        errors = exc.errors if isinstance(exc, DataErrors) else [exc]
        self.galat.extend(e for e in errors if isinstance(e, DataError))

    def muat(self) -> None:
        try:
            years = available_years(self.root)
        except DataError as exc:
            self.catat(exc)
            return
        for tahun in years:
            self.tahun[tahun] = self._muat_tahun(tahun)

    def _muat_tahun(self, tahun: int) -> _Tahun | None:
        try:
            path = target_path(self.root, tahun)
            rencana, positions = read_rencana(path)
        except RenjaError as exc:
            self.catat(exc)
            return None
        for problem in periksa_rujukan(rencana, positions, self.referensi):
            self.catat(problem)
        problems: list[DataError] = []
        realisasi = load_realisasi(self.root, rencana, problems)
        for problem in problems:
            self.catat(problem)
        present, _ = period_files(realisasi_folder(self.root, tahun))
        rusak = {p.stem for p in present} - set(realisasi.berkas)
        source = DataSource(self.root, self.label)
        ctx = Konteks(source, rencana, realisasi, self.referensi, path, positions)
        letak = {
            ind.kode: (i, j, sk.kode)
            for i, sk in enumerate(rencana.sasaran)
            for j, ind in enumerate(sk.indikator)
        }
        utama = rencana.pengaturan.target_utama
        jenis = utama if any(utama in ind.target for _, ind in rencana.indikator()) else None
        return _Tahun(rencana, positions, path, realisasi, ctx, jenis, letak, rusak)

    def hitung(self, tahun: int, posisi: Sequence[int], hanya: set[str] | None = None) -> None:
        """Every indicator's row at every quarter, as ``capaian --triwulan N`` shows it
        (``hanya``: only these indicators)."""
        data = self.tahun.get(tahun)
        if data is None or data.jenis is None:
            return
        for triwulan in posisi:
            periods = periode_sampai(data.realisasi, triwulan)
            for sk in data.rencana.sasaran:
                for ind in sk.indikator:
                    if hanya is not None and ind.kode not in hanya:
                        continue
                    if periods and not data.realisasi.gabungan_utuh(ind.periode, periods[-1]):
                        data.angka[(triwulan, ind.kode)] = None
                        continue
                    try:
                        real = realisasi_indikator(data.ctx, ind, periods)
                        row = baris_capaian(data.ctx, sk.kode, ind, data.jenis, real)
                    except RenjaError as exc:
                        self.catat(exc)
                        row = None
                    data.angka[(triwulan, ind.kode)] = row

    def referensi_bytes(self) -> tuple[object, ...]:
        """Every reference file that can change a figure (instansi, skala, survei), as
        it is on disk: each file a role's name matches (two for one role are R013)."""
        if self._ref_bytes is None:
            found: list[object] = []
            try:
                names = daftar_folder(self.root)
            except DataError:
                names = []
            for stem in REFERENSI:
                wanted = {f"{stem}{suffix}" for suffix in (".yaml", ".yml")}
                for name in names:
                    if name.casefold() in wanted:
                        try:
                            found.append((name, (self.root / name).read_bytes()))
                        except OSError:
                            found.append((name, None))
            self._ref_bytes = tuple(found)
        return self._ref_bytes

    def positions(self, path: Path) -> Positions | None:
        """Positions of a reference file (read again only when something in it changed)."""
        if path not in self._positions:
            try:
                self._positions[path] = load_file(path)[1]
            except RenjaError:
                self._positions[path] = None
        return self._positions[path]


# --- comparing values -------------------------------------------------------------------


def _berkode(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) and isinstance(v.get("kode"), str) for v in value)
    )


def beda_nilai(
    lama: Any, baru: Any, jalur: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any, Any]]:
    """Leaf differences of two plain values; mappings by key, coded lists by ``kode``."""
    if lama == baru:
        return
    if isinstance(lama, dict) and isinstance(baru, dict):
        for key in dict.fromkeys([*lama, *baru]):
            yield from beda_nilai(lama.get(key), baru.get(key), (*jalur, str(key)))
        return
    if _berkode(lama) and _berkode(baru):
        a = {v["kode"]: v for v in lama}
        b = {v["kode"]: v for v in baru}
        for key in dict.fromkeys([*a, *b]):
            yield from beda_nilai(a.get(key), b.get(key), (*jalur, key))
        return
    yield jalur, lama, baru


def _target(entry: Any) -> Any:
    """A target as one plain value: ``95``, ``WTP``, ``{"min": 2, "maks": 4}``, or None."""
    spec = as_target(entry)
    if spec is None:
        return None
    if spec.predikat is not None:
        return spec.predikat
    if spec.nilai is not None:
        return spec.nilai
    return {"min": spec.min, "maks": spec.maks}


def _catatan_target(entry: Any) -> dict[str, Any]:
    spec = as_target(entry)
    if spec is None:
        return {}
    return spec.model_dump(mode="json", include={"catatan", "sumber"}, exclude_none=True)


def _dump(model: Any, **kwargs: Any) -> dict[str, Any]:
    result: dict[str, Any] = model.model_dump(mode="json", **kwargs)
    return result


# --- the comparison ---------------------------------------------------------------------


class _Banding:
    """Collects changes, figures and findings between two loaded sides."""

    def __init__(self, lama: _Sisi, baru: _Sisi) -> None:
        self.lama = lama
        self.baru = baru
        self.perubahan: list[Perubahan] = []
        self.angka: list[PerubahanAngka] = []
        self.temuan: list[Temuan] = []
        self._seen: set[tuple[object, ...]] = set()
        self.ditutup_berubah: set[tuple[int, str, str]] = set()
        """(tahun, periode, indicator) whose closed realisasi changed (R503 given)."""

    # findings
    def temukan(
        self,
        tingkat: Tingkat,
        kode: str,
        pesan: str,
        sisi: Sisi,
        lokasi: Location | None,
        bidang: str | None = None,
    ) -> None:
        key = (kode, pesan, sisi, str(lokasi), bidang)
        if key not in self._seen:
            self._seen.add(key)
            self.temuan.append(Temuan(tingkat, kode, pesan, sisi, lokasi, bidang))

    def galat_sisi(self) -> None:
        """Errors reading either side, as validasi reports them; an old-side problem the
        new side still has is reported once, as the new side's error."""
        still = {_kunci_galat(self.baru, err) for err in self.baru.galat}
        for side in (self.baru, self.lama):
            tingkat: Tingkat = "galat" if side.nama == "baru" else "peringatan"
            for err in side.galat:
                if side.nama == "lama" and _kunci_galat(side, err) in still:
                    continue
                pesan = err.message.replace(str(side.root), str(side.tampil))  # no temp paths
                if side.nama == "lama":
                    pesan = f"(versi lama) {pesan}"
                self.temukan(
                    tingkat, err.code, pesan, side.nama, side.lokasi(err.location), err.field
                )

    def ubah(self, *args: Any, **rest: Any) -> Perubahan:
        """Record one change (the arguments of :class:`Perubahan`)."""
        p = Perubahan(*args, **rest)
        self.perubahan.append(p)
        return p

    # locations
    def letak_rencana(
        self, tahun: int, loc: tuple[str | int, ...], pakai_lama: bool = False
    ) -> tuple[Sisi, Location | None]:
        side = self.lama if pakai_lama else self.baru
        data = side.tahun.get(tahun)
        if data is None:
            return side.nama, None
        return side.nama, side.lokasi(data.positions.locate(loc))

    def letak_realisasi(
        self, tahun: int, periode: str, loc: tuple[str | int, ...], pakai_lama: bool = False
    ) -> tuple[Sisi, Location | None]:
        side = self.lama if pakai_lama else self.baru
        data = side.tahun.get(tahun)
        if data is None or periode not in data.realisasi.berkas:
            return side.nama, None
        return side.nama, side.lokasi(data.realisasi.lokasi(periode, *loc))

    # --- the whole comparison ---
    def jalankan(self) -> None:
        self.referensi()
        years = sorted(set(self.lama.tahun) | set(self.baru.tahun))
        for tahun in years:
            self.tahun(tahun)
        self.galat_sisi()

    # --- reference data ---
    def referensi(self) -> None:
        for stem, model in zip(REFERENSI, ("instansi", "daftar_skala", "survei"), strict=True):
            a = self._baca_referensi(self.lama, stem, model)
            b = self._baca_referensi(self.baru, stem, model)
            if a is False or b is False:
                continue  # unreadable: the error is reported as a finding
            if a is None and b is None:
                continue
            if a is None or b is None:
                side = self.baru if b is not None else self.lama
                self.ubah(
                    "berkas",
                    f"{stem}.yaml",
                    lama=None if a is None else "ada",
                    baru=None if b is None else "ada",
                    sisi=side.nama,
                    lokasi=side.lokasi(Location(side.root / f"{stem}.yaml")),
                )
                if stem != "survei":
                    continue
                # without the file the regulation's defaults apply: say what differs
                a = a if a is not None else self.lama.referensi.survei
                b = b if b is not None else self.baru.referensi.survei
            if stem == "instansi":
                self._beda_instansi(a, b)
            elif stem == "skala":
                self._beda_skala(a, b)
            else:
                self._beda_survei(a, b)

    def _baca_referensi(self, side: _Sisi, stem: str, attr: str) -> Any:
        """The model, None when the file is absent, False when it is unreadable."""
        try:
            side.referensi.path(stem)
        except DataError:
            return None
        try:
            return getattr(side.referensi, attr)
        except RenjaError as exc:
            side.catat(exc)
            return False

    def _letak_ref(self, side: _Sisi, stem: str, loc: tuple[str | int, ...]) -> Location | None:
        try:
            path = side.referensi.path(stem)
        except DataError:
            return None
        positions = side.positions(path)
        return side.lokasi(positions.locate(loc) if positions else Location(path))

    def _beda_instansi(self, a: Any, b: Any) -> None:
        if a.populasi != b.populasi:
            self.ubah(
                "populasi",
                "instansi.yaml",
                "populasi",
                a.populasi,
                b.populasi,
                lokasi=self._letak_ref(self.baru, "instansi", ("populasi",)),
            )
        old = {i.kode: (n, i) for n, i in enumerate(a.instansi)}
        new = {i.kode: (n, i) for n, i in enumerate(b.instansi)}
        for kode in dict.fromkeys([*old, *new]):
            if kode not in old:
                n, item = new[kode]
                self.ubah(
                    "populasi",
                    f"instansi {kode}",
                    None,
                    None,
                    item.nama,
                    lokasi=self._letak_ref(self.baru, "instansi", ("instansi", n)),
                )
            elif kode not in new:
                n, item = old[kode]
                self.ubah(
                    "populasi",
                    f"instansi {kode}",
                    None,
                    item.nama,
                    None,
                    sisi="lama",
                    lokasi=self._letak_ref(self.lama, "instansi", ("instansi", n)),
                )
            else:
                n, item = new[kode]
                for jalur, x, y in beda_nilai(_dump(old[kode][1]), _dump(item)):
                    self.ubah(
                        "populasi",
                        f"instansi {kode}",
                        ".".join(jalur),
                        x,
                        y,
                        lokasi=self._letak_ref(self.baru, "instansi", ("instansi", n, *jalur)),
                    )

    def _beda_skala(self, a: Any, b: Any) -> None:
        for nama in dict.fromkeys([*a.skala, *b.skala]):
            x = a.skala.get(nama)
            y = b.skala.get(nama)
            if x is None or y is None:
                side = self.baru if y is not None else self.lama
                self.ubah(
                    "skala",
                    f"skala {nama}",
                    None,
                    None if x is None else x.nama,
                    None if y is None else y.nama,
                    sisi=side.nama,
                    lokasi=self._letak_ref(side, "skala", ("skala", nama)),
                )
                continue
            index = {p.kode: n for n, p in enumerate(y.predikat)}
            for jalur, v, w in beda_nilai(_dump(x), _dump(y)):
                loc: tuple[str | int, ...] = ("skala", nama, *jalur)
                if len(jalur) >= 2 and jalur[0] == "predikat" and jalur[1] in index:
                    loc = ("skala", nama, "predikat", index[jalur[1]], *jalur[2:])
                jenis = "narasi" if jalur[0] in ("nama", "sumber", "catatan") else "skala"
                self.ubah(
                    jenis,
                    f"skala {nama}",
                    ".".join(jalur),
                    v,
                    w,
                    lokasi=self._letak_ref(self.baru, "skala", loc),
                )

    def _beda_survei(self, a: Any, b: Any) -> None:
        """The survey reference (defaults with ``survei.yaml`` applied): answer wordings,
        weights, how survey files are combined, column names and mappings."""
        side = self.baru if self._ada_survei(self.baru) else self.lama
        for jalur, v, w in beda_nilai(_dump(a), _dump(b)):
            jenis = "narasi" if jalur[-1] in ("sumber", "pertanyaan") else "survei"
            self.ubah(
                jenis,
                "survei.yaml",
                ".".join(jalur),
                v,
                w,
                sisi=side.nama,
                lokasi=self._letak_ref(side, "survei", jalur),
            )

    @staticmethod
    def _ada_survei(side: _Sisi) -> bool:
        try:
            side.referensi.path("survei")
        except DataError:
            return False
        return True

    # --- one year ---
    def tahun(self, tahun: int) -> None:
        a = self.lama.tahun.get(tahun)
        b = self.baru.tahun.get(tahun)
        in_a, in_b = tahun in self.lama.tahun, tahun in self.baru.tahun
        if not in_a or not in_b:
            side = self.baru if in_b else self.lama
            data = side.tahun.get(tahun)
            p = self.ubah(
                "rencana_ditambah" if in_b else "rencana_dihapus",
                f"targets-{tahun}.yaml",
                tahun=tahun,
                lama=None if in_b else (data.rencana.kantor if data else "ada"),
                baru=(data.rencana.kantor if data else "ada") if in_b else None,
                sisi=side.nama,
                lokasi=side.lokasi(Location(data.path)) if data else None,
            )
            if not in_b and a is not None and a.rencana.pengaturan.pk_ditandatangani:
                self._r501(tahun, a, p, "berkas target tahun ini dihapus")
            return
        if a is None or b is None:
            return  # a side's plan is broken: reported as findings
        same = _sidik(self.lama, tahun, a)
        if same is not None and same == _sidik(self.baru, tahun, b):
            # the same bytes mean the same figures; the new side is still computed so
            # that a problem in it is reported as validasi reports it
            self.baru.hitung(tahun, _posisi(a, b))
            return
        self._rencana(tahun, a, b)
        self._realisasi(tahun, a, b)
        self._angka(tahun, a, b)

    def _r501(self, tahun: int, a: _Tahun, p: Perubahan, apa: str) -> None:
        signed = a.rencana.pengaturan.pk_ditandatangani
        self.temukan(
            "galat",
            "R501",
            f"{apa} sesudah PK {tahun} ditandatangani ({signed}); target PK terkunci",
            p.sisi,
            p.lokasi,
            p.subjek if p.bidang is None else f"{p.subjek} → {p.bidang}",
        )

    def _r502(self, tahun: int, a: _Tahun, p: Perubahan, apa: str) -> None:
        signed = a.rencana.pengaturan.pk_ditandatangani
        self.temukan(
            "peringatan",
            "R502",
            f"{apa} sesudah PK {tahun} ditandatangani ({signed})",
            p.sisi,
            p.lokasi,
            p.subjek if p.bidang is None else f"{p.subjek} → {p.bidang}",
        )

    def _rencana(self, tahun: int, a: _Tahun, b: _Tahun) -> None:
        ra, rb = a.rencana, b.rencana
        signed = ra.pengaturan.pk_ditandatangani is not None

        def here(*loc: str | int) -> dict[str, Any]:
            sisi, lokasi = self.letak_rencana(tahun, loc)
            return {"sisi": sisi, "lokasi": lokasi, "tahun": tahun}

        def there(*loc: str | int) -> dict[str, Any]:
            sisi, lokasi = self.letak_rencana(tahun, loc, pakai_lama=True)
            return {"sisi": sisi, "lokasi": lokasi, "tahun": tahun}

        for name in ("kantor", "dokumen", "jenis_indikator", "total_anggaran", "catatan"):
            x, y = _dump(ra, include={name}).get(name), _dump(rb, include={name}).get(name)
            if x != y:
                jenis = {"catatan": "narasi", "total_anggaran": "pagu"}.get(name, "rencana")
                self.ubah(jenis, "rencana", name, x, y, **here(name))
        # settings
        for jalur, x, y in beda_nilai(_dump(ra.pengaturan), _dump(rb.pengaturan)):
            name = jalur[0]
            p = self.ubah("pengaturan", "pengaturan", name, x, y, **here("pengaturan", name))
            if name == "pk_ditandatangani" and x is not None:
                self.temukan(
                    "galat",
                    "R506",
                    f"tanda PK {tahun} ditandatangani {teks_nilai(x)} "
                    + ("dihapus" if y is None else f"diubah menjadi {teks_nilai(y)}")
                    + "; tanda tangan tidak dapat ditarik lewat data",
                    p.sisi,
                    p.lokasi,
                    "pengaturan.pk_ditandatangani",
                )
            elif signed and name == "target_utama":
                self._r501(tahun, a, p, f"target utama diganti {x} → {y}")
            elif signed and name in _ATURAN_PENGATURAN:
                self._r502(
                    tahun, a, p, f"aturan capaian {name} diubah {teks_nilai(x)} → {teks_nilai(y)}"
                )
        # cascade
        for attr in ("sasaran_strategis", "sasaran_program"):
            old = {t.kode: (n, t) for n, t in enumerate(getattr(ra, attr))}
            new = {t.kode: (n, t) for n, t in enumerate(getattr(rb, attr))}
            for kode in dict.fromkeys([*old, *new]):
                if kode not in new:
                    n, t = old[kode]
                    self.ubah("cascade", kode, None, t.nama, None, **there(attr, n))
                elif kode not in old:
                    n, t = new[kode]
                    self.ubah("cascade", kode, None, None, t.nama, **here(attr, n))
                else:
                    n, t = new[kode]
                    for jalur, x, y in beda_nilai(_dump(old[kode][1]), _dump(t)):
                        self.ubah("cascade", kode, jalur[0], x, y, **here(attr, n, *jalur))
        # Sasaran Kegiatan (their indicators are compared below, by code)
        old_sk = {sk.kode: (n, sk) for n, sk in enumerate(ra.sasaran)}
        new_sk = {sk.kode: (n, sk) for n, sk in enumerate(rb.sasaran)}
        for kode in dict.fromkeys([*old_sk, *new_sk]):
            if kode not in new_sk:
                n, sk = old_sk[kode]
                self.ubah("sasaran_dihapus", kode, None, sk.nama, None, **there("sasaran", n))
                continue
            n, sk = new_sk[kode]
            if kode not in old_sk:
                self.ubah("sasaran_ditambah", kode, None, None, sk.nama, **here("sasaran", n))
                continue
            x = _dump(old_sk[kode][1], exclude={"indikator"})
            y = _dump(sk, exclude={"indikator"})
            for jalur, v, w in beda_nilai(x, y):
                jenis = {"anggaran": "pagu", "induk": "cascade"}.get(jalur[0], "sasaran")
                self.ubah(jenis, kode, jalur[0], v, w, **here("sasaran", n, jalur[0]))
        # indicators
        for kode in dict.fromkeys([*a.letak, *b.letak]):
            self._indikator(tahun, a, b, kode, signed)

    def _indikator(self, tahun: int, a: _Tahun, b: _Tahun, kode: str, signed: bool) -> None:
        old, new = a.indikator(kode), b.indikator(kode)
        utama = a.rencana.pengaturan.target_utama
        if new is None:
            assert old is not None
            _, lokasi = self.letak_rencana(tahun, a.loc_indikator(kode), pakai_lama=True)
            p = self.ubah(
                "indikator_dihapus",
                kode,
                None,
                old.nama,
                None,
                tahun,
                None,
                (kode,),
                sisi="lama",
                lokasi=lokasi,
            )
            if signed:
                self._r501(tahun, a, p, f"indikator {kode} dihapus")
            return
        ind_loc = b.loc_indikator(kode)
        persen = new.persen

        def ubah(
            jenis: str, bidang: str | None, x: Any, y: Any, *loc: str | int, pct: bool = persen
        ) -> Perubahan:
            _, lokasi = self.letak_rencana(tahun, (*ind_loc, *loc))
            return self.ubah(jenis, kode, bidang, x, y, tahun, None, (kode,), pct, lokasi=lokasi)

        if old is None:
            p = ubah("indikator_ditambah", None, None, new.nama)
            if signed:
                self._r501(tahun, a, p, f"indikator {kode} ditambah")
            return
        if a.letak[kode][2] != b.letak[kode][2]:
            ubah("indikator_pindah", "sasaran", a.letak[kode][2], b.letak[kode][2], "kode")
        x = _dump(old, exclude={"target", "target_triwulan"})
        y = _dump(new, exclude={"target", "target_triwulan"})
        for jalur, v, w in beda_nilai(x, y):
            name = jalur[0]
            bidang = ".".join(jalur)
            jenis = {
                "nama": "indikator_nama",
                "nama_singkat": "indikator_nama",
                "satuan": "satuan",
                "arah": "arah",
                "formula": "formula",
                "periode": "periode_rumus",
                "rentang": "rentang",
                "batas_capaian": "aturan_capaian",
                "aturan_turun": "aturan_capaian",
                "riwayat": "riwayat",
                "pendahulu": "rencana",
            }.get(name, "narasi")
            if name == "riwayat" and jalur[-1] == "catatan":
                jenis = "narasi"
            p = ubah(jenis, bidang, v, w, *jalur, pct=persen and name in ("riwayat", "rentang"))
            if signed and name == "arah":
                self._r501(tahun, a, p, f"arah {kode} diubah {v} → {w}")
            elif signed and jenis in ("formula", "periode_rumus", "aturan_capaian", "satuan"):
                self._r502(tahun, a, p, f"{bidang} {kode} diubah")
        # targets, by kind
        for name in dict.fromkeys([*old.target, *new.target]):
            e_old, e_new = old.target.get(name), new.target.get(name)
            v = _target(e_old) if e_old is not None else None
            w = _target(e_new) if e_new is not None else None
            if v != w:
                p = ubah("target", f"target.{name}", v, w, "target", name)
                apa = f"target {name} {kode} {teks_nilai(v, persen)} → {teks_nilai(w, persen)}"
                if signed and name == utama:
                    self._r501(tahun, a, p, apa)
                elif signed:
                    self._r502(tahun, a, p, apa)
            n_old = _catatan_target(e_old) if e_old is not None else {}
            n_new = _catatan_target(e_new) if e_new is not None else {}
            for jalur, s, t in beda_nilai(n_old, n_new):
                ubah("narasi", f"target.{name}.{jalur[0]}", s, t, "target", name)
        tw_old = {str(k): v for k, v in (old.target_triwulan or {}).items()}
        tw_new = {str(k): v for k, v in (new.target_triwulan or {}).items()}
        for jalur, v, w in beda_nilai(tw_old, tw_new):
            loc = ("target_triwulan", int(jalur[0])) if jalur else ("target_triwulan",)
            p = ubah("target_triwulan", "target_triwulan." + ".".join(jalur), v, w, *loc)
            if signed:
                self._r502(
                    tahun,
                    a,
                    p,
                    f"target triwulan {kode} {teks_nilai(v, persen)} → {teks_nilai(w, persen)}",
                )

    # --- realisasi ---
    def _realisasi(self, tahun: int, a: _Tahun, b: _Tahun) -> None:
        ra, rb = a.realisasi, b.realisasi
        for periode in (*PERIODE_URUT, "tahunan"):
            fa, fb = ra.berkas.get(periode), rb.berkas.get(periode)
            if fa is None and fb is None:
                continue
            if periode in a.periode_rusak or periode in b.periode_rusak:
                continue  # unreadable: reported as a finding
            closed = fa.ditutup if fa is not None else None
            if fa is None or fb is None:
                self._periode_satu_sisi(tahun, periode, a, b, closed)
                continue
            self._berkas_realisasi(tahun, periode, a, b, fa, fb)
            self._rekaman(tahun, periode, a, b, closed)

    def _periode_satu_sisi(
        self, tahun: int, periode: str, a: _Tahun, b: _Tahun, closed: date | None
    ) -> None:
        side, data = (self.baru, b) if periode in b.realisasi.berkas else (self.lama, a)
        berkas = data.realisasi.berkas[periode]
        folder = data.realisasi.folder(periode)
        csvs = [n for n in daftar_folder(folder) if n.lower().endswith(".csv")] if folder else []
        ringkas = f"{len(berkas.realisasi)} indikator, {len(csvs)} berkas rekaman"
        added = side is self.baru
        path = data.realisasi.paths.get(periode)
        p = self.ubah(
            "periode_ditambah" if added else "periode_dihapus",
            f"{periode}.yaml",
            None,
            None if added else ringkas,
            ringkas if added else None,
            tahun,
            periode,
            sisi=side.nama,
            lokasi=side.lokasi(Location(path)) if path is not None else None,
        )
        if not added and closed is not None:
            self.temukan(
                "galat",
                "R503",
                f"berkas realisasi {label_periode(periode)} {tahun} yang ditutup {closed} dihapus",
                p.sisi,
                p.lokasi,
                f"{periode}.yaml",
            )
            for kode in berkas.realisasi:
                self.ditutup_berubah.add((tahun, periode, kode))

    def _berkas_realisasi(
        self,
        tahun: int,
        periode: str,
        a: _Tahun,
        b: _Tahun,
        fa: BerkasRealisasi,
        fb: BerkasRealisasi,
    ) -> None:
        closed = fa.ditutup
        label = f"{label_periode(periode)} {tahun}"

        def loc(*path: str | int, lama: bool = False) -> dict[str, Any]:
            sisi, lokasi = self.letak_realisasi(tahun, periode, path, pakai_lama=lama)
            return {"sisi": sisi, "lokasi": lokasi, "tahun": tahun, "periode": periode}

        head_a = _dump(fa, include={"ditutup", "contoh", "keterangan"}, exclude_defaults=True)
        head_b = _dump(fb, include={"ditutup", "contoh", "keterangan"}, exclude_defaults=True)
        for jalur, x, y in beda_nilai(head_a, head_b):
            name = jalur[0]
            jenis = "narasi" if name == "keterangan" else "status_periode"
            p = self.ubah(jenis, f"{periode}.yaml", name, x, y, **loc(name))
            if name == "ditutup" and x is not None:
                self.temukan(
                    "galat",
                    "R506",
                    f"tanda {label} ditutup {teks_nilai(x)} "
                    + ("dihapus" if y is None else f"diubah menjadi {teks_nilai(y)}")
                    + "; periode yang sudah ditutup tidak dibuka lewat data",
                    p.sisi,
                    p.lokasi,
                    f"{periode}.yaml → ditutup",
                )
            elif closed is not None and name != "ditutup":
                self.temukan(
                    "peringatan",
                    "R504",
                    f"{name} {label} diubah sesudah periode ditutup ({closed})",
                    p.sisi,
                    p.lokasi,
                    f"{periode}.yaml → {name}",
                )
        for kode in dict.fromkeys([*fa.realisasi, *fb.realisasi]):
            ea, eb = fa.realisasi.get(kode), fb.realisasi.get(kode)
            x = _dump(ea, exclude_defaults=True) if ea is not None else {}
            y = _dump(eb, exclude_defaults=True) if eb is not None else {}
            ind = b.indikator(kode) or a.indikator(kode)
            persen = ind.persen if ind is not None and ind.formula.jenis == "nilai" else False
            for jalur, v, w in beda_nilai(x, y):
                name = jalur[0]
                nilai = name in _NILAI_REALISASI
                where = loc("realisasi", kode, *jalur, lama=eb is None)
                p = self.ubah(
                    "realisasi" if nilai else "narasi",
                    kode,
                    ".".join(jalur),
                    v,
                    w,
                    indikator=(kode,),
                    persen=persen and name == "nilai",
                    **where,
                )
                if closed is None:
                    continue
                bidang = f"{kode} → {'.'.join(jalur)}"
                if nilai:
                    self.ditutup_berubah.add((tahun, periode, kode))
                    self.temukan(
                        "galat",
                        "R503",
                        f"realisasi {label} yang ditutup {closed} diubah: "
                        f"{teks_nilai(v)} → {teks_nilai(w)}",
                        p.sisi,
                        p.lokasi,
                        bidang,
                    )
                else:
                    self.temukan(
                        "peringatan",
                        "R504",
                        f"narasi {label} diubah sesudah periode ditutup ({closed})",
                        p.sisi,
                        p.lokasi,
                        bidang,
                    )
        for kode in dict.fromkeys([*(fa.anggaran or {}), *(fb.anggaran or {})]):
            v, w = (fa.anggaran or {}).get(kode), (fb.anggaran or {}).get(kode)
            if v == w:
                continue
            p = self.ubah(
                "realisasi_anggaran",
                kode,
                "anggaran",
                v,
                w,
                **loc("anggaran", kode, lama=w is None),
            )
            if closed is not None:
                self.temukan(
                    "galat",
                    "R503",
                    f"realisasi anggaran {label} yang ditutup {closed} diubah: "
                    f"{teks_nilai(v)} → {teks_nilai(w)}",
                    p.sisi,
                    p.lokasi,
                    f"anggaran.{kode}",
                )

    def _rekaman(self, tahun: int, periode: str, a: _Tahun, b: _Tahun, closed: date | None) -> None:
        da, db = a.realisasi.folder(periode), b.realisasi.folder(periode)
        readers: dict[str, tuple[str, ...]] = {}
        surveys: set[str] = set()  # what a survey name or pattern matches: read as surveys
        for data, folder in ((b, db), (a, da)):
            for _, ind in data.rencana.indikator():
                names = [n.casefold() for n in berkas_formula(ind.formula)]
                if folder is not None:
                    try:
                        found = berkas_dibaca(ind.formula, folder)
                    except DataError:
                        pass  # two files for one role: the figure reports it (R013)
                    else:
                        here = [p for p in (*found.rekaman, *found.survei) if p.parent == folder]
                        names += [p.name.casefold() for p in here]
                        surveys |= {p.name.casefold() for p in found.survei if p.parent == folder}
                for name in names:
                    readers.setdefault(name, ())
                    if ind.kode not in readers[name]:
                        readers[name] += (ind.kode,)
        names_a = _csv_names(da, surveys)
        names_b = _csv_names(db, surveys)
        for key in dict.fromkeys([*names_a, *names_b]):
            pa = da / names_a[key] if da is not None and key in names_a else None
            pb = db / names_b[key] if db is not None and key in names_b else None
            shown = names_b.get(key) or names_a[key]
            subjek = f"{periode}/{shown}"
            inds = readers.get(key, ())
            if pa is not None and pb is not None:
                try:
                    if pa.read_bytes() == pb.read_bytes():
                        continue
                except OSError:
                    pass
                p = self._beda_csv(tahun, periode, subjek, pa, pb, inds, key in surveys)
            else:
                side, path = (self.baru, pb) if pb is not None else (self.lama, pa)
                assert path is not None
                rows = _hitung_baris(side, path, key in surveys)
                p = self.ubah(
                    "rekaman",
                    subjek,
                    None,
                    None if pb is not None else f"{rows} baris",
                    f"{rows} baris" if pb is not None else None,
                    tahun,
                    periode,
                    inds,
                    sisi=side.nama,
                    lokasi=side.lokasi(Location(path)),
                )
            if p is not None and closed is not None:
                for kode in inds:
                    self.ditutup_berubah.add((tahun, periode, kode))
                self.temukan(
                    "galat",
                    "R503",
                    f"berkas rekaman {label_periode(periode)} {tahun} yang ditutup {closed} "
                    f"diubah ({_ringkas_jumlah(p)})",
                    p.sisi,
                    p.lokasi,
                    subjek,
                )

    def _beda_csv(
        self,
        tahun: int,
        periode: str,
        subjek: str,
        pa: Path,
        pb: Path,
        inds: tuple[str, ...],
        survei: bool = False,
    ) -> Perubahan | None:
        if survei:
            old, new = _baca_survei(self.lama, pa), _baca_survei(self.baru, pb)
        else:
            old = _baca_rekaman(pa, _pencari(self.lama))
            new = _baca_rekaman(pb, _pencari(self.baru))
        for side, rec in ((self.lama, old), (self.baru, new)):
            if isinstance(rec, DataError):
                side.catat(rec)
        if isinstance(old, DataError) or isinstance(new, DataError):
            return self.ubah(
                "rekaman",
                subjek,
                None,
                "isi lama",
                "isi baru (tidak dapat dibaca)" if isinstance(new, DataError) else "isi baru",
                tahun,
                periode,
                inds,
                lokasi=self.baru.lokasi(Location(pb)),
            )
        rincian: list[str] = []
        kolom_tambah = [c for c in new.header if c not in old.header]
        kolom_hapus = [c for c in old.header if c not in new.header]
        if kolom_tambah:
            rincian.append(f"kolom ditambah: {', '.join(kolom_tambah)}")
        if kolom_hapus:
            rincian.append(f"kolom dihapus: {', '.join(kolom_hapus)}")
        added = [k for k in new.baris if k not in old.baris]
        removed = [k for k in old.baris if k not in new.baris]
        changed: list[tuple[str, list[str]]] = []
        common = [c for c in new.header if c in old.header and c != new.kolom]
        for key, (_, cells) in new.baris.items():
            if key not in old.baris:
                continue
            before = old.baris[key][1]
            if before == cells:
                continue
            diffs = [
                f"{c} {before.get(c, '') or '—'} → {cells.get(c, '') or '—'}"
                for c in common
                if not _sama_makna(c, before.get(c, ""), cells.get(c, ""), old.pencari, new.pencari)
            ]
            if diffs:
                changed.append((key, diffs))
        if not (added or removed or changed or kolom_tambah or kolom_hapus):
            return None  # same meaning (quoting, order, spelling of an instansi)
        lines_b = {k: line for k, (line, _) in new.baris.items()}
        first = min([lines_b[k] for k in added] + [lines_b[k] for k, _ in changed], default=None)
        listed = [
            *(f"~ {key}: {'; '.join(diffs)}" for key, diffs in changed),
            *(f"+ {key}" for key in added),
            *(f"− {key}" for key in removed),
        ]
        rincian += listed[:CONTOH_RINCIAN]
        if len(listed) > CONTOH_RINCIAN:
            rincian.append(f"… dan {len(listed) - CONTOH_RINCIAN} lainnya")
        return self.ubah(
            "rekaman",
            subjek,
            f"per {new.kolom}" if new.kolom else None,
            None,
            None,
            tahun,
            periode,
            inds,
            jumlah=(
                ("ditambah", len(added)),
                ("dihapus", len(removed)),
                ("berubah", len(changed)),
            ),
            rincian=tuple(rincian),
            lokasi=self.baru.lokasi(Location(pb, first)),
        )

    # --- figures and the history they show ---
    def _angka(self, tahun: int, a: _Tahun, b: _Tahun) -> None:
        posisi = _posisi(a, b)
        self.baru.hitung(tahun, posisi)
        # an indicator whose every input is the same on both sides has the same figures:
        # the old side computes only the others
        same = set()
        for kode in a.letak:
            if kode in b.letak:
                sidik = _sidik_indikator(self.lama, a, kode)
                if sidik is not None and sidik == _sidik_indikator(self.baru, b, kode):
                    same.add(kode)
        self.lama.hitung(tahun, posisi, set(a.letak) - same)
        for key, row in b.angka.items():
            if key[1] in same:
                a.angka[key] = row
        # a figure beside an unreadable period file means nothing; the finding says why
        rusak = a.periode_rusak | b.periode_rusak
        posisi = [
            n for n in posisi if not rusak & {*PERIODE_URUT[:n], *(("tahunan",) if n == 4 else ())}
        ]
        codes = list(dict.fromkeys([*b.letak, *a.letak]))
        meta: list[tuple[int, str, str, date | None]] = []
        for triwulan in posisi:
            tahunan = triwulan == 4 and (
                "tahunan" in a.realisasi.berkas or "tahunan" in b.realisasi.berkas
            )
            label = "Tahunan" if tahunan else f"s.d. {label_periode(f'tw{triwulan}')}"
            own = "tahunan" if tahunan and "tahunan" in a.realisasi.berkas else f"tw{triwulan}"
            berkas_a = a.realisasi.berkas.get(own)
            meta.append((triwulan, label, own, berkas_a.ditutup if berkas_a else None))
        flips: dict[str, list[tuple[int, str]]] = {}
        for kode in codes:
            ind = b.indikator(kode) or a.indikator(kode)
            assert ind is not None
            nama = ind.nama_singkat or ind.nama
            for triwulan, label, own, closed in meta:
                x = a.angka.get((triwulan, kode))
                y = b.angka.get((triwulan, kode))
                if _sama_angka(x, y):
                    continue
                if (x is None and kode in a.letak) or (y is None and kode in b.letak):
                    continue  # no figure because of an error: the finding says which
                self.angka.append(PerubahanAngka(tahun, triwulan, label, kode, nama, x, y, closed))
                if x is None or y is None:
                    continue
                if self._lewat_target(a, kode, x, y):
                    flips.setdefault(kode, []).append((triwulan, label))
                if closed is not None and x.realisasi != y.realisasi:
                    self._r507(tahun, triwulan, own, closed, kode, b, x, y)
        for kode, where in flips.items():
            self._r505(tahun, kode, a, b, where)

    def _lewat_target(self, a: _Tahun, kode: str, x: BarisCapaian, y: BarisCapaian) -> bool:
        """Red turned green although the new realisasi misses the old target and rules."""
        if not (x.status == "belum_tercapai" and y.status == "tercapai"):
            return False
        old = a.indikator(kode)
        if old is None or y.realisasi is None or a.jenis not in old.target:
            return False
        aturan = aturan_indikator(a.rencana.pengaturan, old)
        try:
            _, status = nilai_capaian(
                aturan, y.realisasi, y.realisasi_predikat, as_target(old.target[a.jenis])
            )
        except RenjaError:
            return False
        return status != "tercapai"

    def _r505(
        self, tahun: int, kode: str, a: _Tahun, b: _Tahun, where: list[tuple[int, str]]
    ) -> None:
        first = where[0][0]
        x = a.angka[(first, kode)]
        y = b.angka[(first, kode)]
        assert x is not None and y is not None
        old = a.indikator(kode)
        assert old is not None and a.jenis is not None and y.realisasi is not None
        aturan = aturan_indikator(a.rencana.pengaturan, old)
        value, _ = nilai_capaian(
            aturan, y.realisasi, y.realisasi_predikat, as_target(old.target[a.jenis])
        )
        persen = y.persen
        before = _target(old.target[a.jenis])
        now = y.target if y.target is not None else {"min": y.target_min, "maks": y.target_maks}
        real = teks_nilai(y.realisasi, persen)
        if before != now or x.target_jenis != y.target_jenis:
            kind = (
                x.target_jenis
                if x.target_jenis == y.target_jenis
                else f"{x.target_jenis} → {y.target_jenis}"
            )
            why = (
                f"karena target {kind} {teks_nilai(before, persen)} → {teks_nilai(now, persen)}, "
                f"bukan realisasi: realisasi {real} terhadap target lama: capaian "
                f"{'—' if value is None else format_percent(value)} (belum tercapai)"
            )
        else:
            why = (
                "karena aturan capaian (ambang, batas, arah, aturan turun) diubah, bukan "
                f"realisasi: realisasi {real} dengan aturan lama: capaian "
                f"{'—' if value is None else format_percent(value)} "
                "(belum tercapai)"
            )
        posisi = ", ".join(label for _, label in where)
        loc = b.loc_indikator(kode, "target", b.jenis or "") if kode in b.letak else ()
        sisi, lokasi = self.letak_rencana(tahun, loc)
        self.temukan(
            "peringatan",
            "R505",
            f"{posisi}: belum tercapai → tercapai {why}",
            sisi,
            lokasi,
            kode,
        )

    def _r507(
        self,
        tahun: int,
        triwulan: int,
        periode: str,
        closed: date,
        kode: str,
        b: _Tahun,
        x: BarisCapaian,
        y: BarisCapaian,
    ) -> None:
        upto = (*PERIODE_URUT[:triwulan], "tahunan")
        if any((tahun, p, kode) in self.ditutup_berubah for p in upto):
            return  # the closed file itself changed: R503 says so
        loc = b.loc_indikator(kode) if kode in b.letak else ()
        sisi, lokasi = self.letak_rencana(tahun, loc)
        persen = y.persen
        self.temukan(
            "peringatan",
            "R507",
            f"realisasi {label_periode(periode)} {tahun} yang ditutup {closed} berubah "
            f"{teks_nilai(x.realisasi, persen)} → {teks_nilai(y.realisasi, persen)} tanpa "
            "perubahan berkas periode itu (formula, skala, populasi, pengaturan atau "
            "triwulan sebelumnya)",
            sisi,
            lokasi,
            kode,
        )


def _kunci_galat(side: _Sisi, err: DataError) -> tuple[object, ...]:
    """An error with its place inside the side's root, to match it across sides."""
    loc = err.location or Location()
    try:
        path = loc.path.relative_to(side.root).as_posix() if loc.path else None
    except ValueError:
        path = str(loc.path)
    message = err.message.replace(str(side.root), "<data>")
    return (err.code, message, err.field, path, loc.line, loc.column)


def _posisi(a: _Tahun, b: _Tahun) -> list[int]:
    """The quarters either side reports (4 also for a year-end file)."""
    have = set(a.realisasi.berkas) | set(b.realisasi.berkas)
    return [
        n
        for n, name in enumerate(PERIODE_URUT, start=1)
        if name in have or (n == 4 and "tahunan" in have)
    ]


def _relatif(side: _Sisi, path: Path) -> str:
    """A path named inside the side's root (as written: ``tw3/../bersama/…``)."""
    try:
        return path.relative_to(side.root).as_posix()
    except ValueError:
        return str(path)


def _dibaca(ind: Indikator, folder: Path) -> tuple[Path, ...]:
    """The files an indicator's formula reads from one period folder (may raise R013)."""
    found = berkas_dibaca(ind.formula, folder)
    return (*found.rekaman, *found.survei)


def _sidik_indikator(side: _Sisi, data: _Tahun, kode: str) -> tuple[object, ...] | None:
    """Everything one indicator's figures depend on: its definition, the settings, the
    reference files, and per period its entry, the files its formula reads (found as
    the formula finds them: a survey pattern expanded) and the names beside them.
    None: not known (a file could not be read), so never the same as the other side."""
    ind = data.indikator(kode)
    if ind is None:
        return None
    parts: list[object] = [
        data.rencana.tahun,
        data.jenis,
        _dump(ind),
        _dump(data.rencana.pengaturan),
        side.referensi_bytes(),
        sorted(data.periode_rusak),
    ]
    for periode, berkas in sorted(data.realisasi.berkas.items()):
        entry = berkas.realisasi.get(kode)
        parts.append((periode, _dump(entry) if entry is not None else None))
        folder = data.realisasi.folder(periode)
        if folder is None or not folder.is_dir():
            parts.append(None)
            continue
        try:
            parts.append(sorted(daftar_folder(folder)))
            for path in _dibaca(ind, folder):
                parts.append((_relatif(side, path), path.read_bytes() if path.is_file() else None))
        except (DataError, OSError):
            return None
    return tuple(parts)


def _sidik(side: _Sisi, tahun: int, data: _Tahun) -> dict[str, object] | None:
    """Every byte a year's figures depend on, by path inside the side's root: the plan,
    the year's folder, the reference files and every file a formula reads (a pattern
    may reach outside the year's folder)."""
    files = [data.path]
    folder = realisasi_folder(side.root, tahun)
    if folder.is_dir():
        files += [f for f in folder.rglob("*") if f.is_file()]
    try:
        for periode in data.realisasi.berkas:
            sub = data.realisasi.folder(periode)
            if sub is None or not sub.is_dir():
                continue
            for _, ind in data.rencana.indikator():
                files += [f for f in _dibaca(ind, sub) if f.is_file()]
        sidik: dict[str, object] = {_relatif(side, f): f.read_bytes() for f in files}
    except (DataError, OSError):
        return None
    sidik[""] = side.referensi_bytes()  # no file is named "" inside the root
    return sidik


def _sama_angka(x: BarisCapaian | None, y: BarisCapaian | None) -> bool:
    if x is None or y is None:
        return x is y
    return (x.target_jenis, x.target, x.target_min, x.target_maks, x.realisasi, x.capaian) == (
        y.target_jenis,
        y.target,
        y.target_min,
        y.target_maks,
        y.realisasi,
        y.capaian,
    ) and x.status == y.status


def _ringkas_jumlah(p: Perubahan) -> str:
    if p.jumlah:
        return ", ".join(f"{n} {k}" for k, n in p.jumlah if n) or "isi berubah"
    return "berkas ditambah" if p.lama is None else "berkas dihapus" if p.baru is None else "isi"


# --- record files -----------------------------------------------------------------------


def _csv_names(folder: Path | None, surveys: set[str]) -> dict[str, str]:
    """Record files of a period folder: its CSV files and the survey files (also
    ``.xlsx``) a formula reads, by folded name."""
    if folder is None:
        return {}
    return {
        n.casefold(): n
        for n in daftar_folder(folder)
        if (n.lower().endswith(".csv") or n.casefold() in surveys)
        and not n.startswith(".")
        and (folder / n).is_file()
    }


def _hitung_baris(side: _Sisi, path: Path, survei: bool = False) -> int:
    """Records of a file (respondents of a survey file); 0 when it cannot be read."""
    from renja_cli.io.csvfile import buka_csv

    if survei:
        found = _baca_survei(side, path)
        return 0 if isinstance(found, DataError) else len(found.baris)
    try:
        return sum(1 for _ in buka_csv(path).rows())
    except DataError:
        return 0


def _pencari(side: _Sisi) -> PencariInstansi | None:
    try:
        return side.referensi.pencari
    except RenjaError:
        return None


@dataclass
class _Rekaman:
    header: list[str]
    kolom: str | None
    """The column rows are keyed by (None: the whole row)."""
    baris: dict[str, tuple[int, dict[str, str]]]
    pencari: PencariInstansi | None


def _kode_instansi(text: str, pencari: PencariInstansi | None, path: Path, line: int) -> str:
    if pencari is None or not text.strip():
        return text.strip()
    try:
        return pencari.cari(text, path, line).kode
    except DataError:
        return text.strip()


def _baca_rekaman(path: Path, pencari: PencariInstansi | None) -> _Rekaman | DataError:
    """Rows of a record file keyed by NIP, nomor, instansi code or kegiatan."""
    from renja_cli.io.csvfile import buka_csv, nip

    try:
        csv_file = buka_csv(path)
        header = csv_file.header
        kolom = next((c for c in ("nip", "nomor", "instansi", "kegiatan") if c in header), None)
        rows: dict[str, tuple[int, dict[str, str]]] = {}
        for line, cells in csv_file.rows():
            values = {h: cells[i].strip() for i, h in enumerate(header)}
            if kolom is None:
                key = " | ".join(values.values())
            else:
                text = values[kolom]
                if kolom == "nip":
                    try:
                        plain = len(text) == 18 and text.isascii() and text.isdigit()
                        key = text if plain else str(nip(path, line, text))
                    except DataError:
                        key = text
                elif kolom == "instansi":
                    key = _kode_instansi(text, pencari, path, line)
                else:
                    key = text
            base, n = key, 1
            while key in rows:
                n += 1
                key = f"{base} #{n}"
            rows[key] = (line, values)
    except DataError as exc:
        return exc
    return _Rekaman(header, kolom, rows, pencari)


def _baca_survei(side: _Sisi, path: Path) -> _Rekaman | DataError:
    """A survey file read as the formula reads it (:func:`ikm.baca_survei` with the
    side's survey reference: comment lines, answer wordings, ``.xlsx``), one record
    per respondent: the information columns as written and each unsur's score, keyed
    by the timestamp when the survey has one."""
    from renja_cli.ikm import baca_survei

    try:
        survei = baca_survei(path, side.referensi.survei)
    except DataError as exc:
        return exc
    unsur = [u.kode for u in survei.unsur]
    header = [*survei.keterangan, *unsur]
    kolom = survei.keterangan[survei.kolom_waktu] if survei.kolom_waktu is not None else None
    rows: dict[str, tuple[int, dict[str, str]]] = {}
    for r in survei.responden:
        values = dict(zip(survei.keterangan, r.keterangan, strict=False))
        values.update({k: str(v) if v else "" for k, v in zip(unsur, r.nilai, strict=False)})
        key = values.get(kolom, "") if kolom is not None else " | ".join(values.values())
        base, n = key, 1
        while key in rows:
            n += 1
            key = f"{base} #{n}"
        rows[key] = (r.baris, values)
    return _Rekaman(header, kolom, rows, None)


def _sama_makna(
    kolom: str,
    x: str,
    y: str,
    pa: PencariInstansi | None,
    pb: PencariInstansi | None,
) -> bool:
    """Two cells say the same: equal numbers, equal yes/no, the same instansi."""
    from renja_cli.io.csvfile import TIDAK, YA
    from renja_cli.numbers import NumberFormatError, parse_number

    if x == y:
        return True
    if not x or not y:
        return False
    if kolom == "instansi":
        dummy = Path("-")
        return _kode_instansi(x, pa, dummy, 0) == _kode_instansi(y, pb, dummy, 0)
    try:
        return parse_number(x) == parse_number(y)
    except NumberFormatError:
        pass
    fx, fy = x.casefold(), y.casefold()
    words = YA | TIDAK
    if fx in words and fy in words:
        return (fx in YA) == (fy in YA)
    return False


# --- entry points -----------------------------------------------------------------------


def _banding(lama: _Sisi, baru: _Sisi) -> LaporanBeda:
    lama.muat()
    baru.muat()
    job = _Banding(lama, baru)
    job.jalankan()
    names = {
        (tahun, ind.kode): ind.nama_singkat or ind.nama
        for side in (lama, baru)
        for tahun, data in side.tahun.items()
        if data is not None
        for _, ind in data.rencana.indikator()
    }
    return LaporanBeda(
        lama=lama.label,
        baru=baru.label,
        perubahan=tuple(job.perubahan),
        angka=tuple(job.angka),
        temuan=tuple(job.temuan),
        nama_indikator=names,
    )


def beda_folder(dari: Path, ke: Path) -> LaporanBeda:
    """Compare two plain folders (no git needed)."""
    for option, folder in (("--dari", dari), ("--ke", ke)):
        if not folder.is_dir():
            raise UsageError(
                f"folder '{folder}' tidak ditemukan (opsi {option})", Location(folder), code="U002"
            )
    return _banding(_Sisi("lama", str(dari), dari, dari), _Sisi("baru", str(ke), ke, ke))


POHON_KERJA = "pohon kerja"


def beda_git(data: Path, revisi_a: str = "HEAD", revisi_b: str | None = None) -> LaporanBeda:
    """Compare ``data`` at ``revisi_a`` with ``revisi_b`` (None: the working tree)."""
    if revisi_b is None and not data.is_dir():
        raise UsageError(
            f"folder data '{data}' tidak ditemukan (opsi --data)", Location(data), code="U002"
        )
    top, prefix = _repositori(data)
    komit_a = None if revisi_a == "HEAD" and _belum_ada_komit(top) else _komit(top, revisi_a)
    komit_b = _komit(top, revisi_b) if revisi_b is not None else None
    shown = _tampil(data)
    with tempfile.TemporaryDirectory(prefix="renja-beda-") as tmp:
        root_a = Path(tmp) / "lama"
        root_a.mkdir()
        if komit_a is not None:  # before the first commit the old side is empty
            _keluarkan(top, komit_a, prefix, root_a)
        name_a = f"{revisi_a}:{shown.as_posix()}"
        lama = _Sisi("lama", name_a, root_a, Path(name_a))
        if komit_b is None:
            baru = _Sisi("baru", f"{shown.as_posix()} ({POHON_KERJA})", data, shown)
        else:
            root_b = Path(tmp) / "baru"
            root_b.mkdir()
            _keluarkan(top, komit_b, prefix, root_b)
            baru = _Sisi("baru", f"{revisi_b}:{shown.as_posix()}", root_b, shown)
        return _banding(lama, baru)


def folder_data(option: Path | None) -> Path:
    """The data folder ``beda`` compares: ``--data``, then ``$RENJA_DATA``, then ``./data``."""
    if option is not None:
        return option
    env = os.environ.get("RENJA_DATA")
    return Path(env) if env else Path("data")
