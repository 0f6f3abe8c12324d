"""The attribution tagger's weights (tools/attribution/package.py)."""
