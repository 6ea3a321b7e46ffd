"""Reading and writing files: YAML and CSV with positions, messages, atomic writes."""
