"""Pydantic models of the files an office keeps.

The models mirror the YAML one to one (so a validation error's ``loc`` walks
straight back to a line of the file) and are strict: unknown keys, wrong
types and duplicate codes are errors, never silently coerced. Formula kinds
are declared beside their arithmetic in :mod:`renja_cli.formula`.
"""
