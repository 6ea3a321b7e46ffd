"""Messages: pydantic errors as located Indonesian :class:`DataError` s, and
text from data shown so that invisible or look-alike characters are visible."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, TypeVar

from renja_cli.errors import DataError, DataErrors

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from renja_cli.io.yamlfile import Positions

    M = TypeVar("M", bound=BaseModel)
else:
    M = TypeVar("M")

_VISIBLE_SCRIPTS = ("LATIN", "DIGIT", "SPACE")


def _odd(char: str) -> bool:
    if char == " " or (char.isascii() and char.isprintable()):
        return False
    category = unicodedata.category(char)
    if category[0] in "CZ":  # controls, format (U+200B…), odd spaces, separators
        return True
    if category[0] == "L":
        return not unicodedata.name(char, "").startswith("LATIN")
    return False


def tampak(text: str) -> str:
    """``text`` with invisible and non-Latin look-alike characters spelled out.

    Two names that print the same but differ by a zero-width space or a
    Cyrillic ``а`` are otherwise impossible to tell apart in a message.
    """
    if text.isascii() and text.isprintable():
        return text
    return "".join(f"⟨U+{ord(c):04X}⟩" if _odd(c) else c for c in text)


_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def kunci_banding(text: str) -> str:
    """An identifier (a register ``nomor``, a kegiatan name) as compared for duplicates.

    ``REK-2025-01``, ``rek-2025-01``, ``REK‑2025‑01`` (non-breaking hyphens) and
    ``REK-2025-01`` followed by a zero-width space name one item: an export that
    writes the same item twice must not count it twice.
    """
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    text = "".join(c for c in text if not (_odd(c) and unicodedata.category(c)[0] in "CZ"))
    return " ".join(text.split()).casefold()


_CODE_KEY = re.compile(r"^[A-Z]{2,4}(\.[0-9]+)+$")
_RULE_TAG = re.compile(r"^\[(R\d{3})\] ")

# Stable rule codes for schema problems (errors.KODE).
_TYPE_CODES = {
    "missing": "R101",
    "extra_forbidden": "R102",
    "literal_error": "R104",
    "union_tag_invalid": "R104",
    "union_tag_not_found": "R101",
    "value_error": "R105",
    "assertion_error": "R105",
}


def describe_loc(data: Any, loc: tuple[str | int, ...]) -> str:
    """Name a location the way an analyst would: ``IKK.5 → target.pk``."""
    label: str | None = None
    fields: list[str] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            node = node[step]
            if isinstance(step, str) and _CODE_KEY.match(step):
                label, fields = step, []
            else:
                fields.append(str(step))
            if isinstance(node, dict) and isinstance(node.get("kode"), str):
                label, fields = node["kode"], []
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            if isinstance(node, dict) and isinstance(node.get("kode"), str):
                label, fields = node["kode"], []
            else:
                fields.append(f"[{step + 1}]")
        elif isinstance(step, str) and not step.startswith(("function-", "[")):
            # a key pydantic names that the file does not have (missing fields)
            if step not in {"float", "int", "str", "bool", "TargetSpec", "list[str]"}:
                fields.append(step)
            node = None
    parts = [p for p in (label, ".".join(f for f in fields if f).replace(".[", "[")) if p]
    return " → ".join(parts)


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "wajib diisi"
    if kind == "extra_forbidden":
        return "kunci tidak dikenal (salah ketik?)"
    if kind in {"float_type", "float_parsing", "int_from_float"} or kind.startswith("float"):
        if isinstance(value, str) and re.fullmatch(r"[+-]?[\d.]*\d,\d+", value.strip()):
            fixed = value.strip().replace(".", "").replace(",", ".")
            return f"harus berupa angka; tulis {fixed} (titik sebagai desimal), bukan '{value}'"
        hint = _text_number_hint(value) if isinstance(value, str) else ""
        return f"harus berupa angka, bukan {_show(value)}{hint}"
    if kind.startswith("int"):
        hint = ""
        if isinstance(value, float) and not value.is_integer():
            hint = (
                "; jumlah tidak dapat pecahan — bila titik dimaksudkan sebagai pemisah ribuan, "
                "tulis tanpa titik (mis. 12340)"
            )
        elif isinstance(value, float):
            hint = "; tulis tanpa titik (12.000 dibaca 12, bukan dua belas ribu)"
        elif isinstance(value, str):
            hint = _text_number_hint(value)
        return f"harus berupa bilangan bulat, bukan {_show(value)}{hint}"
    if kind == "string_type":
        hint = ""
        if isinstance(value, bool):
            hint = " (YAML membaca yes/no/on/off sebagai benar/salah; beri tanda kutip)"
        elif isinstance(value, int | float):
            hint = f' (beri tanda kutip agar tidak dibaca sebagai angka, mis. "{value}")'
        return f"harus berupa teks, bukan {_show(value)}{hint}"
    if kind == "string_pattern_mismatch":
        return f"format {_show(value)} tidak sesuai (pola {ctx.get('pattern')})"
    if kind == "string_too_short":
        return "tidak boleh kosong"
    if kind.startswith("bool"):
        return f"harus true atau false, bukan {_show(value)}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"{_show(value)} tidak dikenal; pilihan: {expected}"
    if kind == "union_tag_invalid":
        return f"jenis {_show(ctx.get('tag'))} tidak dikenal; pilihan: {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        return f"kunci '{ctx.get('discriminator', 'jenis').strip(chr(39))}' wajib diisi"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"harus berupa pemetaan (kunci: nilai), bukan {_show(value)}"
    if kind in {"list_type", "tuple_type"}:
        return f"harus berupa daftar (- butir), bukan {_show(value)}"
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        symbol = {
            "greater_than_equal": "≥",
            "greater_than": ">",
            "less_than_equal": "≤",
            "less_than": "<",
        }[kind]
        bound = next(iter(ctx.values()), "")
        return f"harus {symbol} {bound}, bukan {_show(value)}"
    if kind == "too_short":
        return "tidak boleh kosong"
    if kind in {"value_error", "assertion_error"}:
        msg = str(err.get("msg", ""))
        return re.sub(r"^(Value error|Assertion failed), ", "", msg)
    return str(err.get("msg", "tidak valid"))


def _text_number_hint(value: str) -> str:
    if re.fullmatch(r"[+-]?\d+(:\d+)+", value.strip()):
        return " (titik dua bukan bagian angka; YAML lama membacanya sebagai basis 60)"
    if re.fullmatch(r"[+-]?\d+(_\d+)+", value.strip()):
        return " (tulis tanpa garis bawah)"
    return ""


def _show(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "pemetaan"
    if isinstance(value, list):
        return "daftar"
    text = repr(tampak(value)) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _clean_loc(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    out: list[str | int] = []
    for step in loc:
        if isinstance(step, str) and ("[" in step or step.startswith("function")):
            continue
        if step in {"float", "int", "str", "bool", "TargetSpec"}:
            continue
        out.append(step)
    return tuple(out)


def errors_from(exc: ValidationError, data: Any, positions: Positions) -> list[DataError]:
    """Map each pydantic error to a located DataError, in file order."""
    result: list[DataError] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]))
        # a union reports every branch; keep one message per location
        if err["type"] in {"float_type", "model_type", "dict_type"} and loc in seen:
            continue
        seen.add(loc)
        location = positions.locate(loc)
        message = _message(dict(err))
        code = _TYPE_CODES.get(err["type"], "R103")
        tagged = _RULE_TAG.match(message)
        if tagged:  # model validators tag their rule: "[R210] kode ganda"
            code, message = tagged.group(1), message[tagged.end() :]
        result.append(
            DataError(message, location, field=describe_loc(data, loc) or None, code=code)
        )
    result.sort(key=lambda e: (e.location.line or 0) if e.location else 0)
    return result


def validate(model: type[M], data: Any, positions: Positions) -> M:
    """Validate ``data`` read from a file; raise every problem at once."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise DataError(
            f"isi berkas harus berupa pemetaan (kunci: nilai), bukan {_show(data)}",
            positions.locate(()),
            code="R004",
        )
    from renja_cli.cache_berkas import validator

    try:
        result: M = validator(model).validate_python(data)
    except ValidationError as exc:
        errors = errors_from(exc, data, positions)
        if len(errors) == 1:
            raise errors[0] from None
        raise DataErrors(list(errors)) from None
    return result
