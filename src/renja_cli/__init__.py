"""renja — capaian kinerja SAKIP dari berkas YAML.

The package is a pure core (models, loading, formulas, calculator, report
objects) with a thin CLI in :mod:`renja_cli.cli`. Nothing in the core prints.
"""

__version__ = "0.1.0"
