"""Renderers: turn report objects into text. They format, never compute."""
