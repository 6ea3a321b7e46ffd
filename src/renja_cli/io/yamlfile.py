"""YAML loading that keeps line numbers and refuses what PyYAML lets slip.

PyYAML silently keeps the last of two duplicate keys (a lost target), expands
aliases without bound, drops positions and reads numbers by YAML 1.1 rules
(``012340`` is octal 5344, ``123:40`` is base 60 = 7420, ``1_000`` is 1000).
Here every value's position is kept in a :class:`Positions` map keyed by its
path, so a pydantic error ``loc`` can be turned back into ``file:line:col``,
and plain numbers follow YAML 1.2: decimal digits with an optional fraction
and exponent. A leading zero or an integer longer than 18 digits is an error
(R009) that says how to write the value; ``123:40`` and ``1_000`` stay text,
so a numeric field reports them. ``yes``/``no`` remain booleans (YAML 1.1), as
analysts' files expect.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from renja_cli.errors import DataError, Location
from renja_cli.io.berkas import baca_teks
from renja_cli.rekaman import dataclass, field

try:  # libyaml makes composing several times faster; pure Python is the fallback
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

PathKey = tuple[str | int, ...]
_ALIAS_MESSAGE = "alias YAML (*nama) tidak diizinkan; tulis nilainya langsung"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_STR_TAG = "tag:yaml.org,2002:str"
_INT12 = re.compile(r"^[-+]?([0-9]+)$")
_FLOAT12 = re.compile(r"^[-+]?(\.[0-9]+|([0-9]+)(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = re.compile(r"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$")
MAX_DIGITS = 18


@dataclass
class Positions:
    """Map from a value's path (keys and indices) to where it was written."""

    path: Path | None
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    """Where the key of a mapping entry was written; errors about a whole mapping
    or list value, or about the key itself, point here."""

    def locate(self, loc: Iterable[str | int]) -> Location:
        """Return the position of the deepest known prefix of ``loc``.

        Pydantic adds steps that are not in the file (union tags, ``[key]``);
        those are skipped rather than ending the walk.
        """
        best = self.marks.get((), (1, 1))
        current: PathKey = ()
        for step in loc:
            candidate = (*current, step)
            if candidate in self.marks:
                current = candidate
                best = self.marks[candidate]
        line, col = best
        return Location(self.path, line, col)

    def marks_for(self, prefix: PathKey) -> tuple[tuple[PathKey, tuple[int, int] | None], ...]:
        """Every mark ``locate`` can use for a path that begins with ``prefix``.

        A result that only asks for such paths (one indicator's entry) can be reused
        while these are unchanged, though lines elsewhere in the file moved."""
        found: list[tuple[PathKey, tuple[int, int] | None]] = [
            (prefix[:i], self.marks.get(prefix[:i])) for i in range(len(prefix))
        ]
        n = len(prefix)
        found += [(k, m) for k, m in self.marks.items() if k[:n] == prefix]
        return tuple(found)

    def locate_key(self, loc: Iterable[str | int]) -> Location:
        """Position of the key of ``loc`` (falls back to its value)."""
        key = tuple(loc)
        if key in self.key_marks:
            line, col = self.key_marks[key]
            return Location(self.path, line, col)
        return self.locate(key)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node tree into plain Python values, recording positions."""

    def __init__(self, path: Path | None) -> None:
        self.positions = Positions(path)
        self.constructor = yaml.constructor.SafeConstructor()
        self.seen: set[int] = set()
        self.path = path

    def error(self, node: yaml.Node, message: str, code: str) -> DataError:
        line, col = _mark(node)
        return DataError(message, Location(self.path, line, col), code=code)

    def build(self, node: yaml.Node, key: PathKey) -> Any:
        if id(node) in self.seen:
            raise self.error(node, _ALIAS_MESSAGE, "R003")
        self.seen.add(id(node))
        self.positions.marks[key] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            before: yaml.Node | None = None
            for key_node, value_node in node.value:
                if node.flow_style and before is not None:
                    self._koma_desimal(before, key_node, value_node)
                before = value_node
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.error(key_node, "kunci gabungan '<<' tidak diizinkan", "R003")
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.error(key_node, "kunci harus berupa teks sederhana", "R004")
                k = self.scalar(key_node)
                if not isinstance(k, str | int) or isinstance(k, bool):
                    k = str(key_node.value)
                if k in result or k in first_line:
                    raise self.error(
                        key_node,
                        f"kunci '{k}' ganda (pertama di baris {first_line[k]}); "
                        "YAML biasa diam-diam memakai yang terakhir",
                        "R002",
                    )
                first_line[k] = _mark(key_node)[0]
                if id(value_node) in self.seen:
                    raise self.error(key_node, _ALIAS_MESSAGE, "R003")
                child = (*key, k)
                result[k] = self.build(value_node, child)
                self.positions.key_marks[child] = _mark(key_node)
                # a whole mapping or list is best shown by its key's line
                container = isinstance(value_node, yaml.MappingNode | yaml.SequenceNode)
                self.positions.marks[child] = _mark(key_node if container else value_node)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                if id(item) in self.seen:
                    raise self.error(node, _ALIAS_MESSAGE, "R003")
                items.append(self.build(item, (*key, index)))
            return items
        return self.scalar(node)

    def _koma_desimal(self, before: yaml.Node, key: yaml.Node, value: yaml.Node) -> None:
        """``{nilai: 99,12}`` is YAML for ``nilai: 99`` plus an empty key ``12``: a
        decimal comma, said as such rather than as a strange key."""
        if not (
            isinstance(before, yaml.ScalarNode)
            and isinstance(key, yaml.ScalarNode)
            and isinstance(value, yaml.ScalarNode)
            and not before.style
            and not key.style
            and value.value == ""
            and _INT12.match(str(before.value))
            and str(key.value).isdigit()
            and before.end_mark.line == key.start_mark.line
        ):
            return
        text = f"{before.value},{key.value}"
        raise self.error(
            before,
            f"'{text}' dibaca YAML sebagai dua hal ({before.value} dan kunci {key.value}): "
            f"koma desimal? tulis {before.value}.{key.value} (titik sebagai desimal)",
            "R009",
        )

    def scalar(self, node: yaml.Node) -> Any:
        if (
            isinstance(node, yaml.ScalarNode)
            and not node.style
            and node.tag in (_INT_TAG, _FLOAT_TAG, _STR_TAG)
        ):
            return self.number(node)
        try:
            return self.constructor.construct_object(node, deep=True)
        except ValueError:  # a date-shaped scalar that is no date: 2025-13-01
            raise self.error(
                node,
                f"tanggal '{node.value}' tidak ada di kalender; tulis TTTT-BB-HH (mis. 2025-02-20)",
                "R103",
            ) from None

    def number(self, node: yaml.ScalarNode) -> Any:
        """A plain scalar read as YAML 1.2 reads numbers (text otherwise)."""
        text = str(node.value)
        if _SPECIAL_FLOAT.match(text):
            raise self.error(node, f"angka '{text}' (NaN/tak hingga) tidak diizinkan", "R005")
        whole = _INT12.match(text)
        real = None if whole else _FLOAT12.match(text)
        digits = whole.group(1) if whole else (real.group(2) if real else None)
        if whole is None and real is None:
            return text  # '123:40', '1_000', '0x1F' are text in YAML 1.2
        if digits is not None and len(digits) > 1 and digits.startswith("0"):
            fixed = text.replace(digits, digits.lstrip("0") or "0", 1)
            raise self.error(
                node,
                f"angka '{text}' diawali nol (YAML lama membacanya sebagai oktal); "
                f"tulis {fixed}, atau beri tanda kutip bila ini kode/teks",
                "R009",
            )
        if whole is not None:
            if len(whole.group(1)) > MAX_DIGITS:
                raise self.error(
                    node,
                    f"angka {len(whole.group(1))} digit terlalu panjang (maksimal {MAX_DIGITS}); "
                    "beri tanda kutip bila ini kode/teks",
                    "R009",
                )
            return int(text)
        value = float(text)
        if math.isinf(value):
            raise self.error(node, f"angka '{text}' terlalu besar", "R009")
        return value


_YAML_PROBLEMS = (
    (
        "mapping values are not allowed here",
        "titik dua tidak diharapkan di sini (beri tanda kutip pada teks yang memuat ': ')",
    ),
    ("could not find expected ':'", "tanda ':' tidak ditemukan (indentasi atau kutip?)"),
    ("expected ',' or '}'", "kurung kurawal '{' belum ditutup atau koma hilang"),
    ("expected ',' or ']'", "kurung siku '[' belum ditutup atau koma hilang"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip ditutup"),
    ("expected <block end>", "indentasi tidak konsisten"),
    ("found undefined alias", "alias YAML (*nama) tidak diizinkan"),
)


def _terjemah(problem: str) -> str:
    for english, indonesian in _YAML_PROBLEMS:
        if english in problem:
            return indonesian
    return problem or "sintaks tidak valid"


def loads(text: str, path: Path | None = None) -> tuple[Any, Positions]:
    """Parse one YAML document, returning its value and the positions map."""
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            indent = line[: len(line) - len(line.lstrip())]
            if "\t" in indent:
                raise DataError(
                    "tab dipakai untuk indentasi; YAML hanya menerima spasi",
                    Location(path, number, indent.index("\t") + 1),
                    code="R006",
                )
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line_no = mark.line + 1 if mark is not None else None
        col_no = mark.column + 1 if mark is not None else None
        problem = _terjemah(exc.problem or exc.context or "")
        if exc.context_mark is not None and mark is not None and exc.context_mark.line != mark.line:
            problem += f" (bagian yang dimulai di baris {exc.context_mark.line + 1})"
        raise DataError(
            f"YAML tidak valid: {problem}", Location(path, line_no, col_no), code="R001"
        ) from None
    except yaml.YAMLError as exc:
        raise DataError(f"YAML tidak valid: {exc}", Location(path), code="R001") from None
    if node is None:
        raise DataError("berkas kosong", Location(path, 1, 1), code="R007")
    builder = _Builder(path)
    value = builder.build(node, ())
    return value, builder.positions


def load_file(path: Path) -> tuple[Any, Positions]:
    """Read and parse one YAML file."""
    return loads(baca_teks(path), path)
