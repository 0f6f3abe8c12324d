"""newsprism: one story, every outlet, side by side."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import analyze  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = ["Settings", "analyze", "__version__"]
