"""Persistence: the SQLite store."""
from .sqlite import SCHEMA_VERSION, StoreReader, StoreWriter

__all__ = ["SCHEMA_VERSION", "StoreReader", "StoreWriter"]
