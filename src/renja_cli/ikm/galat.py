"""Error and warning codes of the survey (IKM) reader, R401–R424.

The codes live in the one table of :data:`renja_cli.errors.KODE`; every
:class:`~renja_cli.errors.DataError` the package raises carries one of them.
"""

from __future__ import annotations

from renja_cli.errors import KODE

KODE_GALAT: dict[str, str] = {k: v for k, v in KODE.items() if k.startswith("R4")}
"""Meaning of each code, in Indonesian, as shown in the README's code table."""

PERINGATAN = frozenset({"R416", "R417", "R419", "R421"})
"""Codes that are only ever warnings (R407 is a warning when it skips a group)."""
