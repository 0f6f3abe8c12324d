"""The quote stage's data: the cue lexicon and the speaker types, with a user's additions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import cues
from .speakers import SpeakerTypes, load_types


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    lexicon: cues.CueLexicon
    types: SpeakerTypes

    @classmethod
    def load(cls, cue_lexicon: Path | None = None, speaker_types: Path | None = None) -> QuoteSettings:
        return cls(cues.load(cue_lexicon), load_types(speaker_types))
