"""Scorers that compare figcheck's extraction with gold files (``/work/shared/eval`` formats)."""
