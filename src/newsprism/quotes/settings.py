"""The quote stage's data: the cue lexicon and the speaker types, with a user's additions."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.vocab import Vocab

from . import cues
from .speakers import SpeakerTypes, load_types
from .tagger import load_tagger


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    lexicon: cues.CueLexicon
    types: SpeakerTypes
    tagger: Language | None = field(default=None, compare=False)  # the attribution tagger, when used

    @classmethod
    def load(cls, cue_lexicon: Path | None = None, speaker_types: Path | None = None,
             tagger_vocab: Vocab | None = None, use_tagger: bool = False) -> QuoteSettings:
        """The lexicon and speaker types, with the user's rows; with `use_tagger`, the packaged
        attribution tagger too (over `tagger_vocab`, the parsing pipeline's, when it shares its vectors)."""
        return cls(cues.load(cue_lexicon), load_types(speaker_types), load_tagger(tagger_vocab) if use_tagger else None)
