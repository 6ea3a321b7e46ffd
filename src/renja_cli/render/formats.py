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


KELUARAN_RINGKASAN = {".xlsx": "xlsx", ".md": "markdown", ".csv": "csv", ".json": "json"}


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
