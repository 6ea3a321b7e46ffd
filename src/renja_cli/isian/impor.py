"""``renja impor``: a filled-in workbook becomes the quarter's YAML and CSV files.

Nothing is written until the files pass ``validasi``: the workbook is turned
into ``tw<N>.yaml`` and ``tw<N>/*.csv`` inside a temporary copy of the year's
data, :func:`renja_cli.laporan.validasi.validasi` checks the copy with every
rule the commands apply, and each problem is mapped back to the cell it came
from — a YAML line to the Realisasi/Anggaran/Petunjuk cell that produced it
(the YAML is generated here and re-read for positions), a CSV line and column
to the record sheet's row and column. Problems in the files the workbook does
not replace keep their own paths.

Record files are written with ``;`` between cells and a decimal comma: the
Indonesian spreadsheet convention, and never ambiguous under the number rule
(``92.125`` could be read as thousands, ``92,125`` cannot).
"""

from __future__ import annotations

import csv
import fnmatch
import io
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from renja_cli.data.baca import read_realisasi, realisasi_folder
from renja_cli.data.folder import DataSource, target_path
from renja_cli.data.referensi import Referensi
from renja_cli.errors import DataError, Location, RenjaError, UsageError, raise_all
from renja_cli.hitung.periode import label_periode
from renja_cli.io.berkas import berkas_masukan, cari_peran, daftar_folder
from renja_cli.io.csvfile import TIDAK, YA, buka_csv, nip, norm_header, ya_tidak
from renja_cli.isian.baca import (
    BukuIsian,
    ke_angka,
    ke_bulat,
    ke_sel_csv,
    ke_teks,
    ke_ya_tidak,
)
from renja_cli.isian.tata import (
    KOLOM_ANGGARAN,
    KOLOM_REALISASI,
    LABEL_CONTOH,
    LABEL_KETERANGAN,
    LABEL_TAHUN,
    LABEL_TRIWULAN,
    LEMBAR_ANGGARAN,
    LEMBAR_PETUNJUK,
    LEMBAR_REALISASI,
    NARASI,
    TANDA,
    TEKS,
    LembarRekaman,
    TataIsian,
)
from renja_cli.isian.templat import cek_triwulan_isian, muat_tata
from renja_cli.model.dasar import as_list
from renja_cli.model.realisasi import BerkasRealisasi, EntriRealisasi, ratakan
from renja_cli.numbers import NumberFormatError, format_number, format_rupiah, parse_number
from renja_cli.rekaman import dataclass, field

PathKey = tuple[str | int, ...]


@dataclass
class BerkasCsvBaru:
    """One record file built from a sheet, with the map back to its cells."""

    lembar: LembarRekaman
    header: list[str]
    rows: list[list[str]]
    baris: dict[int, int] = field(default_factory=dict)
    """CSV line number → sheet row."""
    kolom: dict[str, str] = field(default_factory=dict)
    """CSV column name → sheet column letter."""
    kunci: list[str] = field(default_factory=list)
    """The key cell of every row of the sheet, values typed or not."""

    def teks(self) -> bytes:
        out = io.StringIO(newline="")
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return out.getvalue().encode("utf-8")


@dataclass
class HasilImpor:
    """A checked import: the files to write, what changes, and where they go."""

    tata: TataIsian
    sumber: Path
    tujuan: list[tuple[Path, bytes]]
    """(destination, content), record files first, the period YAML last."""
    perubahan: list[str]
    peringatan: list[DataError]
    indikator: int
    baris_rekaman: int

    def ada(self) -> list[Path]:
        return [p for p, _ in self.tujuan if p.exists()]

    def tulis(self, timpa: bool) -> list[Path]:
        """Write every file atomically; existing files only with ``timpa``."""
        from renja_cli.io.tulis import tulis_atomik

        existing = self.ada()
        if existing and not timpa:
            year = self.tujuan[-1][0].parent
            names = ", ".join(str(p.relative_to(year)) for p in existing)
            raise UsageError(
                f"{len(existing)} berkas sudah ada di {year}: {names}; tambahkan --timpa "
                "untuk menimpanya (perubahannya tercantum di atas)",
                code="U004",
            )
        written = []
        for path, data in self.tujuan:
            path.parent.mkdir(parents=True, exist_ok=True)
            written.append(tulis_atomik(path, data, timpa=True))
        return written


# --- reading the sheets ---------------------------------------------------------


def _judul(buku: BukuIsian, ws: Any) -> dict[str, int]:
    """Header cells of row 1 by normalised text → column number.

    A header written twice is R602 at the second cell: which of the two columns holds
    the values is not for the reader to guess."""
    found: dict[str, int] = {}
    for cell in buku.judul(ws):
        if isinstance(cell.value, str) and cell.value.strip():
            name = norm_header(cell.value)
            if name in found:
                _judul_ganda(buku, ws, cell.value, found[name], cell.column)
                continue
            found[name] = cell.column
    return found


def _judul_ganda(
    buku: BukuIsian, ws: Any, text: str, first: int, column: int, sama: str = "ganda"
) -> None:
    from openpyxl.utils import get_column_letter

    buku.salah(
        f"judul kolom '{text.strip()}' {sama} (pertama di {get_column_letter(first)}1); hapus "
        "kolom yang tidak dipakai atau ganti judulnya",
        ws.title,
        f"{get_column_letter(column)}1",
        "R602",
    )


def _petunjuk(
    buku: BukuIsian, tata: TataIsian, data: dict[str, Any], peta: dict[PathKey, Location]
) -> None:
    ws = buku.lembar(LEMBAR_PETUNJUK)
    if ws is None:
        return
    labels: dict[str, int] = {}
    for row in range(1, min(buku.baris_akhir(ws), 60) + 1):
        value = ws.cell(row=row, column=1).value
        if isinstance(value, str):
            labels.setdefault(value.strip().casefold(), row)

    def cell(label: str) -> tuple[Any, str] | None:
        row = labels.get(label.casefold())
        if row is None:
            buku.salah(
                f"baris '{label}' tidak ada di lembar {LEMBAR_PETUNJUK}", ws.title, "A1", "R602"
            )
            return None
        value, ok = buku.mentah(ws, row, 2)
        return (value if ok else None), f"B{row}"

    for label, expected, key in (
        (LABEL_TAHUN, tata.tahun, "tahun"),
        (LABEL_TRIWULAN, tata.triwulan, "periode"),
    ):
        found = cell(label)
        if found is None:
            continue
        value, ref = found
        number = ke_angka(buku, ws, ref, value, label)
        if number != expected:
            buku.salah(
                f"buku kerja ini untuk {label.lower()} {value}, bukan {expected}; buat templat "
                f"--tahun {tata.tahun} --triwulan {tata.triwulan} atau sesuaikan opsinya",
                ws.title,
                ref,
                "R602",
            )
        peta[(key,)] = buku.lokasi(ws.title, ref)
    found = cell(LABEL_CONTOH)
    if found is not None:
        value, ref = found
        if ke_ya_tidak(buku, ws, ref, value, LABEL_CONTOH):
            data["contoh"] = True
            peta[("contoh",)] = buku.lokasi(ws.title, ref)
    found = cell(LABEL_KETERANGAN)
    if found is not None:
        value, ref = found
        lines = _baris_teks(ke_teks(value))
        if lines:
            data["keterangan"] = lines[0] if len(lines) == 1 else lines
            peta[("keterangan",)] = buku.lokasi(ws.title, ref)


def _baris_teks(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _narasi_lama(old: EntriRealisasi | None, key: str, lines: list[str]) -> Any:
    """A structured narrative of the file being replaced (items, tables, notes), when
    the cell still shows it unchanged: the blocks are kept, never flattened."""
    if old is None or key not in NARASI:
        return None
    value = getattr(old, key)
    if not isinstance(value, list) or all(isinstance(b, str) for b in value):
        return None
    if list(ratakan(value)) != lines:
        return None
    return [
        b if isinstance(b, str) else b.model_dump(mode="json", exclude_defaults=True) for b in value
    ]


def _realisasi(
    buku: BukuIsian,
    tata: TataIsian,
    peta: dict[PathKey, Location],
    sel_nilai: dict[tuple[str, str | None], Location],
    lama: dict[str, EntriRealisasi],
) -> dict[str, dict[str, Any]]:
    from openpyxl.utils import get_column_letter

    ws = buku.lembar(LEMBAR_REALISASI)
    if ws is None:
        return {}
    header = _judul(buku, ws)
    columns: dict[str, int] = {}
    for key, label in KOLOM_REALISASI:
        if key in ("target_tw", "target"):
            continue
        found = header.get(norm_header(label))
        if found is None:
            buku.salah(f"kolom '{label}' tidak ada di baris judul", ws.title, "A1", "R602")
            continue
        columns[key] = found
    if "kode" not in columns:
        return {}
    rows = {(r.kode, r.komponen): r for r in tata.realisasi}
    seen: dict[tuple[str, str | None], int] = {}
    entries: dict[str, dict[str, Any]] = {}
    inputs = [k for k in columns if k not in ("kode", "komponen", "nama", "satuan", "cara")]
    for r in range(2, buku.baris_akhir(ws) + 1):
        values: dict[str, Any] = {}
        refs: dict[str, str] = {}
        for key in ("kode", "komponen", *inputs):
            if key not in columns:
                continue
            value, ok = buku.mentah(ws, r, columns[key])
            refs[key] = f"{get_column_letter(columns[key])}{r}"
            if ok and value is not None:
                values[key] = value
        given = {k: v for k, v in values.items() if k in inputs}
        kode = ke_teks(values.get("kode"))
        komponen = ke_teks(values.get("komponen"))
        if kode and (kode, komponen) in rows and "nilai" in refs:
            sel_nilai.setdefault((kode, komponen), buku.lokasi(ws.title, refs["nilai"]))
        if not given:
            continue
        if not kode:
            buku.salah("baris berisi isian tanpa kode indikator", ws.title, refs["kode"], "R203")
            continue
        row = rows.get((kode, komponen))
        if row is None:
            what = f"komponen {komponen} dari {kode}" if komponen else f"indikator {kode}"
            buku.salah(
                f"{what} tidak ada di targets-{tata.tahun}.yaml", ws.title, refs["kode"], "R203"
            )
            continue
        if (kode, komponen) in seen:
            buku.salah(
                f"baris {kode}{' ' + komponen if komponen else ''} ganda (pertama di baris "
                f"{seen[(kode, komponen)]})",
                ws.title,
                refs["kode"],
                "R210",
            )
            continue
        seen[(kode, komponen)] = r
        entry = entries.setdefault(kode, {})
        base: PathKey = ("realisasi", kode)
        peta.setdefault(base, buku.lokasi(ws.title, refs["kode"]))
        if komponen is not None:
            for key, value in given.items():
                if key != "nilai":
                    buku.salah(
                        f"kolom {key} diisi di baris komponen; isi di baris indikator {kode}",
                        ws.title,
                        refs[key],
                        "R205",
                    )
                    continue
                number = ke_angka(buku, ws, refs[key], value, "Nilai")
                if number is not None:
                    entry.setdefault("komponen", {})[komponen] = number
                    peta[(*base, "komponen", komponen)] = buku.lokasi(ws.title, refs[key])
            continue
        peta[base] = buku.lokasi(ws.title, refs["kode"])
        for key in ("nilai", "pembilang", "penyebut"):
            if key in given:
                number = ke_angka(buku, ws, refs[key], given[key], key.capitalize())
                if number is not None:
                    entry[key] = ke_bulat(number) if key != "nilai" else number
                    peta[(*base, key)] = buku.lokasi(ws.title, refs[key])
        if "predikat" in given:
            grade = ke_teks(given["predikat"])
            entry["predikat"] = grade
            peta[(*base, "predikat")] = buku.lokasi(ws.title, refs["predikat"])
        for key in ("tersedia", "sementara"):
            if key in given:
                flag = ke_ya_tidak(buku, ws, refs[key], given[key], key.capitalize())
                if flag is not None and flag != (key == "tersedia"):
                    entry[key] = flag
                    peta[(*base, key)] = buku.lokasi(ws.title, refs[key])
        if "contoh" in given:
            text = ke_teks(given["contoh"]) or ""
            if text.casefold() in YA:
                entry["contoh"] = True
            elif text.casefold() not in TIDAK:
                entry["contoh"] = text
            if "contoh" in entry:
                peta[(*base, "contoh")] = buku.lokasi(ws.title, refs["contoh"])
        for key in (*TEKS, "asumsi", "turunan", *NARASI):
            lines = _baris_teks(ke_teks(given.get(key)))
            if not lines:
                continue
            kept = _narasi_lama(lama.get(kode), key, lines)
            if kept is not None:
                entry[key] = kept
            elif key in ("sumber", "asumsi", "turunan"):
                entry[key] = " ".join(lines)
            else:
                entry[key] = lines[0] if len(lines) == 1 else lines
            peta[(*base, key)] = buku.lokasi(ws.title, refs[key])
            for i in range(len(lines)):
                peta[(*base, key, i)] = buku.lokasi(ws.title, refs[key])
    order = (
        "nilai", "predikat", "pembilang", "penyebut", "komponen", "tersedia", "sementara",
        *TEKS, *TANDA, *NARASI,
    )  # fmt: skip
    return {
        kode: {k: entries[kode][k] for k in order if k in entries[kode]}
        for kode in (r.kode for r in tata.realisasi)
        if entries.get(kode)
    }


def _anggaran(buku: BukuIsian, tata: TataIsian, peta: dict[PathKey, Location]) -> dict[str, Any]:
    ws = buku.lembar(LEMBAR_ANGGARAN)
    if ws is None:
        return {}
    header = _judul(buku, ws)
    code_col = header.get(norm_header(KOLOM_ANGGARAN[0][1]))
    value_cols = [c for name, c in header.items() if name.startswith("realisasi_anggaran")]
    for extra in value_cols[1:]:
        text = str(ws.cell(1, extra).value)
        _judul_ganda(buku, ws, text, value_cols[0], extra, "juga kolom realisasi anggaran")
    value_col = value_cols[0] if value_cols else None
    if code_col is None or value_col is None:
        buku.salah(
            "kolom Sasaran atau Realisasi anggaran tidak ada di baris judul", ws.title, "A1", "R602"
        )
        return {}
    from openpyxl.utils import get_column_letter

    known = [k for k, _, _ in tata.anggaran]
    result: dict[str, Any] = {}
    for r in range(2, buku.baris_akhir(ws) + 1):
        value, ok = buku.mentah(ws, r, value_col)
        ref = f"{get_column_letter(value_col)}{r}"
        if not ok or value is None:
            continue
        code_value, _ = buku.mentah(ws, r, code_col)
        kode = ke_teks(code_value)
        code_ref = f"{get_column_letter(code_col)}{r}"
        if kode not in known:
            buku.salah(
                f"sasaran {kode} tidak ada di targets-{tata.tahun}.yaml", ws.title, code_ref, "R203"
            )
            continue
        assert kode is not None
        if kode in result:
            buku.salah(f"sasaran {kode} ganda", ws.title, code_ref, "R210")
            continue
        number = ke_angka(buku, ws, ref, value, "Realisasi anggaran")
        if number is not None:
            result[kode] = ke_bulat(number)
            peta[("anggaran", kode)] = buku.lokasi(ws.title, ref)
    if result:
        peta[("anggaran",)] = buku.lokasi(ws.title, "A1")
    return {k: result[k] for k in known if k in result}


def _rekaman(buku: BukuIsian, lembar: LembarRekaman) -> BerkasCsvBaru | None:
    from openpyxl.utils import get_column_letter

    ws = buku.lembar(lembar.nama)
    if ws is None:
        return None
    header = _judul(buku, ws)
    expected = [k.nama for k in lembar.kolom]
    missing = [name for name in expected if name not in header]
    if missing:
        buku.salah(
            f"kolom {', '.join(missing)} tidak ada di baris judul lembar {lembar.nama}",
            ws.title,
            "A1",
            "R602",
        )
        return None
    extra = [name for name in header if name not in expected]
    for name in extra:
        if ";" in name or "," in name or '"' in name:
            buku.salah(
                f"judul kolom '{name}' memuat ; , atau \"",
                ws.title,
                f"{get_column_letter(header[name])}1",
                "R602",
            )
            return None
    names = expected + extra
    kinds = {k.nama: k for k in lembar.kolom}
    built = BerkasCsvBaru(lembar, names, [])
    built.kolom = {name: get_column_letter(header[name]) for name in names}
    berisi = {c for r, c in buku.terisi(ws) if r > 1 and ws.cell(row=r, column=c).value != ""}
    for column in sorted(berisi):  # data under an empty header would be lost: refuse it
        title = ws.cell(row=1, column=column).value
        if title is None or (isinstance(title, str) and not title.strip()):
            buku.salah(
                "kolom berisi data tanpa judul", ws.title, f"{get_column_letter(column)}1", "R602"
            )
    for r in range(2, buku.baris_akhir(ws) + 1):
        cells: list[str] = []
        filled = False
        for name in names:
            kolom = kinds.get(name)
            value, ok = buku.mentah(ws, r, header[name])
            ref = f"{built.kolom[name]}{r}"
            text = (
                ke_sel_csv(buku, ws, ref, value, nip=kolom is not None and kolom.jenis == "nip")
                if ok
                else ""
            )
            cells.append(text)
            if text and not (kolom is not None and kolom.terkunci):
                filled = True
        built.kunci.append(cells[0])
        if not filled:
            continue
        built.rows.append(cells)
        built.baris[len(built.rows) + 1] = r
    return built


def _instansi_hilang(
    buku: BukuIsian, berkas: BerkasCsvBaru, referensi: Referensi
) -> DataError | None:
    """A per-instansi sheet missing some of its rows: templat writes every instansi, so
    a row was deleted, and that instansi now counts as not meeting the criterion (or
    leaves the result incomplete) — said here, not found out from the figure."""
    if berkas.lembar.jenis != "instansi" or not berkas.rows:
        return None
    found = set()
    for line, text in enumerate(berkas.kunci, start=2):
        try:
            found.add(referensi.pencari.cari(text, buku.path, line).kode)
        except DataError:
            continue  # validasi reports it at its cell
    missing = [i for i in referensi.instansi.instansi if i.kode not in found]
    if not missing:
        return None
    names = ", ".join(f"{i.nama} ({i.kode})" for i in missing[:10])
    more = f" dan {len(missing) - 10} lainnya" if len(missing) > 10 else ""
    return DataError(
        f"{len(missing)} instansi tidak punya baris di lembar {berkas.lembar.nama}: "
        f"{names}{more}; baris yang terhapus dihitung tanpa catatan — kembalikan barisnya "
        "(buat ulang dengan renja templat --isi) bila tidak disengaja",
        buku.lokasi(berkas.lembar.nama, "A1"),
        code="R607",
    )


# --- mapping validasi's problems back to cells ---------------------------------

_KOLOM_PESAN = re.compile(r"kolom '?([A-Za-z_][A-Za-z0-9_]*)'?")


def _sel_yaml(text: str, path: Path, peta: dict[PathKey, Location]) -> dict[int, Location]:
    """Line of the generated YAML → the cell each line came from."""
    from renja_cli.io.yamlfile import loads

    _, positions = loads(text, path)
    lines: dict[int, Location] = {}
    for key in sorted(peta, key=len):
        for mark in (positions.key_marks.get(key), positions.marks.get(key)):
            if mark is not None:
                lines[mark[0]] = peta[key]
    return lines


def _kolom_csv(message: str, code: str, berkas: BerkasCsvBaru) -> str:
    match = _KOLOM_PESAN.search(message)
    if match and match.group(1) in berkas.kolom:
        return berkas.kolom[match.group(1)]
    lembar = berkas.lembar
    default = {
        "R305": "instansi",
        "R306": "instansi",
        "R311": "nip",
        "R308": lembar.kunci,
        "R312": next((k.nama for k in lembar.kolom if k.jenis == "triwulan"), lembar.kunci),
    }.get(code)
    if default is None and code in ("R207", "R309", "R304"):
        default = next((k.nama for k in lembar.kolom if k.jenis == "angka"), None)
    return berkas.kolom.get(default or lembar.kunci, "A")


@dataclass
class _Peta:
    """Where the files in the temporary copy came from."""

    buku: BukuIsian
    tmp_root: Path
    asli: Path
    yaml_path: Path
    yaml_lines: dict[int, Location]
    csv: dict[Path, BerkasCsvBaru]
    folder: Path
    lembar_berkas: dict[str, LembarRekaman]
    survei: list[tuple[str, Location, str]]
    """(survey file pattern, the component's Nilai cell, 'IKK.1 ikm_layanan')."""

    def lokasi(
        self, path: Path | None, line: int | None, column: int | None, code: str
    ) -> tuple[Location | None, bool, str]:
        """(location, in the workbook?, hint to add) for one problem."""
        if path is None:
            return None, False, ""
        resolved = path.resolve()
        if resolved == self.yaml_path:
            if line is None:
                return self.buku.lokasi(LEMBAR_REALISASI), True, ""
            best = max((n for n in self.yaml_lines if n <= line), default=None)
            if best is None:
                return self.buku.lokasi(LEMBAR_REALISASI), True, ""
            return self.yaml_lines[best], True, ""
        berkas = self.csv.get(resolved)
        if berkas is not None:
            if line is None:
                return self.buku.lokasi(berkas.lembar.nama), True, ""
            if line == 1:
                return self.buku.lokasi(berkas.lembar.nama, "A1"), True, ""
            row = berkas.baris.get(line)
            return (
                self.buku.lokasi(berkas.lembar.nama, None if row is None else f"{{kolom}}{row}"),
                True,
                "",
            )
        if resolved.parent == self.folder:
            for pattern, cell, label in self.survei:
                if code == "R313" and fnmatch.fnmatchcase(
                    resolved.name.casefold(), pattern.casefold()
                ):
                    hint = (
                        f" — salin jawaban survei {pattern} ke folder {self.folder.name}/, atau "
                        f"ketik Nilai komponen {label} di sel ini"
                    )
                    return cell, True, hint
            for name, lembar in self.lembar_berkas.items():
                if name.casefold() == resolved.name.casefold():
                    hint = (
                        f" — lembar {lembar.nama} kosong: isi lembarnya, atau tulis Tersedia = "
                        f"tidak pada baris {', '.join(lembar.indikator)} di lembar "
                        f"{LEMBAR_REALISASI}"
                    )
                    return self.buku.lokasi(lembar.nama, "A2"), True, hint
        try:
            rel = resolved.relative_to(self.tmp_root)
        except ValueError:
            return Location(path, line, column), False, ""
        return Location(self.asli / rel, line, column), False, ""


def _petakan(peta: _Peta, hasil: Any) -> tuple[list[DataError], list[DataError]]:
    galat: list[DataError] = []
    peringatan: list[DataError] = []
    for m in hasil.masalah:
        where, ours, hint = peta.lokasi(m.path, m.baris, m.kolom, m.kode)
        if where is not None and where.cell is not None and "{kolom}" in where.cell:
            berkas = peta.csv[m.path.resolve()]
            where = Location(
                where.path,
                sheet=where.sheet,
                cell=where.cell.replace("{kolom}", _kolom_csv(m.pesan, m.kode, berkas)),
            )
        if ours and m.kode == "R204" and not hint:
            hint = " — di buku kerja: kosongkan sel ini, atau kosongkan isian yang lain itu"
        err = DataError(m.pesan + hint, where, field=m.bidang, code=m.kode)
        # a warning outside the workbook (tahunan.yaml supersedes the quarter, another
        # quarter disagrees) still concerns what is imported: shown at its own file
        (galat if m.tingkat == "galat" else peringatan).append(err)
    return galat, peringatan


# --- what changes ---------------------------------------------------------------


def _angka(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        return format_number(value, 6, trim=True)
    return str(value)


def _ubah_entri(kode: str, old: EntriRealisasi | None, new: EntriRealisasi | None) -> str | None:
    if old is None and new is None:
        return None
    if old is None:
        return f"{kode}: baru"
    if new is None:
        return f"{kode}: dihapus"
    parts = []
    for key in ("nilai", "predikat", "pembilang", "penyebut", "tersedia", "sementara", "contoh"):
        a, b = getattr(old, key), getattr(new, key)
        if a != b:
            parts.append(f"{key} {_angka(a)} → {_angka(b)}")
    ka, kb = old.komponen or {}, new.komponen or {}
    for k in dict.fromkeys([*ka, *kb]):
        if ka.get(k) != kb.get(k):
            a, b = ka.get(k), kb.get(k)
            parts.append(f"komponen {k} {_angka(a)} → {_angka(b)}")
    for key in (*TEKS, "asumsi", "turunan", *NARASI):
        a, b = getattr(old, key), getattr(new, key)
        if key in NARASI:
            same = a == b or (ratakan(a) == ratakan(b) and not _blok(a) and not _blok(b))
            a, b = ratakan(a), ratakan(b)
        else:
            a, b = as_list(a), as_list(b)
            same = a == b
        if not same:
            parts.append(f"{key} {'diisi' if not a else 'dihapus' if not b else 'diubah'}")
    return f"{kode}: {'; '.join(parts)}" if parts else None


def _blok(value: Any) -> bool:
    return isinstance(value, list) and any(not isinstance(b, str) for b in value)


def _ubah_yaml(old_path: Path | None, new: dict[str, Any], label: str) -> list[str]:
    if old_path is None:
        return [f"{label}: baru ({len(new.get('realisasi', {}))} indikator)"]
    try:
        old, _ = read_realisasi(old_path)
    except RenjaError:
        return [f"{label}: berkas lama tidak terbaca; diganti seluruhnya"]
    fresh = BerkasRealisasi.model_validate(new)
    lines = []
    if old.contoh != fresh.contoh:
        lines.append(f"contoh {_angka(old.contoh)} → {_angka(fresh.contoh)}")
    if as_list(old.keterangan) != as_list(fresh.keterangan):
        lines.append("keterangan berkas diubah")
    codes = dict.fromkeys([*old.realisasi, *fresh.realisasi])
    for kode in codes:
        change = _ubah_entri(kode, old.realisasi.get(kode), fresh.realisasi.get(kode))
        if change:
            lines.append(change)
    oa, na = old.anggaran or {}, fresh.anggaran or {}
    for kode in dict.fromkeys([*oa, *na]):
        if oa.get(kode) != na.get(kode):
            a = format_rupiah(oa[kode]) if kode in oa else "—"
            b = format_rupiah(na[kode]) if kode in na else "—"
            lines.append(f"anggaran {kode} {a} → {b}")
    if not lines:
        return [f"{label}: sama"]
    if fresh.ditutup is not None:
        lines.insert(
            0,
            f"periode ini ditutup {fresh.ditutup.isoformat()} (dipertahankan): renja beda "
            "mencatat perubahan sesudah tanggal itu",
        )
    return [f"{label}:", *(f"  {line}" for line in lines)]


def _baris_csv(
    path: Path, lembar: LembarRekaman, referensi: Referensi
) -> Counter[tuple[Any, ...]] | None:
    """Rows of a record file as comparable tuples (key first), or None if unreadable."""
    try:
        csv_file = buka_csv(path)
        columns = [
            k
            for k in lembar.kolom
            if k.nama != "nama" and csv_file.column(k.nama, False) is not None
        ]
        index = [csv_file.header.index(k.nama) for k in columns]
        rows: Counter[tuple[Any, ...]] = Counter()
        for line, cells in csv_file.rows():
            row: list[Any] = []
            for k, i in zip(columns, index, strict=True):
                text = cells[i].strip()
                value: Any = text
                try:
                    if k.jenis == "kode_instansi":
                        value = referensi.pencari.cari(text, path, line).kode
                    elif k.jenis == "nip":
                        value = nip(path, line, text)
                    elif k.jenis in ("ya_tidak", "dokumen"):
                        value = ya_tidak(path, line, k.nama, text)
                    elif k.jenis in ("angka", "triwulan") and text:
                        value = parse_number(text)
                except (DataError, NumberFormatError):
                    value = text
                row.append(value)
            rows[tuple(row)] += 1
        return rows
    except RenjaError:
        return None


def _ubah_csv(
    old_path: Path | None, new_path: Path, lembar: LembarRekaman, referensi: Referensi, label: str
) -> str:
    new = _baris_csv(new_path, lembar, referensi) or Counter()
    total = sum(new.values())
    if old_path is None:
        return f"{label}: baru ({format_number(total, 0)} baris)"
    old = _baris_csv(old_path, lembar, referensi)
    if old is None:
        return f"{label}: berkas lama tidak terbaca; diganti ({format_number(total, 0)} baris)"
    if old == new:
        return f"{label}: sama ({format_number(total, 0)} baris)"
    old_keys = Counter(r[0] for r in old.elements())
    new_keys = Counter(r[0] for r in new.elements())
    added = sum((new_keys - old_keys).values())
    removed = sum((old_keys - new_keys).values())
    changed = sum((new - old).values()) - added
    before = format_number(sum(old.values()), 0)
    return (
        f"{label}: {before} → {format_number(total, 0)} baris ({added} baru, {removed} dihapus, "
        f"{max(changed, 0)} diubah)"
    )


# --- the command ----------------------------------------------------------------


def _lama(path: Path | None) -> BerkasRealisasi | None:
    """The period file being replaced, when it can be read: its closing date and its
    structured narratives are kept."""
    if path is None:
        return None
    try:
        old, _ = read_realisasi(path)
    except RenjaError:
        return None
    return old


def _salin(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)


def _tunggal(folder: Path, nama: str) -> Path | None:
    """The existing file ``nama`` in ``folder``; a different spelling is refused,
    since writing ``nama`` beside it would leave two files for one role."""
    for name in daftar_folder(folder):
        if name.casefold() == nama.casefold():
            if name != nama:
                raise UsageError(
                    f"'{folder / name}' ada; impor menulis '{nama}' — ganti nama atau hapus "
                    "berkas itu dahulu",
                    Location(folder / name),
                    code="U004",
                )
            return folder / name
    return None


def siapkan_impor(source: DataSource, path: Path, tahun: int, triwulan: int | None) -> HasilImpor:
    """Read, convert and check a workbook; nothing is written (see :meth:`HasilImpor.tulis`)."""
    from renja_cli.laporan.validasi import validasi

    tw = cek_triwulan_isian(triwulan)
    if source.bawaan:
        raise UsageError(
            "impor menulis ke folder data; beri --data FOLDER atau RENJA_DATA (data bawaan "
            "paket tidak pernah ditulis)",
            code="U002",
        )
    if path.suffix.casefold() not in (".xlsx", ".xlsm"):
        raise UsageError(f"'{path}' bukan berkas .xlsx", Location(path), code="U001")
    berkas_masukan([path])
    tata, referensi = muat_tata(source, tahun, tw)
    buku = BukuIsian(path)
    peta_yaml: dict[PathKey, Location] = {}
    year = realisasi_folder(source.root, tahun)
    old_yaml = None
    for suffix in (".yaml", ".yml"):
        found = _tunggal(year, tata.periode + suffix) if year.is_dir() else None
        if found is not None and suffix == ".yml":
            raise UsageError(
                f"'{found}' ada; impor menulis {tata.periode}.yaml — ganti nama berkas itu dahulu",
                Location(found),
                code="U004",
            )
        old_yaml = old_yaml or found
    lama = _lama(old_yaml)
    data: dict[str, Any] = {"tahun": tahun, "periode": tata.periode}
    _petunjuk(buku, tata, data, peta_yaml)
    sel_nilai: dict[tuple[str, str | None], Location] = {}
    realisasi = _realisasi(
        buku, tata, peta_yaml, sel_nilai, dict(lama.realisasi) if lama is not None else {}
    )
    anggaran = _anggaran(buku, tata, peta_yaml)
    files = [f for lembar in tata.rekaman if (f := _rekaman(buku, lembar)) is not None]
    folder = year / tata.periode
    for f in files:
        if not f.rows and folder.is_dir() and _tunggal(folder, f.lembar.berkas) is not None:
            buku.salah(
                f"lembar {f.lembar.nama} kosong, padahal {tata.periode}/{f.lembar.berkas} sudah "
                "ada; isi lembar ini, atau hapus berkas itu sendiri bila memang tidak berlaku",
                f.lembar.nama,
                "A2",
                "R604",
            )
    raise_all(buku.galat)
    hilang = [w for f in files if (w := _instansi_hilang(buku, f, referensi)) is not None]
    data["realisasi"] = realisasi
    if anggaran:
        data["anggaran"] = anggaran
    ditutup = None if lama is None or lama.ditutup is None else lama.ditutup.isoformat()
    if ditutup is not None:
        # the closing date belongs to the file, not to the typed values: it is kept, so
        # renja beda still reports a closed period written over (R503/R504)
        keys = list(data)
        data = {k: data[k] for k in keys[: keys.index("realisasi")]}
        data["ditutup"] = ditutup
        data["realisasi"] = realisasi
        if anggaran:
            data["anggaran"] = anggaran
    import yaml

    from renja_cli import __version__

    text = (
        f"# Realisasi {label_periode(tata.periode)} {tahun}, diimpor dari {path.name} "
        f"(renja impor {__version__}).\n"
        "# Ubah lewat buku kerja (renja templat --isi) atau langsung di berkas ini.\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    )
    covered = {f.lembar.berkas.casefold() for f in files}
    with tempfile.TemporaryDirectory(prefix="renja-impor-") as tmp:
        root = Path(tmp).resolve() / (source.root.resolve().name or "data")
        root.mkdir()
        for stem in ("instansi", "skala"):
            found = cari_peran(source.root, stem, (".yaml", ".yml"))
            if found is not None:
                shutil.copy2(found, root / found.name)
        targets = target_path(source.root, tahun)
        shutil.copy2(targets, root / targets.name)
        tmp_year = realisasi_folder(root, tahun)
        tmp_year.mkdir(parents=True)
        for name in daftar_folder(year):
            if name.casefold() in (f"{tata.periode}.yaml", f"{tata.periode}.yml"):
                continue
            if name == tata.periode and (year / name).is_dir():
                (tmp_year / name).mkdir()
                for inner in daftar_folder(year / name):
                    if inner.casefold() not in covered:
                        _salin(year / name / inner, tmp_year / name / inner)
                continue
            _salin(year / name, tmp_year / name)
        tmp_folder = tmp_year / tata.periode
        tmp_folder.mkdir(exist_ok=True)
        yaml_path = tmp_year / f"{tata.periode}.yaml"
        yaml_path.write_text(text, encoding="utf-8")
        csv_map: dict[Path, BerkasCsvBaru] = {}
        for f in files:
            if f.rows:
                target = tmp_folder / f.lembar.berkas
                target.write_bytes(f.teks())
                csv_map[target.resolve()] = f
        peta = _Peta(
            buku,
            root,
            source.root,
            yaml_path.resolve(),
            _sel_yaml(text, yaml_path, peta_yaml),
            csv_map,
            tmp_folder.resolve(),
            {lembar.berkas: lembar for lembar in tata.rekaman},
            [
                (r.survei, sel_nilai[(r.kode, r.komponen)], f"{r.kode} {r.komponen}")
                for r in tata.realisasi
                if r.survei and (r.kode, r.komponen) in sel_nilai
            ],
        )
        hasil = validasi([root])
        galat, peringatan = _petakan(peta, hasil)
        peringatan = hilang + peringatan
        raise_all(galat)
        label = f"{tata.periode}"
        perubahan = _ubah_yaml(old_yaml, data, f"{label}.yaml")
        for f in files:
            if not f.rows:
                continue
            old = _tunggal(folder, f.lembar.berkas) if folder.is_dir() else None
            perubahan.append(
                _ubah_csv(
                    old,
                    tmp_folder / f.lembar.berkas,
                    f.lembar,
                    referensi,
                    f"{label}/{f.lembar.berkas}",
                )
            )
    tujuan = [(folder / f.lembar.berkas, f.teks()) for f in files if f.rows]
    tujuan.append((year / f"{tata.periode}.yaml", text.encode("utf-8")))
    return HasilImpor(
        tata=tata,
        sumber=path,
        tujuan=tujuan,
        perubahan=perubahan,
        peringatan=peringatan,
        indikator=len(realisasi),
        baris_rekaman=sum(len(f.rows) for f in files),
    )
