"""Readers and cleaning: from files to RawDocument to Article."""
