"""Finding a data folder, reading its files, and the reference populations."""
