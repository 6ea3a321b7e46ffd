"""Console entry point: answer from the result cache before importing the CLI.

Only the standard library and :mod:`renja_cli.cache` are imported here; typer,
pydantic, rich and yaml are loaded only when the command really has to run.
"""

from __future__ import annotations

import sys

FLAG_TANPA_CACHE = "--tanpa-cache"


def buang_flag(argv: list[str]) -> tuple[list[str], bool]:
    """Remove ``--tanpa-cache`` (before any ``--``); the CLI itself does not know it."""
    end = argv.index("--") if "--" in argv else len(argv)
    kept = [a for a in argv[:end] if a != FLAG_TANPA_CACHE]
    return kept + argv[end:], len(kept) != end


def jalankan_cli() -> None:
    """The normal path: the full typer app (Ctrl-C during its import is one line, 130)."""
    from renja_cli.cli import main as cli_main

    cli_main()


def main() -> None:
    argv, tanpa_cache = buang_flag(sys.argv[1:])
    sys.argv[1:] = argv
    if tanpa_cache:
        jalankan_cli()
        return
    from renja_cli import cache

    cache.jalankan(argv, jalankan_cli)
