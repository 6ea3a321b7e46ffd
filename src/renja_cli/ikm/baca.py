"""Reading survey exports as people produce them.

Accepted: Google Forms CSV (``Timestamp`` first, question texts as headers,
answers as option texts), Google Forms / Excel ``.xlsx`` (first sheet unless
one is named; formulas are errors, never evaluated), and plain numeric 1–4
sheets in either format. A cell is a score when it is a number, else an
answer text looked up in that unsur's wordings.

Headers map to unsur by an explicit ``pemetaan`` entry, by the code alone
(``U1``…``U9``), or by name: leading numbering ("1.", "U1.", "1)") is dropped
and case, spacing and punctuation ignored, then the unsur whose name or alias
appears in the header as whole words wins. The number in front is never used
to map: the regulation's questionnaire numbers sarana 8 and pengaduan 9, the
reverse of its list of unsur. Other columns (Timestamp, Nama, Jenis Layanan,
Usia, Saran…) are kept as respondent information.

CSV rules: UTF-8 (BOM fine), ``,`` ``;`` or tab chosen from the header line
(outside quotes), CRLF fine, strict quoting. Leading lines that start with
``# `` are comments; ``# contoh: …`` marks the file as example data
(:attr:`Survei.contoh`). A blank answer leaves that respondent out of that
unsur only; a respondent with all nine blank is excluded with a reason.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, time
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from renja_cli import bacaan
from renja_cli.errors import DataError, DataErrors, Location
from renja_cli.ikm.hasil import Dikecualikan, Peringatan
from renja_cli.ikm.referensi import (
    KETERANGAN,
    KODE_UNSUR,
    KodeUnsur,
    ReferensiSurvei,
    Tujuan,
    nomor_u,
    norm_jawaban,
    norm_judul,
    norm_teks,
)
from renja_cli.numbers import NumberFormatError, parse_number
from renja_cli.rekaman import dataclass

MAKS_GALAT = 50
"""Cell errors collected before giving up on a file (a wrong wording repeats)."""

_ANGKA = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_KOMENTAR = re.compile(r"^#(?:\s|$)")
_CONTOH = re.compile(r"^#\s*contoh\b\s*:?\s*(.*)$", re.IGNORECASE)

Nilai = str | int | float | bool | datetime | date | time | None
_KODE: dict[str, KodeUnsur] = {k.casefold(): k for k in KODE_UNSUR}


@dataclass(frozen=True, slots=True)
class KolomUnsur:
    """The column that carries one unsur (``kolom`` is 1-based)."""

    kode: str
    judul: str
    kolom: int


class Responden(NamedTuple):
    """One response: nine scores in U1…U9 order (0 = blank) and the other cells.

    A named tuple rather than a dataclass: a survey can hold 100 000 of them.
    """

    baris: int
    nilai: tuple[int, ...]
    waktu: str | datetime | None
    keterangan: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Survei:
    """One survey file, read and mapped; no arithmetic yet."""

    berkas: Path
    lembar: str | None
    unsur: tuple[KolomUnsur, ...]
    keterangan: tuple[str, ...]
    """Headers of the non-unsur columns, in file order (``Responden.keterangan``)."""
    kolom_keterangan: tuple[int, ...]
    kolom_waktu: int | None
    """Index into ``keterangan`` of the timestamp column, if there is one."""
    responden: tuple[Responden, ...]
    dikecualikan: tuple[Dikecualikan, ...]
    peringatan: tuple[Peringatan, ...]
    contoh: bool = False
    catatan: str | None = None
    """Text of the ``# contoh: …`` line (or the sheet's first cell)."""
    baris_judul: int = 1

    def lokasi(self, baris: int, kolom: int | None = None) -> Location:
        """``file:line:col`` for CSV, ``file.xlsx!Sheet!C12`` for a workbook."""
        return _lokasi(self.berkas, self.lembar, baris, kolom)

    def cari_keterangan(self, nama: str) -> int | None:
        """Index of the information column named ``nama`` (compared loosely)."""
        wanted = {norm_teks(nama), norm_judul(nama)}
        for i, header in enumerate(self.keterangan):
            if norm_teks(header) in wanted or norm_judul(header) in wanted:
                return i
        return None


def _lokasi(path: Path, lembar: str | None, baris: int, kolom: int | None = None) -> Location:
    if lembar is None:
        return Location(path, baris, kolom)
    from openpyxl.utils.cell import get_column_letter

    cell = f"{get_column_letter(kolom)}{baris}" if kolom else f"A{baris}"
    return Location(path, sheet=lembar, cell=cell)


def baca_survei(path: Path, referensi: ReferensiSurvei, *, lembar: str | None = None) -> Survei:
    """Read one export (``.csv`` or ``.xlsx``) into a :class:`Survei`."""
    bacaan.catat(path)  # the result cache checks every file a run reads
    suffix = path.suffix.casefold()
    if suffix in {".csv", ".tsv", ".txt"}:
        return _baca_csv(path, referensi)
    if suffix in {".xlsx", ".xlsm"}:
        return _baca_xlsx(path, referensi, lembar)
    raise DataError(
        f"jenis berkas '{path.suffix or path.name}' tidak didukung; pakai .csv atau .xlsx "
        "(unduh jawaban Google Forms sebagai CSV, atau simpan sebagai Excel Workbook)",
        Location(path),
        code="R401",
    )


# --- header mapping ----------------------------------------------------------


def cocokkan_judul(judul: str, referensi: ReferensiSurvei) -> Tujuan | tuple[str, ...] | None:
    """Where one header goes: an unsur code, ``keterangan``, several codes, or nothing."""
    full, bare = norm_teks(judul), norm_judul(judul)
    target = referensi.peta.get(full) or (referensi.peta.get(bare) if bare else None)
    if target is not None:
        return target
    code = _KODE.get(full)
    if code is not None:
        return code
    if bare in referensi.nama_keterangan or full in referensi.nama_keterangan:
        return KETERANGAN
    if not bare:
        return None
    padded = f" {bare} "
    hits = tuple(u.kode for u in referensi.unsur if any(f" {k} " in padded for k in u.kata_kunci))
    if len(hits) == 1:
        return hits[0]
    return hits or None


def _daftar_unsur(referensi: ReferensiSurvei) -> str:
    return "; ".join(f"{u.kode} {u.nama}" for u in referensi.unsur)


def _petakan(
    judul: Sequence[str],
    referensi: ReferensiSurvei,
    lokasi: Callable[[int], Location],
) -> tuple[list[KolomUnsur], list[int], list[Peringatan]]:
    """Split headers into the nine unsur columns and the information columns."""
    found: dict[str, list[int]] = {}
    unknown: list[int] = []
    info: list[int] = []
    warnings: list[Peringatan] = []
    for i, header in enumerate(judul):
        target = cocokkan_judul(header, referensi) if header.strip() else KETERANGAN
        if isinstance(target, tuple):
            names = ", ".join(f"{k} {referensi.per_kode[k].nama}" for k in target)
            raise DataError(
                f"judul kolom '{header}' cocok dengan lebih dari satu unsur ({names}); "
                "tetapkan di pemetaan survei.yaml",
                lokasi(i + 1),
                code="R409",
            )
        if target is None:
            unknown.append(i)
            info.append(i)
        elif target == KETERANGAN:
            info.append(i)
        else:
            found.setdefault(target, []).append(i)
            numbered = nomor_u(header)
            explicit = norm_teks(header) in referensi.peta
            if numbered is not None and numbered != target and not explicit:
                warnings.append(
                    Peringatan(
                        "R419",
                        f"judul '{header}' bernomor {numbered} tetapi namanya unsur {target} "
                        f"{referensi.per_kode[target].nama}; dipetakan ke {target}",
                        lokasi(i + 1),
                    )
                )
    for kode, columns in found.items():
        if len(columns) > 1:
            shown = " dan ".join(f"'{judul[c]}' (kolom {c + 1})" for c in columns)
            raise DataError(
                f"unsur {kode} {referensi.per_kode[kode].nama} muncul di lebih dari satu kolom: "
                f"{shown}; petakan yang bukan unsur sebagai 'keterangan' di survei.yaml",
                lokasi(columns[1] + 1),
                code="R408",
            )
    missing = [k for k in KODE_UNSUR if k not in found]
    if missing and unknown:
        first = unknown[0]
        others = "".join(f", '{judul[c]}'" for c in unknown[1:4])
        raise DataError(
            f"judul kolom '{judul[first]}'{others} tidak cocok dengan unsur mana pun, dan "
            f"berkas hanya memuat {len(found)} dari 9 unsur. Unsur yang diharapkan: "
            f"{_daftar_unsur(referensi)}. Ubah judulnya atau tambahkan pemetaan di survei.yaml",
            lokasi(first + 1),
            code="R406",
        )
    if missing:
        names = "; ".join(f"{k} {referensi.per_kode[k].nama}" for k in missing)
        raise DataError(
            f"berkas tidak memuat semua unsur; tidak ada: {names}",
            lokasi(1),
            code="R407",
        )
    mapped = [KolomUnsur(k, judul[found[k][0]], found[k][0] + 1) for k in KODE_UNSUR]
    return mapped, info, warnings


# --- cell scoring ------------------------------------------------------------


def _pengambil(index: list[int]) -> Callable[[Sequence[Nilai]], tuple[Nilai, ...]]:
    """A fast getter of several cells of a row, always returning a tuple."""
    if not index:
        return lambda cells: ()
    if len(index) == 1:
        only = index[0]
        return lambda cells: (cells[only],)
    return itemgetter(*index)


class _Pengumpul:
    """Turns rows into respondents, collecting cell errors up to :data:`MAKS_GALAT`."""

    def __init__(
        self,
        path: Path,
        lembar: str | None,
        referensi: ReferensiSurvei,
        unsur: list[KolomUnsur],
        info: list[int],
        waktu: int | None,
    ) -> None:
        self.path = path
        self.lembar = lembar
        self.referensi = referensi
        self.unsur = unsur
        self.index = [c.kolom - 1 for c in unsur]
        self.info = info
        self.waktu = waktu
        self.width = max([*self.index, *info, -1]) + 1
        self.isi: str | None = "" if lembar is None else None
        """What a short row is padded with: an empty CSV cell, or an empty workbook cell."""
        self.ambil_unsur = _pengambil(self.index)
        self.ambil_info = _pengambil(info)
        self.cache: list[dict[str, int]] = [{"": 0} for _ in unsur]
        self.lookups: list[Callable[[Any], int | None]] = [c.get for c in self.cache]
        self.errors: list[DataError] = []
        self.responden: list[Responden] = []
        self.dikecualikan: list[Dikecualikan] = []
        self.pertama: dict[tuple[Any, ...], int] = {}
        self.kembar: dict[tuple[Any, ...], list[int]] = {}

    def lokasi(self, baris: int, kolom: int | None = None) -> Location:
        return _lokasi(self.path, self.lembar, baris, kolom)

    def galat(self, error: DataError) -> None:
        if len(self.errors) < MAKS_GALAT:
            self.errors.append(error)

    def kumpulkan(self, rows: Iterable[tuple[int, Sequence[Nilai]]]) -> None:
        """Score every row; lookups are bound to locals because this runs once per response."""
        width, isi, csv_mode, waktu = self.width, self.isi, self.lembar is None, self.waktu
        ambil_unsur, ambil_info, lookups = self.ambil_unsur, self.ambil_info, self.lookups
        pertama, kembar, errors = self.pertama, self.kembar, self.errors
        keep = self.responden.append
        strip = str.strip
        for baris, row in rows:
            cells = row if len(row) >= width else [*row, *([isi] * (width - len(row)))]
            raws = ambil_unsur(cells)
            found = [get(raw) for get, raw in zip(lookups, raws)]  # noqa: B905 - same length
            if None in found:  # first sight of a wording, or a workbook number
                found = [
                    score if score is not None else self._skor(raw, j, baris)
                    for j, (score, raw) in enumerate(zip(found, raws, strict=True))
                ]
            values = ambil_info(cells)
            # every CSV cell is text; workbook cells are numbers, dates or text
            info = (
                tuple(map(strip, values))  # type: ignore[arg-type]
                if csv_mode
                else tuple([_teks_sel(v) for v in values])
            )
            stamp: str | datetime | None = None
            if waktu is not None:
                cell = values[waktu]
                stamp = cell if isinstance(cell, datetime) else (info[waktu] or None)
            nilai: tuple[int, ...] = tuple(found)  # type: ignore[arg-type]
            if not any(nilai):
                self.dikecualikan.append(
                    Dikecualikan(self.lokasi(baris), "kesembilan unsur tidak dijawab")
                )
                continue
            if stamp is not None:
                key = (stamp, nilai)
                first = pertama.setdefault(key, baris)
                if first != baris:
                    kembar.setdefault(key, [first]).append(baris)
            keep(Responden(baris, nilai, stamp, info))
            if len(errors) >= MAKS_GALAT:
                break

    def _skor(self, raw: Nilai, j: int, baris: int) -> int:
        """Score of a cell not in the cache yet; errors are recorded and count as blank."""
        if isinstance(raw, str):
            score = self._teks(raw, j, baris)
            if score >= 0:
                self.cache[j][raw] = score
        elif raw is None:
            score = 0
        else:
            score = self._bukan_teks(raw, j, baris)
        return max(score, 0)

    def _teks(self, raw: str, j: int, baris: int) -> int:
        text = raw.strip()
        if not text:
            return 0
        if _ANGKA.match(text):
            try:
                return self._angka(parse_number(text), raw, j, baris)
            except NumberFormatError as exc:
                self._skor_salah(f"'{raw}': {exc}", j, baris)
                return -1
        unsur = self.referensi.per_kode[self.unsur[j].kode]
        score = unsur.skor.get(norm_jawaban(text))
        if score is not None:
            return score
        self._jawaban_asing(text, j, baris)
        return -1

    def _bukan_teks(self, raw: Nilai, j: int, baris: int) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            self._skor_salah(f"'{raw}' bukan jawaban atau skor 1–4", j, baris)
            return -1
        return self._angka(float(raw), str(raw), j, baris)

    def _angka(self, value: float, raw: str, j: int, baris: int) -> int:
        if value.is_integer() and 1 <= value <= 4:
            return int(value)
        self._skor_salah(
            f"skor {raw.strip()} di luar 1–4 (harus bilangan bulat 1, 2, 3 atau 4)", j, baris
        )
        return -1

    def _skor_salah(self, message: str, j: int, baris: int) -> None:
        col = self.unsur[j]
        self.galat(
            DataError(
                message,
                self.lokasi(baris, col.kolom),
                field=f"{col.kode} {self.referensi.per_kode[col.kode].nama}",
                code="R411",
            )
        )

    def _jawaban_asing(self, text: str, j: int, baris: int) -> None:
        col = self.unsur[j]
        unsur = self.referensi.per_kode[col.kode]
        wordings = [*unsur.jawaban, *(v.teks for v in unsur.varian)]
        by_norm = {norm_jawaban(w): w for w in wordings}
        close = difflib.get_close_matches(norm_jawaban(text), list(by_norm), n=1, cutoff=0.6)
        hint = f"; maksud Anda: {by_norm[close[0]]}?" if close else ""
        broken = " (berisi baris baru: tanda kutip tidak ditutup?)" if "\n" in text else ""
        shown = text if len(text) <= 60 else text[:57] + "…"
        self.galat(
            DataError(
                f"jawaban '{shown}' tidak dikenal{broken}; jawaban yang diterima: "
                f"{', '.join(unsur.jawaban)}{hint}",
                self.lokasi(baris, col.kolom),
                field=f"{col.kode} {unsur.nama}",
                code="R410",
            )
        )

    def peringatan_kembar(self) -> list[Peringatan]:
        warnings = []
        what = "baris" if self.lembar is None else "baris lembar"
        for (stamp, _), rows in self.kembar.items():
            where = ", ".join(str(r) for r in rows[:10]) + (" …" if len(rows) > 10 else "")
            warnings.append(
                Peringatan(
                    "R416",
                    f"{len(rows)} responden dengan cap waktu {_teks_sel(stamp)} dan jawaban "
                    f"identik ({what} {where}); tetap dihitung — periksa kiriman ganda",
                    self.lokasi(rows[1]),
                )
            )
        return warnings


def _teks_sel(value: Nilai) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _survei(
    path: Path,
    lembar: str | None,
    referensi: ReferensiSurvei,
    judul: list[str],
    rows: Iterator[tuple[int, Sequence[Nilai]]],
    lokasi_judul: Callable[[int], Location],
    catatan: str | None,
    contoh: bool,
    baris_judul: int,
) -> Survei:
    unsur, info, warnings = _petakan(judul, referensi, lokasi_judul)
    info_headers = [judul[i].strip() or f"kolom {i + 1}" for i in info]
    waktu = _kolom_waktu(info_headers, referensi)
    collector = _Pengumpul(path, lembar, referensi, unsur, info, waktu)
    collector.kumpulkan(rows)
    if collector.errors:
        if len(collector.errors) == 1:
            raise collector.errors[0]
        raise DataErrors(collector.errors)
    if not collector.responden:
        reason = (
            f"semua {len(collector.dikecualikan)} responden tidak menjawab satu unsur pun"
            if collector.dikecualikan
            else "tidak ada baris jawaban di bawah judul kolom"
        )
        raise DataError(f"survei kosong: {reason}", lokasi_judul(1), code="R405")
    return Survei(
        berkas=path,
        lembar=lembar,
        unsur=tuple(unsur),
        keterangan=tuple(info_headers),
        kolom_keterangan=tuple(i + 1 for i in info),
        kolom_waktu=waktu,
        responden=tuple(collector.responden),
        dikecualikan=tuple(collector.dikecualikan),
        peringatan=tuple(warnings + collector.peringatan_kembar()),
        contoh=contoh,
        catatan=catatan,
        baris_judul=baris_judul,
    )


def _kolom_waktu(headers: list[str], referensi: ReferensiSurvei) -> int | None:
    names = {norm_judul(n) for n in referensi.kolom_waktu}
    for i, header in enumerate(headers):
        if norm_judul(header) in names:
            return i
    return None


# --- CSV ---------------------------------------------------------------------


def _baca_csv(path: Path, referensi: ReferensiSurvei) -> Survei:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError("berkas tidak ditemukan", Location(path), code="R401") from None
    except OSError as exc:
        raise DataError(
            f"berkas tidak dapat dibaca: {exc.strerror}", Location(path), code="R401"
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            f"berkas bukan UTF-8 (bita 0x{raw[exc.start]:02x}); di Excel simpan sebagai "
            "'CSV UTF-8 (Comma delimited)', atau unduh ulang dari Google Forms",
            Location(path, line),
            code="R402",
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DataError(
            "berkas berisi bita NUL; bukan CSV teks (berkas .xlsx yang diganti namanya?)",
            Location(path, line),
            code="R402",
        )
    comments, offset, body = _komentar_awal(text)
    catatan = next((m.group(1).strip() or c for c in comments if (m := _CONTOH.match(c))), None)
    contoh = any(_CONTOH.match(c) for c in comments)
    delimiter = _pemisah(body)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=True)
    records = _rekaman(path, reader, offset)
    header_line, judul = _judul(path, records, offset)

    def lokasi_judul(kolom: int) -> Location:
        return Location(path, header_line, kolom)

    rows = _baris_data(path, reader, offset, len(judul))
    return _survei(path, None, referensi, judul, rows, lokasi_judul, catatan, contoh, header_line)


def _komentar_awal(text: str) -> tuple[list[str], int, str]:
    """Leading ``# `` comment lines and blank lines, how many lines, and the rest."""
    comments: list[str] = []
    pos = 0
    skipped = 0
    while pos < len(text):
        end = text.find("\n", pos)
        stop = len(text) if end == -1 else end
        line = text[pos:stop].rstrip("\r")
        if line.strip() and not _KOMENTAR.match(line.lstrip()):
            break
        if line.strip():
            comments.append(line.strip())
        skipped += 1
        pos = len(text) if end == -1 else end + 1
    return comments, skipped, text[pos:]


def _pemisah(body: str) -> str:
    """``,`` ``;`` or tab, whichever appears most in the header outside quotes."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in body:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            if ch in counts:
                counts[ch] += 1
            elif ch in "\r\n":
                break
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else ","


def _rekaman(path: Path, reader: Any, offset: int) -> Iterator[tuple[int, list[str]]]:
    """Records with the physical line each starts on; quoting errors are located."""
    start = reader.line_num + 1 + offset
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1 + offset
            yield line, cells
    except csv.Error as exc:
        raise _galat_kutip(path, start, exc) from None


def _baris_data(
    path: Path, reader: Any, offset: int, width: int
) -> Iterator[tuple[int, list[str]]]:
    """Data records after the header: blank ones skipped, overlong ones refused."""
    start = reader.line_num + 1 + offset
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1 + offset
            if len(cells) > width:
                _cek_lebar(path, line, cells, width)
            if "".join(cells).strip():
                yield line, cells
    except csv.Error as exc:
        raise _galat_kutip(path, start, exc) from None


def _cek_lebar(path: Path, line: int, cells: list[str], width: int) -> None:
    extra = [i for i in range(width, len(cells)) if cells[i].strip()]
    if extra:
        raise DataError(
            f"baris berisi {width + len(extra)} sel, judul kolom hanya {width} "
            f"(sel ke-{extra[0] + 1}: '{cells[extra[0]].strip()[:40]}'); "
            "tanda kutip tidak ditutup, atau pemisah di dalam jawaban tanpa kutip?",
            Location(path, line, extra[0] + 1),
            code="R404",
        )


def _galat_kutip(path: Path, start: int, exc: csv.Error) -> DataError:
    reason = str(exc)
    if "field larger" in reason:
        limit = csv.field_size_limit() // 1024
        message = (
            f"sel mulai baris {start} lebih panjang dari {limit} KB: tanda kutip yang tidak "
            "ditutup, atau isi yang bukan jawaban survei (berkas salah atau rusak?)"
        )
    elif "unexpected end of data" in reason:
        message = f"tanda kutip yang dibuka di baris {start} tidak ditutup sampai akhir berkas"
    else:
        message = f"CSV rusak: {reason} (tanda kutip di tengah sel?)"
    return DataError(message, Location(path, start), code="R403")


def _judul(
    path: Path, records: Iterator[tuple[int, list[str]]], offset: int
) -> tuple[int, list[str]]:
    for line, cells in records:
        if any(c.strip() for c in cells):
            judul = [c.strip() for c in cells]
            while judul and not judul[-1]:
                judul.pop()
            return line, judul
    raise DataError(
        "survei kosong: tidak ada baris judul kolom", Location(path, offset + 1), code="R405"
    )


# --- xlsx --------------------------------------------------------------------


def _baca_xlsx(path: Path, referensi: ReferensiSurvei, lembar: str | None) -> Survei:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise DataError("berkas tidak ditemukan", Location(path), code="R401")
    try:
        with warnings.catch_warnings():
            # Google Sheets exports carry data-validation extensions openpyxl warns it drops
            warnings.simplefilter("ignore", UserWarning)
            workbook = load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DataError(
            f"berkas xlsx tidak dapat dibuka ({type(exc).__name__}); simpan ulang dari Excel "
            "atau Google Sheets sebagai .xlsx",
            Location(path),
            code="R401",
        ) from None
    try:
        if lembar is not None and lembar not in workbook.sheetnames:
            raise DataError(
                f"lembar '{lembar}' tidak ada; lembar yang ada: {', '.join(workbook.sheetnames)}",
                Location(path),
                code="R401",
            )
        sheet: Any = workbook[lembar] if lembar is not None else _lembar_pertama(path, workbook)
        with warnings.catch_warnings():  # rows are parsed lazily, warnings come late too
            warnings.simplefilter("ignore", UserWarning)
            if lembar is None:
                _satu_lembar_jawaban(path, workbook, sheet, referensi)
            return _baca_lembar(path, sheet, referensi)
    finally:
        workbook.close()


def _lembar_pertama(path: Path, workbook: Any) -> Any:
    """The first sheet a person sees on opening the file: hidden sheets (an old export
    kept out of sight) are never read unless named with ``--lembar``."""
    for sheet in workbook.worksheets:
        if getattr(sheet, "sheet_state", "visible") == "visible":
            return sheet
    raise DataError(
        "semua lembar tersembunyi; tampilkan (Unhide) lembar jawabannya",
        Location(path),
        code="R401",
    )


def _satu_lembar_jawaban(path: Path, workbook: Any, first: Any, referensi: ReferensiSurvei) -> None:
    """Refuse a workbook whose other visible sheets also hold the nine unsur (R424):
    a sheet per quarter, or "Form Responses 2" beside "Form Responses 1" after the
    form was linked again — reading the first alone silently drops the others."""
    for sheet in workbook.worksheets:
        if sheet is first or getattr(sheet, "sheet_state", "visible") != "visible":
            continue
        sheet.reset_dimensions()
        try:
            found = _cari_judul(_baris_lembar(path, sheet.title, sheet))
            if found is None:
                continue
            _petakan(found[1], referensi, lambda kolom: Location(path))
        except DataError:
            continue  # not a sheet of responses (a summary with formulas, a chart's data)
        raise DataError(
            f"buku kerja memuat lebih dari satu lembar jawaban survei ('{first.title}' dan "
            f"'{sheet.title}'); renja hanya membaca satu lembar: pindahkan lembar lain ke "
            "berkasnya sendiri, atau sembunyikan (Hide) lembar yang tidak dihitung",
            _lokasi(path, sheet.title, found[0]),
            code="R424",
        )


def _cari_judul(
    rows: Iterator[tuple[int, list[Nilai]]],
) -> tuple[int, list[str], str | None, bool] | None:
    """The header row (number, texts) after leading ``# `` comment rows, and the
    ``# contoh: …`` note among them; None for a sheet without one."""
    catatan: str | None = None
    contoh = False
    for number, values in rows:
        filled = [v for v in values if v not in (None, "")]
        if not filled:
            continue
        first = values[0] if values else None
        if len(filled) == 1 and isinstance(first, str) and _KOMENTAR.match(first.strip()):
            match = _CONTOH.match(first.strip())
            if match:
                contoh, catatan = True, match.group(1).strip() or first.strip()
            continue
        judul = [_teks_sel(v) for v in values]
        while judul and not judul[-1]:
            judul.pop()
        return number, judul, catatan, contoh
    return None


def _baca_lembar(path: Path, sheet: Any, referensi: ReferensiSurvei) -> Survei:
    title = sheet.title
    sheet.reset_dimensions()
    rows = _baris_lembar(path, title, sheet)
    found = _cari_judul(rows)
    if found is None:
        raise DataError(
            "survei kosong: tidak ada baris judul kolom", Location(path, sheet=title), code="R405"
        )
    header_row, judul, catatan, contoh = found

    def lokasi_judul(kolom: int) -> Location:
        return _lokasi(path, title, header_row, kolom)

    def data() -> Iterator[tuple[int, Sequence[Nilai]]]:
        for number, values in rows:
            if any(v not in (None, "") for v in values):
                yield number, values

    return _survei(path, title, referensi, judul, data(), lokasi_judul, catatan, contoh, header_row)


def _baris_lembar(path: Path, title: str, sheet: Any) -> Iterator[tuple[int, list[Nilai]]]:
    """Rows as (row number, values by column); formulas and Excel errors are refused."""
    for row in sheet.iter_rows():
        values: list[Nilai] = []
        number = 0
        for cell in row:
            column = getattr(cell, "column", None)
            if column is None:  # an EmptyCell padding the row
                continue
            number = cell.row
            value = cell.value
            if cell.data_type in ("f", "e"):
                kind = "rumus" if cell.data_type == "f" else "galat Excel"
                shown = str(value)[:40]
                raise DataError(
                    f"sel berisi {kind} '{shown}'; renja tidak menghitung rumus — "
                    "salin lalu tempel sebagai nilai (Paste Special → Values)",
                    _lokasi(path, title, cell.row, column),
                    code="R412",
                )
            while len(values) < column - 1:
                values.append(None)
            values.append(value if isinstance(value, Nilai) else str(value))
        if number:
            yield number, values
