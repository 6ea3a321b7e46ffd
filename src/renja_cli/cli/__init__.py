"""The command-line layer. :func:`main` is the console script's entry point: it
imports the app inside the guard, so Ctrl-C even during start-up ends with one
line and exit code 130, never a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from renja_cli.cli import aliran

        aliran.siapkan()
        from renja_cli.cli.kemajuan import pasang_bila_terminal

        pasang_bila_terminal()
        from renja_cli.cli.app import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("dibatalkan\n")
        sys.exit(130)
