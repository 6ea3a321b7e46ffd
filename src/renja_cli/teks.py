"""Data text inside the Markdown renja writes: one escaping rule for every output.

Names, notes, messages and paths come from the user's files. In Markdown a ``|``
starts a new table column (the figures after it land under the wrong headings),
a line break ends a table row or a list item, and ``*``, ``_``, ``[``, ``<``
change what a reader sees. Every Markdown output (``--format markdown``, the
documents of ``laporan``, the CI summary) passes data text through
:func:`escape_md`.
"""

from __future__ import annotations

import re

_SPASI = re.compile(r"[ \t\r\n\f\v]+")
_KHUSUS = re.compile(r"([\\`*_\[\]<>|~^$@&{}#])")
_BACKTICKS = re.compile(r"`+")


def rapikan(teks: str) -> str:
    """Collapse line breaks and runs of spaces: one paragraph is one line everywhere.

    Non-breaking spaces are kept (they hold ``Rp`` to its amount).
    """
    return _SPASI.sub(" ", teks)


def escape_md(teks: str) -> str:
    """One line, every character that is markup somewhere in (pandoc) Markdown
    backslashed, so the text reads as written in any Markdown viewer."""
    return _KHUSUS.sub(r"\\\1", rapikan(teks))


def kode_md(teks: str) -> str:
    """A file path or code as a code span inside a Markdown table cell.

    The fence is longer than any run of backticks in the text, and ``|`` is
    backslashed: GitHub's tables split a row on it even inside a code span.
    """
    teks = rapikan(teks).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(teks)), default=0) + 1)
    pad = " " if teks.startswith("`") or teks.endswith("`") else ""
    return f"{fence}{pad}{teks}{pad}{fence}"
