"""Allow ``python -m renja_cli``."""

from renja_cli.cli import main

main()
