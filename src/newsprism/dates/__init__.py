"""Time expressions and their normalisation."""
