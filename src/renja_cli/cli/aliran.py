"""Output that never fails on encoding (Windows consoles, cp1252 redirects, ASCII pipes).

Redirected output is written as UTF-8 unless ``PYTHONIOENCODING`` says
otherwise; whatever the encoding, a symbol it cannot hold is replaced by an
ASCII stand-in (``≥`` → ``>=``, ``—`` → ``-``, ``█`` → ``#``) rather than
ending the command with ``UnicodeEncodeError``.
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata
from typing import Any

PENGGANTI = {
    "—": "-",
    "–": "-",
    "−": "-",
    "≥": ">=",
    "≤": "<=",
    "≠": "!=",
    "×": "x",
    "±": "+/-",
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "↔": "<->",
    "▲": "^",
    "▼": "v",
    "█": "#",
    "▏": "|",
    "┃": "|",
    "·": ".",
    "•": "*",
    "…": "...",
    "⟨": "<",
    "⟩": ">",
    "‰": "o/oo",
    "Δ": "d",
    "✅": "[v]",
    "❌": "[x]",
    "⚠": "!",
    "✓": "v",
    "✗": "x",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "\u00a0": " ",
}
"""ASCII stand-ins for the symbols renja prints."""


def _pengganti(char: str) -> str:
    found = PENGGANTI.get(char)
    if found is not None:
        return found
    if unicodedata.name(char, "").startswith("BOX DRAWINGS"):
        return (
            "+"
            if "AND" in unicodedata.name(char)
            else "-"
            if "HORIZONTAL" in unicodedata.name(char)
            else "|"
        )
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return plain or "?"


def _tangani(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_pengganti(c) for c in bad), error.end


codecs.register_error("renja", _tangani)


def siapkan() -> None:
    """Make stdout and stderr safe before anything is printed."""
    explicit = bool(os.environ.get("PYTHONIOENCODING"))
    for stream in (sys.stdout, sys.stderr):
        siapkan_aliran(stream, explicit)


def siapkan_aliran(stream: Any, explicit: bool | None = None) -> None:
    """Make one stream safe: UTF-8 into files and pipes, stand-ins on a console."""
    if explicit is None:
        explicit = bool(os.environ.get("PYTHONIOENCODING"))
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        tty = stream.isatty()
    except (OSError, ValueError):
        tty = False
    try:
        if not tty and not explicit and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8", errors="renja")  # a file or pipe: full fidelity
        else:
            reconfigure(errors="renja")  # a console: what it can show
    except (OSError, ValueError, LookupError):
        pass
