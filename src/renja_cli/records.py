"""Per-record realisasi: one CSV row per instansi, NIP, recommendation or event.

Record files live in the period folder beside the period's YAML
(``realisasi/2025/tw3.yaml`` → ``realisasi/2025/tw3/<berkas>.csv``) and are
registers *as of the end of that period*: the TW III file lists every
instansi, NIP or recommendation as it stood at the end of TW III.

CSV rules: UTF-8 (a BOM is fine), header row required, ``,`` or ``;`` as the
delimiter (chosen from the header line), numbers read by
:func:`renja_cli.numbers.parse_number`, yes/no cells as ``ya``/``tidak``,
``true``/``false`` or ``1``/``0``.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from renja_cli import bacaan
from renja_cli.errors import DataError, Location
from renja_cli.numbers import NumberFormatError, parse_number

if TYPE_CHECKING:
    from renja_cli.engine import Konteks
    from renja_cli.formulas import HasilPeriode
    from renja_cli.models import (
        DaftarInstansi,
        FormulaArsipDigital,
        FormulaPersentaseInstansi,
        FormulaRasio,
        Indikator,
        Instansi,
        Skala,
    )

YA = frozenset({"ya", "y", "true", "benar", "1", "sudah", "v", "x"})
TIDAK = frozenset({"tidak", "t", "false", "salah", "0", "belum", "", "-"})

DOKUMEN_ARSIP = (
    "daftar_riwayat_hidup",
    "sk_cpns",
    "sk_pns",
    "riwayat_pendidikan",
    "spmt_cpns",
    "riwayat_golongan",
    "riwayat_jabatan",
    "riwayat_pindah_instansi",
    "riwayat_diklat",
)
"""The nine document kinds of IKK.6, in the seed's order (1-9)."""


# --- CSV reading -----------------------------------------------------------


@dataclass
class BerkasCsv:
    """A CSV file's header and an iterator of (line number, cells)."""

    path: Path
    header: list[str]
    delimiter: str

    def column(self, name: str, required: bool = True) -> int | None:
        key = _norm_header(name)
        if key in self.header:
            return self.header.index(key)
        if required:
            raise DataError(
                f"kolom '{name}' tidak ada; kolom yang ada: {', '.join(self.header)}",
                Location(self.path, 1),
                code="R301",
            )
        return None

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        bacaan.catat(self.path)  # cache hook: the result cache checks this file
        with self.path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            try:
                next(reader)
                for cells in reader:
                    if not any(c.strip() for c in cells):
                        continue
                    yield reader.line_num, cells
            except UnicodeDecodeError as exc:
                raise DataError(
                    f"berkas bukan UTF-8 ({exc.reason}); simpan ulang sebagai CSV UTF-8",
                    Location(self.path),
                    code="R008",
                ) from None
            except csv.Error as exc:
                raise DataError(
                    f"CSV tidak valid: {exc}", Location(self.path, reader.line_num), code="R302"
                ) from None


def _norm_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().casefold())


def buka_csv(path: Path) -> BerkasCsv:
    """Open a record CSV, reading only its header line."""
    bacaan.catat(path)  # cache hook: the result cache checks this file
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
    except UnicodeDecodeError:
        raise DataError(
            "berkas bukan UTF-8; simpan ulang sebagai CSV UTF-8", Location(path, 1), code="R008"
        ) from None
    except OSError as exc:
        raise DataError(f"berkas tidak dapat dibaca: {exc.strerror}", Location(path)) from None
    if not first.strip():
        raise DataError("berkas kosong (baris judul kolom wajib)", Location(path, 1), code="R007")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = [_norm_header(h) for h in next(csv.reader([first], delimiter=delimiter))]
    duplicates = {h for h in header if header.count(h) > 1}
    if duplicates:
        raise DataError(
            f"kolom ganda: {', '.join(sorted(duplicates))}", Location(path, 1), code="R303"
        )
    return BerkasCsv(path, header, delimiter)


def _cell(cells: list[str], index: int) -> str:
    return cells[index].strip() if index < len(cells) else ""


def _angka(path: Path, line: int, column: str, text: str) -> float:
    try:
        return parse_number(text)
    except NumberFormatError as exc:
        raise DataError(f"kolom {column}: {exc}", Location(path, line), code="R304") from None


def _ya_tidak(path: Path, line: int, column: str, text: str) -> bool:
    key = text.strip().casefold()
    if key in YA:
        return True
    if key in TIDAK:
        return False
    raise DataError(
        f"kolom {column}: '{text}' bukan ya/tidak (pakai ya/tidak, 1/0, true/false)",
        Location(path, line),
        code="R304",
    )


# --- instansi lookup -------------------------------------------------------


def _norm_name(text: str) -> str:
    text = text.casefold().replace(".", " ")
    text = re.sub(r"\b(pemerintah|pemkab|pemkot|pemprov)\b", "", text)
    text = re.sub(r"\bkab\b", "kabupaten", text)
    text = re.sub(r"\bprov\b", "provinsi", text)
    return " ".join(text.split())


class PencariInstansi:
    """Finds an instansi by code, official name, alias or a loose spelling."""

    def __init__(self, daftar: DaftarInstansi, path: Path) -> None:
        self.daftar = daftar
        self.path = path
        self.exact: dict[str, Instansi] = {}
        self.loose: dict[str, list[Instansi]] = {}
        for item in daftar.instansi:
            for label in (item.kode, item.nama, *item.alias):
                self.exact[label.casefold()] = item
                self.loose.setdefault(_norm_name(label), []).append(item)
            bare = re.sub(r"^(kabupaten|kota|provinsi)\s+", "", _norm_name(item.nama))
            self.loose.setdefault(bare, []).append(item)

    def cari(self, text: str, path: Path, line: int) -> Instansi:
        key = text.strip()
        found = self.exact.get(key.casefold())
        if found is not None:
            return found
        candidates = {i.kode: i for i in self.loose.get(_norm_name(key), [])}
        if len(candidates) == 1:
            return next(iter(candidates.values()))
        if len(candidates) > 1:
            names = " atau ".join(f"{i.nama} ({i.kode})" for i in candidates.values())
            raise DataError(f"instansi '{key}' ambigu: {names}", Location(path, line), code="R305")
        labels = [i.nama for i in self.daftar.instansi] + [i.kode for i in self.daftar.instansi]
        close = difflib.get_close_matches(key, labels, n=2, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(
                _norm_name(key), [_norm_name(x) for x in labels], n=1, cutoff=0.6
            )
        hint = f"; maksud Anda: {' atau '.join(close)}?" if close else ""
        raise DataError(
            f"instansi '{key}' tidak dikenal di instansi.yaml{hint}",
            Location(path, line),
            code="R306",
        )


# --- result details (what `renja rincian` shows) ---------------------------


@dataclass(frozen=True)
class BarisInstansi:
    kode: str
    nama: str
    provinsi: str
    nilai: float | None
    predikat: str | None
    memenuhi: bool
    baris: int


@dataclass(frozen=True)
class RincianInstansi:
    """Per-instansi records behind a ``persentase_instansi`` realisasi."""

    berkas: Path
    kriteria: str
    populasi: int
    memenuhi: int
    baris: tuple[BarisInstansi, ...]
    hilang: tuple[tuple[str, str], ...]
    belum_lengkap: bool


@dataclass(frozen=True)
class RincianRasio:
    berkas: Path | None
    label_pembilang: str
    label_penyebut: str
    pembilang: float
    penyebut: float
    butir: tuple[tuple[str, str, bool], ...] = ()


@dataclass(frozen=True)
class RincianArsip:
    berkas: Path
    jumlah_nip: int
    tersedia: int
    terisi: int
    lengkap: int
    dihitung: int
    kategori_minimal: str
    lengkap_dihitung_terisi: bool


@dataclass(frozen=True)
class RincianKomponen:
    berkas: Path
    kegiatan: tuple[tuple[str, float], ...] = field(default_factory=tuple)
    baris: tuple[int, ...] = field(default_factory=tuple)


# --- formula kinds ---------------------------------------------------------


def hasil_rekaman(ctx: Konteks, ind: Indikator, periode: str) -> HasilPeriode | None:
    """Realisasi computed from the period's record file, if the formula names one."""
    folder = ctx.realisasi.folder(periode)
    if folder is None:
        return None
    formula = ind.formula
    if formula.jenis == "persentase_instansi":
        path = folder / formula.berkas
        return persentase_instansi(ctx, formula, path) if path.exists() else None
    if formula.jenis == "arsip_digital":
        path = folder / formula.berkas
        return arsip_digital(formula, path) if path.exists() else None
    if formula.jenis == "rasio" and formula.berkas is not None:
        path = folder / formula.berkas
        return rasio_butir(ctx, formula, path) if path.exists() else None
    if formula.jenis == "rata_rata":
        values: dict[str, float | None] = {}
        details = {}
        for komponen in formula.komponen:
            if komponen.berkas is None:
                continue
            path = folder / komponen.berkas
            if path.exists():
                mean, rincian = rata_rata_kegiatan(path)
                values[komponen.kode] = mean
                details[komponen.kode] = rincian
        if not values:
            return None
        from renja_cli.formulas import HasilPeriode

        return HasilPeriode(komponen=values, rincian=details)
    return None


def persentase_instansi(
    ctx: Konteks, formula: FormulaPersentaseInstansi, path: Path
) -> HasilPeriode:
    from renja_cli.formulas import HasilPeriode

    ref = ctx.referensi
    if formula.populasi != ref.instansi.populasi:
        raise DataError(
            f"populasi '{formula.populasi}' tidak dikenal; instansi.yaml berisi populasi "
            f"'{ref.instansi.populasi}'",
            Location(path),
            code="R307",
        )
    kriteria = formula.kriteria
    skala: Skala | None = None
    minimal_rank = 0
    if kriteria.jenis == "predikat":
        skala = ref.skala(kriteria.skala, path)
        rank = skala.peringkat(kriteria.minimal)
        if rank is None:
            pilihan = ", ".join(p.kode for p in skala.predikat)
            raise DataError(
                f"predikat minimal '{kriteria.minimal}' tidak ada di skala {kriteria.skala} "
                f"(pilihan: {pilihan})",
                Location(path),
                code="R307",
            )
        minimal_rank = rank
        label = f"≥ {skala.predikat[rank].label}"
    else:
        label = f"{kriteria.kolom} = ya"
    csv_file = buka_csv(path)
    col_instansi = csv_file.column("instansi")
    col_nilai = csv_file.column(kriteria.kolom)
    assert col_instansi is not None and col_nilai is not None
    pencari = ref.pencari
    seen: dict[str, int] = {}
    rows: list[BarisInstansi] = []
    for line, cells in csv_file.rows():
        item = pencari.cari(_cell(cells, col_instansi), path, line)
        if item.kode in seen:
            raise DataError(
                f"instansi {item.nama} ({item.kode}) ganda (pertama di baris {seen[item.kode]})",
                Location(path, line),
                code="R308",
            )
        seen[item.kode] = line
        text = _cell(cells, col_nilai)
        if not text:
            continue  # a row without a value counts as no record
        nilai: float | None = None
        predikat = None
        if skala is not None:
            nilai = _angka(path, line, kriteria.kolom, text)
            band = skala.golongkan(nilai)
            if band is None:
                low, high = skala.predikat[-1].min, skala.predikat[0].maks
                raise DataError(
                    f"nilai {text} di luar skala {skala.nama} ({low:g}-{high:g})",
                    Location(path, line),
                    code="R309",
                )
            predikat = band.kode
            memenuhi = skala.predikat.index(band) <= minimal_rank
        else:
            memenuhi = _ya_tidak(path, line, kriteria.kolom, text)
        rows.append(
            BarisInstansi(item.kode, item.nama, item.provinsi, nilai, predikat, memenuhi, line)
        )
    recorded = {r.kode for r in rows}
    hilang = tuple((i.kode, i.nama) for i in ref.instansi.instansi if i.kode not in recorded)
    aturan = formula.instansi_hilang or ctx.rencana.pengaturan.instansi_hilang
    populasi = len(ref.instansi.instansi)
    jumlah = sum(1 for r in rows if r.memenuhi)
    belum_lengkap = bool(hilang) and aturan == "belum_lengkap"
    rincian = RincianInstansi(path, label, populasi, jumlah, tuple(rows), hilang, belum_lengkap)
    notes = []
    if hilang:
        notes.append(
            f"{len(hilang)} dari {populasi} instansi tanpa catatan"
            + (" (hasil belum lengkap)" if belum_lengkap else " (dihitung tidak memenuhi)")
        )
    if belum_lengkap:
        return HasilPeriode(tersedia=False, lengkap=False, keterangan=tuple(notes), rincian=rincian)
    return HasilPeriode(
        pembilang=jumlah,
        penyebut=populasi,
        penyebut_stok=True,
        keterangan=tuple(notes),
        rincian=rincian,
    )


def rasio_butir(ctx: Konteks, formula: FormulaRasio, path: Path) -> HasilPeriode:
    """A register of items (recommendations, findings) with a yes/no follow-up column."""
    from renja_cli.formulas import HasilPeriode

    csv_file = buka_csv(path)
    col_id = csv_file.column("nomor")
    col_done = csv_file.column("ditindaklanjuti")
    col_instansi = csv_file.column("instansi", required=False)
    assert col_id is not None and col_done is not None
    seen: dict[str, int] = {}
    items: list[tuple[str, str, bool]] = []
    for line, cells in csv_file.rows():
        nomor = _cell(cells, col_id)
        if not nomor:
            raise DataError("kolom nomor kosong", Location(path, line), code="R304")
        if nomor in seen:
            raise DataError(
                f"nomor {nomor} ganda (pertama di baris {seen[nomor]})",
                Location(path, line),
                code="R308",
            )
        seen[nomor] = line
        nama = ""
        if col_instansi is not None and _cell(cells, col_instansi):
            nama = ctx.referensi.pencari.cari(_cell(cells, col_instansi), path, line).nama
        items.append(
            (nomor, nama, _ya_tidak(path, line, "ditindaklanjuti", _cell(cells, col_done)))
        )
    done = sum(1 for _, _, d in items if d)
    rincian = RincianRasio(
        path, formula.pembilang, formula.penyebut, done, len(items), tuple(items)
    )
    if not items:
        return HasilPeriode(keterangan=("berkas tanpa butir",), rincian=rincian)
    return HasilPeriode(pembilang=done, penyebut=len(items), penyebut_stok=True, rincian=rincian)


def rata_rata_kegiatan(path: Path) -> tuple[float | None, RincianKomponen]:
    """Mean of per-event values (e.g. IKM of each guidance event)."""
    csv_file = buka_csv(path)
    col_name = csv_file.column("kegiatan")
    col_value = csv_file.column("nilai")
    assert col_name is not None and col_value is not None
    events: list[tuple[str, float]] = []
    lines: list[int] = []
    for line, cells in csv_file.rows():
        value = _angka(path, line, "nilai", _cell(cells, col_value))
        events.append((_cell(cells, col_name), value))
        lines.append(line)
    mean = sum(v for _, v in events) / len(events) if events else None
    return mean, RincianKomponen(path, tuple(events), tuple(lines))


def kategori_arsip(dokumen: tuple[bool, ...]) -> str:
    """IKK.6 category of one NIP from its nine document flags (seed, Tabel 25)."""
    if all(dokumen):
        return "lengkap"
    if all(dokumen[:4]):
        return "terisi"
    return "tersedia"


def arsip_digital(formula: FormulaArsipDigital, path: Path) -> HasilPeriode:
    """Share of NIPs whose digital archive reaches the formula's category."""
    from renja_cli.formulas import HasilPeriode

    csv_file = buka_csv(path)
    col_nip = csv_file.column("nip")
    cols = [csv_file.column(name) for name in DOKUMEN_ARSIP]
    assert col_nip is not None
    indices = [c for c in cols if c is not None]
    counts = {"tersedia": 0, "terisi": 0, "lengkap": 0}
    seen: set[str] = set()
    # rows repeat a handful of cell patterns ("1", "0", ""): classify each pattern once
    category: dict[tuple[str, ...], str] = {}
    width = max([col_nip, *indices]) + 1
    for line, cells in csv_file.rows():
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        nip = cells[col_nip].strip()
        if not nip:
            raise DataError("kolom nip kosong", Location(path, line), code="R304")
        if nip in seen:
            raise DataError(f"NIP {nip} ganda", Location(path, line), code="R308")
        seen.add(nip)
        key = tuple([cells[i] for i in indices])
        kategori = category.get(key)
        if kategori is None:
            flags = tuple(
                _ya_tidak(path, line, name, cell)
                for name, cell in zip(DOKUMEN_ARSIP, key, strict=True)
            )
            kategori = category[key] = kategori_arsip(flags)
        counts[kategori] += 1
    total = sum(counts.values())
    if formula.kategori_minimal == "lengkap":
        dihitung = counts["lengkap"]
    else:
        dihitung = counts["terisi"] + (counts["lengkap"] if formula.lengkap_dihitung_terisi else 0)
    rincian = RincianArsip(
        path,
        total,
        counts["tersedia"],
        counts["terisi"],
        counts["lengkap"],
        dihitung,
        formula.kategori_minimal,
        formula.lengkap_dihitung_terisi,
    )
    if not total:
        return HasilPeriode(keterangan=("berkas tanpa NIP",), rincian=rincian)
    return HasilPeriode(pembilang=dihitung, penyebut=total, penyebut_stok=True, rincian=rincian)
