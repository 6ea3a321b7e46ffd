"""Allow ``python -m renja_cli``."""

from renja_cli.cli.app import main

main()
