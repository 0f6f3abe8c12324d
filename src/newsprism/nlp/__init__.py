"""Language pipeline loading and per-article annotation stages."""
