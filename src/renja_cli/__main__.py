"""Allow ``python -m renja_cli``."""

from renja_cli.masuk import main

main()
