"""Which language a text is in: scripts first, then the share of each language's function words."""
from __future__ import annotations

import re
import unicodedata

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in a is that for it on was with as he be by at are this from have has not but his they an or were their had been its which who will would said more",
        "fr": "le la les de des du et à un une est que qui dans pour pas sur au aux par il elle ne se ce sont avec plus été son sa ses ont",
        "de": "der die das und ist nicht den dem ein eine zu von mit sich des auf für im auch es wird sie wurde bei aus nach hat sind",
        "es": "el la los las de del y que en un una es por con para se no al lo su sus como más pero fue ha son está",
        "it": "il lo la gli le di del della e che in un una è per non con si da al alla sono anche come più ha",
        "pt": "o a os as de do da dos das e que em um uma é para com não no na se por mais ao foi são como",
        "nl": "de het een en van is dat in op te zijn voor met niet die er aan ook als bij door maar om",
    }.items()
}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def script_of(text: str) -> str:
    """The dominant script of the letters in `text` ("Latin", "Arabic", "Cyrillic", ...)."""
    counts: dict[str, int] = {}
    for ch in text[:20000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "none"


def detect(text: str) -> tuple[str, float]:
    """(language code or 'und', score): the share of words that are that language's function words."""
    script = script_of(text)
    if script not in ("LATIN", "none"):
        return f"und-{script.title()}", 0.0
    words = [w.lower() for w in WORD.findall(text[:50000])]
    if len(words) < 5:
        return "und", 0.0
    scores = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in FUNCTION_WORDS.items()}
    best = max(scores, key=scores.__getitem__)
    return best, scores[best]
