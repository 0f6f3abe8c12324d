"""Cross-article stages: near-duplicates (and, later, entities, quotes and claims)."""
