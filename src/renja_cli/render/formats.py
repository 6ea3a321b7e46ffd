"""Output-format enums, kept apart so the CLI can import them cheaply."""

from __future__ import annotations

from enum import StrEnum


class FormatCapaian(StrEnum):
    """Output formats of ``renja capaian``."""

    tabel = "tabel"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    csv_excel = "csv-excel"
    """CSV for Excel with Indonesian settings (``;``, decimal comma, BOM, CRLF)."""


class FormatRincian(StrEnum):
    """Output formats of ``renja rincian``."""

    tabel = "tabel"
    json = "json"
    markdown = "markdown"


class FormatTren(StrEnum):
    """Output formats of ``renja tren``."""

    tabel = "tabel"
    json = "json"
    markdown = "markdown"


class FormatIkm(StrEnum):
    """Output formats of ``renja ikm``."""

    tabel = "tabel"
    json = "json"
    markdown = "markdown"
    csv = "csv"


class FormatValidasi(StrEnum):
    """Output formats of ``renja validasi``."""

    teks = "teks"
    json = "json"
    github = "github"
    markdown = "markdown"


class FormatRingkasan(StrEnum):
    """Terminal/stdout formats of ``renja ringkasan`` (files: by --keluaran suffix)."""

    tabel = "tabel"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    csv_excel = "csv-excel"
    """CSV for Excel with Indonesian settings (``;``, decimal comma, BOM, CRLF)."""


class CsvKeluaran(StrEnum):
    """Which CSV ``ringkasan --keluaran FILE.csv`` writes."""

    mesin = "mesin"
    excel = "excel"


class FormatDokumen(StrEnum):
    """Document formats of ``renja laporan`` (and ``ringkasan --keluaran .html/.docx``)."""

    docx = "docx"
    html = "html"
    markdown = "markdown"


class JenisLaporan(StrEnum):
    """Which document ``renja laporan`` writes."""

    evaluasi = "evaluasi"
    triwulan = "triwulan"


KELUARAN_RINGKASAN = {
    ".xlsx": "xlsx",
    ".md": "markdown",
    ".csv": "csv",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}

KELUARAN_LAPORAN = {
    ".docx": FormatDokumen.docx,
    ".html": FormatDokumen.html,
    ".htm": FormatDokumen.html,
    ".md": FormatDokumen.markdown,
}


class FormatPohon(StrEnum):
    """Output formats of ``renja pohon``."""

    tabel = "tabel"
    json = "json"
    markdown = "markdown"


class FormatBeda(StrEnum):
    """Output formats of ``renja beda``."""

    teks = "teks"
    json = "json"
    markdown = "markdown"
    github = "github"
