"""The framework's own words in Indonesian: help pages and usage errors.

typer's vendored click writes its strings in English with f-strings, so they
are translated here, after the fact: a help page line by line, a usage error
as a whole, into one clean Indonesian line without ``'/'`` artefacts or
pydantic's English.
"""

from __future__ import annotations

import re

# Patterns are kept as text and compiled by re on first use: a run that prints no
# help page and meets no usage error compiles none of them (start-up).

_BANTUAN = (
    ("Usage: ", "Pemakaian: "),
    ("Options:", "Opsi:"),
    ("Arguments:", "Argumen:"),
    ("Commands:", "Perintah:"),
    ("Show this message and exit.", "Tampilkan bantuan ini lalu keluar."),
    ("[default: ", "[bawaan: "),
    ("[required]", "[wajib]"),
    ("[env var: ", "[variabel: "),
    ("[OPTIONS]", "[OPSI]"),
    ("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]..."),
)
_BANTUAN_TERLIPAT = (
    ("Install completion for the current shell.", "Pasang pelengkapan Tab untuk shell ini."),
    (
        "Show completion for the current shell, to copy it or customize the installation.",
        "Tampilkan skrip pelengkapan Tab (untuk disalin atau disesuaikan).",
    ),
)
"""Phrases click may have wrapped over two lines."""


_TIPE_PYTHON = r" <(str|int|float|path|list\[Path\]|list\[str\])>"
"""Python type names typer prints after an argument's name (blanked, keeping columns)."""
_WAJIB = r"\{([A-Z][A-Z_.]*)\}"
"""typer writes a required argument as ``{KODE}`` in the usage line."""


def terjemah_bantuan(text: str) -> str:
    """A help page with click's English words in Indonesian."""
    for english, indonesian in _BANTUAN:
        text = text.replace(english, indonesian)
    text = re.sub(_TIPE_PYTHON, lambda m: " " * len(m.group(0)), text)
    text = re.sub(_WAJIB, r"\1", text)
    for english, indonesian in _BANTUAN_TERLIPAT:
        pattern = r"\s+".join(re.escape(word) for word in english.split())
        text = re.sub(pattern, indonesian, text)
    return text


def _opsi(hint: str) -> str:
    """``'--tahun' / '-t'`` → ``--tahun/-t``."""
    return "/".join(part.strip().strip("'\"") for part in hint.split(" / "))


_NILAI = (
    (r"Input should be a valid integer.*", "harus bilangan bulat"),
    (r"Input should be a valid (number|float).*", "harus angka"),
    (r"Input should be a valid boolean.*", "harus ya/tidak (true/false)"),
    (r"Input should be greater than or equal to (\S+).*", "harus ≥ {0}"),
    (r"Input should be less than or equal to (\S+).*", "harus ≤ {0}"),
    (
        r"(?:Value error, )?'(.*)' is not one of (.*?)\.?$",
        "'{0}' bukan pilihan; pilihan: {1}",
    ),
    (r"(?:Value error, )?(.*) is not a valid (.*?)\.?$", "{0} bukan {1} yang sah"),
    (r"Path '(.*)' does not exist\.?", "jalur '{0}' tidak ada"),
)

_GALAT = (
    (
        r"^No such option: (\S+)(?: \(Possible options: (.*)\))?$",
        "opsi tidak dikenal: {0}{1}",
    ),
    (r"^No such option: (\S+)\s+Did you mean (.*)\?$", "opsi tidak dikenal: {0}{1}"),
    (r"^Missing option '?([^']*)'?.*$", "opsi {0} wajib diisi"),
    (
        r"^No such command '(.*?)'\.?(?: Did you mean '?(.*?)'?\?)?$",
        "perintah '{0}' tidak dikenal{1}",
    ),
    (r"^Option '(.*)' requires an argument\.?$", "opsi {0} memerlukan nilai"),
    (r"^Option '(.*)' requires (\d+) arguments\.?$", "opsi {0} memerlukan {1} nilai"),
    (
        r"^Got unexpected extra (?:arguments?|argument\(s\)) \((.*)\)$",
        "argumen berlebih: {0}",
    ),
    (r"^Missing argument '(.*)'\.?$", "argumen {0} wajib diisi"),
    (r"^Missing command\.?$", "perintah belum diberikan"),
)


def terjemah_galat(message: str) -> str:
    """One usage error of click/typer as one Indonesian line."""
    text = " ".join(message.split())
    invalid = re.match(r"^Invalid value for (.+?): (.*)$", text)
    if invalid:
        hint, detail = _opsi(invalid.group(1)), invalid.group(2)
        for pattern, template in _NILAI:
            found = re.match(pattern, detail)
            if found:
                detail = template.format(*(g.replace("'", "") for g in found.groups()))
                break
        return f"nilai {hint} tidak valid: {detail}"
    for pattern, template in _GALAT:
        found = re.match(pattern, text)
        if found:
            groups = [g or "" for g in found.groups()]
            if template.endswith("{1}") and groups[1]:
                names = [n.strip(" '") for n in groups[1].split(",")]
                groups[1] = f"; maksud Anda: {' atau '.join(names)}?"
            return template.format(*groups)
    return text
