"""The one way renja makes a Rich console: text is printed as it is given."""

from __future__ import annotations

from typing import Any


def konsol(**opsi: Any) -> Any:
    """A Rich console without markup, emoji codes or highlighting.

    Names, values, file paths and messages come from the user's files. Rich's
    defaults would read them as markup: ``[catatan]`` vanished, ``:x:`` became an
    emoji and ``[/b]`` stopped the command with a traceback. Styles are set with
    ``Text`` objects, never with markup in strings.
    """
    from rich.console import Console

    return Console(markup=False, emoji=False, highlight=False, **opsi)
