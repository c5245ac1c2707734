"""Scorers that compare figcheck's extraction with gold files, in the formats of the evaluation README
(``../shared/eval`` beside a clone)."""
