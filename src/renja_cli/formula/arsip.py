"""``arsip_digital``: share of NIPs whose digital personnel archive reaches a category.

One row per NIP with one flag per document kind. The kinds and the category
rules are data, not code: an archive scheme in ``skala.yaml`` (``arsip:``;
for IKK.6 the seed's nine documents, *lengkap* = all of 1–9, *terisi* = all
of 1–4, otherwise *tersedia*). NIPs are normalised (spaces, Excel's
apostrophe, ``.0``) and checked as 18 digits; duplicates are found on the NIP
as an integer, which keeps memory small at national scale.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from renja_cli.cache_berkas import ingat
from renja_cli.errors import DataError, Location
from renja_cli.formula.hasil import BerkasDibaca, HasilPeriode, KonteksFormula, RincianArsip
from renja_cli.formula.umum import rekaman_dibaca, satu_berkas
from renja_cli.io.csvfile import BerkasCsv, buka_csv, bukan_utf8, nip, ya_tidak
from renja_cli.kemajuan import Pantauan
from renja_cli.model.dasar import BerkasPeriode, KodeBebas, Strict
from renja_cli.model.realisasi import EntriRealisasi
from renja_cli.model.referensi import SkemaArsip


class FormulaArsipDigital(Strict):
    """Share of NIPs whose digital personnel archive reaches a category."""

    jenis: Literal["arsip_digital"]
    berkas: BerkasPeriode = Field(description="CSV satu baris per NIP")
    skema: KodeBebas = Field(
        "dokumen_arsip",
        description="Skema di skala.yaml bagian 'arsip': jenis dokumen dan aturan kategori",
    )
    kategori_minimal: KodeBebas = Field(
        "terisi", description="Kategori skema yang dihitung (mis. terisi)"
    )
    lengkap_dihitung_terisi: bool = Field(
        True,
        description="Apakah NIP berkategori di atas kategori_minimal (lengkap) ikut dihitung "
        "'kategori terisi' (naskah sumber tidak menyatakannya)",
    )


def periksa_skema(ctx: KonteksFormula, formula: FormulaArsipDigital, used_in: Path | None) -> None:
    """The scheme exists and has the category the formula counts (R307)."""
    skema = ctx.referensi.arsip(formula.skema, used_in)
    if skema.peringkat(formula.kategori_minimal) is None:
        pilihan = ", ".join(k.kode for k in skema.kategori)
        raise DataError(
            f"kategori '{formula.kategori_minimal}' tidak ada di skema arsip {formula.skema} "
            f"(pilihan: {pilihan})",
            Location(used_in),
            code="R307",
        )


def hitung(
    ctx: KonteksFormula,
    kode: str,
    formula: FormulaArsipDigital,
    periode: str,
    entry: EntriRealisasi | None,
) -> HasilPeriode | None:
    def dari_berkas(found: Path) -> HasilPeriode:
        skema = ctx.referensi.arsip(formula.skema, found)
        # the record file alone decides it (one NIP per row; millions at national scale)
        return ingat(
            "arsip", (formula, skema, str(found)), lambda: hitung_berkas(formula, skema, found)
        )

    return satu_berkas(ctx, kode, periode, entry, "arsip_digital", formula.berkas, dari_berkas)


def kategori_arsip(dokumen: tuple[bool, ...], skema: SkemaArsip) -> str:
    """The category of one NIP from its document flags, by the scheme's rules."""
    return skema.golongkan(dokumen)


def hitung_berkas(formula: FormulaArsipDigital, skema: SkemaArsip, path: Path) -> HasilPeriode:
    kolom = tuple(d.kolom for d in skema.dokumen)
    csv_file = buka_csv(path)
    col_nip = csv_file.column("nip")
    cols = [csv_file.column(name) for name in kolom]
    assert col_nip is not None
    indices = [c for c in cols if c is not None]
    counts = {k.kode: 0 for k in skema.kategori}
    # rows repeat a handful of document patterns ("1", "0", ""): classify each pattern once
    category: dict[tuple[str, ...], str] = {}

    def kategori_dari(line: int, cells: list[str]) -> str:
        key = tuple(cells[i] for i in indices)
        found = category.get(key)
        if found is None:
            flags = tuple(
                ya_tidak(path, line, name, cell) for name, cell in zip(kolom, key, strict=True)
            )
            found = category[key] = skema.golongkan(flags)
        return found

    patterns = _pola_cepat(csv_file, path, kategori_dari) if col_nip == 0 else None
    if patterns is not None:
        for count, kategori in patterns.values():
            counts[kategori] += count
    else:
        seen: set[int] = set()  # NIPs as integers: a third of the memory of their strings
        for line, cells in csv_file.rows():
            _catat_nip(seen, path, line, cells[col_nip])
            counts[kategori_dari(line, cells)] += 1
    total = sum(counts.values())
    minimal = skema.peringkat(formula.kategori_minimal)
    if minimal is None:
        raise DataError(
            f"kategori '{formula.kategori_minimal}' tidak ada di skema arsip {formula.skema}",
            Location(path),
            code="R307",
        )
    kode = [k.kode for k in skema.kategori]
    counted = kode[: minimal + 1] if formula.lengkap_dihitung_terisi else [kode[minimal]]
    dihitung = sum(counts[k] for k in counted)
    rincian = RincianArsip(
        path,
        total,
        counts.get("tersedia", 0),
        counts.get("terisi", 0),
        counts.get("lengkap", 0),
        dihitung,
        formula.kategori_minimal,
        formula.lengkap_dihitung_terisi,
        tuple((k, counts[k]) for k in reversed(kode)),
    )
    if not total:
        return HasilPeriode(
            keterangan=("berkas tanpa NIP",), rincian=rincian, lokasi=Location(path)
        )
    return HasilPeriode(
        pembilang=dihitung,
        penyebut=total,
        penyebut_stok=True,
        rincian=rincian,
        lokasi=Location(path),
        dihitung=True,
    )


def _catat_nip(seen: set[int], path: Path, line: int, text: str) -> None:
    """Check one NIP and refuse a second occurrence (R311, R308)."""
    if len(text) == 18 and text.isdigit() and text.isascii():
        number = int(text)
    else:
        if not text.strip():
            raise DataError("kolom nip kosong", Location(path, line), code="R304")
        number = nip(path, line, text)
    before = len(seen)
    seen.add(number)
    if len(seen) == before:
        raise DataError(f"NIP {number} ganda", Location(path, line), code="R308")


def _pisah(rest: str, csv_file: BerkasCsv) -> list[str]:
    return rest.rstrip("\r\n").split(csv_file.delimiter)


def _pola_cepat(
    csv_file: BerkasCsv, path: Path, kategori_dari: Callable[[int, list[str]], str]
) -> dict[str, list[Any]] | None:
    """The rows of a NIP-first file without quotes, as pattern → [count, category].

    The pattern is the row after its NIP, kept as one string: at national scale
    (4,3 million PNS) splitting every row into cells costs more than the rest of
    the work. A file with any quote falls back to the CSV reader (None). The
    rules and their order are the CSV reader's: a new pattern's cells are fitted
    to the header (R310) and blank rows skipped, then the NIP is checked and
    kept once (R304, R311, R308), then the pattern's documents are classified.
    """
    if _ada_kutip(path):
        return None
    delim = csv_file.delimiter
    patterns: dict[str, list[Any]] = {}
    seen: set[int] = set()
    add = seen.add
    get = patterns.get
    line = 1
    try:
        with (
            path.open(encoding="utf-8-sig", newline="") as handle,
            Pantauan(path, handle) as pantau,
        ):
            handle.readline()
            # blocks of about a megabyte: one progress report each, no per-row test
            while block := handle.readlines(_BLOK):
                pantau.maju()
                for raw in block:
                    line += 1
                    text, _, rest = raw.partition(delim)
                    entry = get(rest)
                    cells = None
                    if entry is None:
                        cells = csv_file.sel_baris(
                            line, [text.rstrip("\r\n"), *_pisah(rest, csv_file)]
                        )
                        if not any(cells):
                            continue  # a blank row
                    if len(text) == 18 and text.isdigit() and text.isascii():
                        before = len(seen)
                        add(int(text))
                        if len(seen) == before:
                            raise DataError(
                                f"NIP {int(text)} ganda", Location(path, line), code="R308"
                            )
                    else:
                        nip_text = text.rstrip("\r\n")
                        if not rest and not nip_text:
                            continue  # an empty line: the CSV reader skips it too
                        _catat_nip(seen, path, line, nip_text)
                    if entry is None:
                        assert cells is not None
                        patterns[rest] = [1, kategori_dari(line, cells)]
                    else:
                        entry[0] += 1
    except UnicodeDecodeError:
        raise bukan_utf8(path) from None
    return patterns


_BLOK = 1 << 20
"""Bytes of lines read at a time by the fast path (progress is reported per block)."""


def _ada_kutip(path: Path) -> bool:
    """Whether a file holds a quote character anywhere (then the CSV reader decides)."""
    import mmap

    with path.open("rb") as handle:
        try:
            with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
                return view.find(b'"') != -1
        except ValueError:  # an empty file
            return False


def berkas(formula: FormulaArsipDigital) -> tuple[str, ...]:
    return (formula.berkas,)


def dibaca(formula: FormulaArsipDigital, folder: Path) -> BerkasDibaca:
    return BerkasDibaca(rekaman_dibaca(folder, berkas(formula)))


def uraian(formula: FormulaArsipDigital) -> str:
    return (
        f"NIP berkategori minimal {formula.kategori_minimal} / seluruh NIP × 100 "
        f"(lengkap dihitung terisi: {'ya' if formula.lengkap_dihitung_terisi else 'tidak'})"
    )
