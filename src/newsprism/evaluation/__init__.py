"""Scorers against gold data, shared by bench/ scripts and the quality-gate tests."""
