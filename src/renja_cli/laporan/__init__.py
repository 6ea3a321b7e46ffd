"""Report builders: one per command, each returning the object its renderers show."""
