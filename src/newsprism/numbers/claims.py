"""Numeric claims: a quantity, what it counts, the kind of fact, where, when, and who says so.

`find_claims(text, sentences, times)` reads each sentence with its quantities and time
expressions. What is counted is the noun after the figure ("13 civilians", "2.5 million people");
the kind comes from the nearest cue ("killed", "displaced", "inhabitants"); displacement figures
carry the IDMC reporting term and unit (people vs households).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..model import Claim, Span, TimeExpr
from .glue import repair
from .quantities import Quantity, find_quantities

PEOPLE_NOUNS = (
    "people persons civilians residents inhabitants individuals citizens children kids women men girls boys babies "
    "infants refugees migrants asylum-seekers fighters militants rebels insurgents jihadists extremists terrorists "
    "soldiers troops servicemen personnel officers policemen police members workers employees patients students "
    "protesters demonstrators prisoners detainees hostages victims casualties deaths bodies dead wounded injured "
    "survivors passengers voters supporters staff doctors journalists Syrians Iraqis Afghans Palestinians Kurds "
    "Rohingya villagers farmers herders pastoralists fishermen miners tourists pilgrims worshippers inmates nationals "
    "locals displaced IDPs evacuees returnees families households"
).split()
HOUSEHOLD_NOUNS = {"families", "family", "households", "household", "homes", "houses", "dwellings", "shelters",
                   "housing", "buildings", "tents", "apartments", "flats", "home", "house"}
HOUSING_NOUNS = {"homes", "houses", "dwellings", "housing", "buildings", "apartments", "flats", "home", "house"}
MILITARY_NOUNS = {"jets", "aircraft", "planes", "warplanes", "tanks", "helicopters", "drones", "missiles", "rockets",
                  "warships", "ships", "vessels", "submarines", "bombers", "fighter", "artillery", "vehicles",
                  "armoured", "barrel", "airstrikes", "air", "strikes", "raids", "shells", "bombs", "mortars"}
MONEY_NOUNS = {"dollars", "euros", "pounds", "rubles", "roubles", "liras", "lira", "yuan", "yen", "rupees", "pesos"}
_OTHER_NOUNS = {"posts", "checkpoints", "villages", "towns", "hospitals", "schools", "trucks", "convoys", "sites", "camps",
                "districts", "provinces", "countries", "areas", "regions", "communities", "reports", "times"}

# cue -> (kind, IDMC reporting term)
_CUES: list[tuple[str, str, str | None]] = [
    (r"partially destroyed|partly destroyed|damaged|damaging|damage to", "displaced", "Partially Destroyed Housing"),
    (r"uninhabitable", "displaced", "Uninhabitable Housing"),
    (r"destroyed|destroying|destruction of|razed|flattened|collapsed|washed away|swept away|buried", "displaced", "Destroyed Housing"),
    (r"forc\w*\s+(?:\S+\s+){0,5}?(?:from|out\s+of)\s+(?:their\s+)?homes|forc\w*\s+(?:\S+\s+){0,5}?to (?:flee|leave)|fled|flee(?:ing)?|escaped|ran away|moved away", "displaced", "Forced to Flee"),
    (r"(?:evacuation|collective|emergency|temporary|transit) (?:centres?|centers?|shelters?|sites?)|staying with (?:host )?famil\w+|host famil\w+", "displaced", "Sheltered"),
    (r"evacuat\w*|rescued", "displaced", "Evacuated"),
    (r"relocat\w*|resettle\w*|migrat\w*|mov(?:e|ed|ing) (?:to|there)", "displaced", "Relocated"),
    (r"(?:relief|evacuation|displacement|IDP|temporary|refugee) (?:camps?|centres?|centers?|sites?)|in camps|camps", "displaced", "In Relief Camp"),
    ((r"shelter(?:ed|ing|s)|(?:in|took|take|taking|sought|seek|seeking|found|given|provided with) (?:an? |the )?(?:\w+ )?shelter"
      r"|sought refuge|taking refuge|took refuge|housed|staying (?:at|in)"), "displaced", "Sheltered"),  # not "do not have adequate shelter"
    (r"homeless|lost their homes|without (?:a )?homes?|without shelter", "displaced", "Homeless"),
    (r"refugees?|asylum", "refugees", "Refugees"),
    ((r"displac\w*|uprooted|driven (?:from|out)|left their homes|(?:had|have|has) left|"
      r"left (?:the (?:city|town|area|village|villages|country|region|camp)|(?:eastern |western |northern |southern )?(?-i:[A-Z])\w*)|"
      r"IDPs|returnees|returned|returning|crossed the border|arrived"), "displaced", "Displaced"),
    (r"killed|dead|died|deaths?|death toll|lost their lives|bodies|massacred|slain|killing|fatalities|executed", "killed", None),
    (r"injured|wounded|hurt|injuries|casualties", "injured", None),
    (r"arrest\w*|detain\w*|detention|rounded up|jailed|imprisoned|in custody|captured", "arrested", None),
    (r"kidnap\w*|abduct\w*|taken hostage|hostages", "kidnapped", None),
    (r"missing|disappeared|unaccounted", "missing", None),
    (r"inhabitants|residents|population|populated|live|living|home to", "population", None),
    (r"at risk|in need|need(?:s)? (?:aid|assistance)|affected|threatened|trapped|besieged|under siege", "affected", None),
]
# a space in a cue matches any run of white space ("lost\ntheir homes", "crossed  the  border")
_CUE_RE = [(re.compile(r"\b(?:" + p.replace(" ", r"\s+") + r")\b", re.IGNORECASE), kind, term) for p, kind, term in _CUES]

_SAY = r"(?:said|says|say|told|reported|reports|estimated|estimates|estimate|stated|announced|claimed|claims|warned|added|according)"
_NAME = r"(?:the\s+)?(?:[A-Z][\w'’.-]*|al-[\w'’-]+|of|for|on|and|de|the)(?:\s+(?:[A-Z][\w'’.-]*|al-[\w'’-]+|of|for|on|and|de|the|[A-Z]{2,}))*"
ATTRIBUTION_RES = [
    re.compile(r"\baccording\s+to\s+(?P<src>[^,;:]+?)(?=\s*(?:[,;:]|\.\s|\.?$)|\s+(?:which|who|that)\b)"),
    re.compile(rf"(?P<src>(?:the\s+)?(?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+|of|for|on|and|the|al-[\w'’-]+))*)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?{_SAY}\b"),
    re.compile(rf"\b{_SAY}\s+(?P<src>(?:the\s+)?[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|of|for|on|and|the|al-[\w'’-]+))*)"),
    re.compile(rf",\s+(?P<src>(?:an?|the)\s+(?:[\w'’-]+\s+){{0,4}}?(?:official|spokes(?:man|woman|person)|source|monitor|group|agency|ministry|observatory|army|military|activists?|residents?|witness(?:es)?|officials|sources|media|authorities|UN|report)s?)\s+(?:{_SAY})\b"),
]
_PLACE_RE = re.compile(r"\b(?:in|from|across|near|around|of|inside|outside|throughout|to)\s+(?P<place>(?:the\s+)?(?:[A-Z][\w'’-]+|al-[\w'’-]+)(?:[\s-]+(?:[A-Z][\w'’-]+|al-[\w'’-]+|a-[\w'’-]+|el-[\w'’-]+|an-[\w'’-]+))*)")
_NOT_PLACES = {"The", "A", "An", "He", "She", "They", "It", "We", "I", "This", "That", "Monday", "Tuesday", "Wednesday",
               "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
               "July", "August", "September", "October", "November", "December", "Reuters", "AP", "AFP"}
MEASURE_NOUNS = {"kilometres", "kilometers", "km", "miles", "metres", "meters", "square", "hectares", "acres", "tons",
                 "tonnes", "kg", "degrees", "mph", "percent", "years", "months", "weeks", "days", "hours", "minutes"}
_ADJECTIVE_NOUNS = {"displaced", "wounded", "injured", "dead"}
# a participle or adjective right after a figure counts people: "628,000 relocated", "leaving 483 homeless"
PARTICIPLE_NOUNS = {"displaced", "relocated", "evacuated", "homeless", "resettled", "killed", "wounded", "injured",
                    "dead", "missing", "stranded", "uprooted"}
_WEAK_KINDS = ("population", "affected")
DISPLACED_NOUNS = {"idps": "Displaced", "displaced": "Displaced", "refugees": "Refugees", "evacuees": "Evacuated",
                   "returnees": "Displaced", "asylum-seekers": "Refugees"}
_PERIOD_LEAD = re.compile(r"\b(?:the\s+(?:past|last|first)|since|during|within)\b", re.IGNORECASE)
_POPULATION_NOUNS = {"inhabitants", "residents", "people", "population", "civilians", "citizens"}
_ADJECTIVAL = re.compile(r"(?:ian|ish|ese|-\w+ed|['’]s)$")
_SMALL_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a", "an"}
_LABEL_BEFORE = re.compile(r"\b(?:magnitude|category|level|phase|number|No\.|resolution|article|page|chapter|"
                           r"section|flight|route|highway|road|grade|stage|version|class|code|room|Chapter|Article|"
                           r"Resolution|Level|Phase)\s+$", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")


# Places people stay in: a count of them is not a count of people, nor a rival figure for the cue.
FACILITY_NOUNS = {"camps", "camp", "centres", "centers", "sites", "schools", "buses", "settlements"}
# … and areas: "513,000 people in 14 districts were evacuated" — the districts are where, not who
AREA_NOUNS = {"villages", "towns", "districts", "provinces", "countries", "areas", "regions", "communities",
              "municipalities", "counties", "cities", "neighbourhoods", "neighborhoods"}
PLACE_NOUNS = FACILITY_NOUNS | AREA_NOUNS
# words that end the phrase a figure counts: a verb, a conjunction, a preposition ("approximately
# 1 000 rendered homeless across several villages" does not count villages)
_PHRASE_ENDS = frozenset("were was are is have had has who which and in on at to from across into near around throughout "
                         "within after before during over under by".split())
_FACILITY_BEFORE = re.compile(r"\b(?:temporary|emergency|collective|evacuation|transit|communal)\s+$", re.IGNORECASE)
# "the total number of returnees ... is now 253,000": the counted noun comes before the figure
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:[\w'’-]+\s+){0,3}(?P<noun>" + "|".join(sorted(set(PEOPLE_NOUNS) | HOUSEHOLD_NOUNS, key=len, reverse=True)) + r")\b[^.;]{0,120}?\b(?:is|was|are|were|be|stands?\s+at|stood\s+at|"
                        r"reached|rose\s+to|risen\s+to|increased\s+to|totall?(?:ed|s)?|now)\s+(?:\w+\s+)?$", re.IGNORECASE)
_CAMP = re.compile(r"\bcamps?\b", re.IGNORECASE)
_AGE = re.compile(r"[A-Z][\w'’-]+,\s*$")
_NOUNS = set(PEOPLE_NOUNS) | HOUSEHOLD_NOUNS | MILITARY_NOUNS | MONEY_NOUNS | _OTHER_NOUNS | PLACE_NOUNS


def _counted(text: str, q: Quantity, sent_end: int) -> tuple[str | None, int]:
    """(noun, end offset of the counted phrase) or (None, end of the figure)."""
    """The noun the figure counts: up to four words after it ("13 Syrian civilians", "700,000 more")."""
    after = text[q.end:min(sent_end, q.end + 80)]
    if _ORDINAL_AFTER.match(after):
        return None, q.end
    words = list(re.finditer(r"[\w'’-]+", after[:60]))
    for i, word in enumerate(words[:5]):
        w = word.group(0).lower().rstrip("'’")
        if "-" in w and w.replace("-", "") in _NOUNS:
            w = w.replace("-", "")  # a word broken across lines: "fami-lies"
        if i == 0 and w in PARTICIPLE_NOUNS and not (len(words) > 1 and words[1].group(0).lower() in _NOUNS):
            return w, q.end + word.end()  # "628,000 relocated": people
        if w in _NOUNS or word.group(0) in _NOUNS or w in MEASURE_NOUNS:
            following = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
            if w in _ADJECTIVE_NOUNS | PARTICIPLE_NOUNS and following in _NOUNS:
                return following, q.end + words[i + 1].end()  # "1,100 displaced families"
            return w, q.end + word.end()
        if w in _PHRASE_ENDS:
            break
    return None, q.end


def _nearest_cue(text: str, q: Quantity, sent: Span, phrase_end: int, lo: int, hi: int,
                 taken: Sequence[tuple[int, int]] = ()) -> tuple[str, str | None, int] | None:
    """The kind cue closest to the figure in its clause, after it preferred; a cue inside the counted
    phrase ("7,000 displaced families", "IDPs") only when the clause has no other. A cue beyond the
    neighbouring figures (`lo`, `hi`) or inside another figure's aside (`taken`) belongs to them.
    Returns (kind, term, where the cue starts)."""
    # a colon right before the figure labels it ("Number of displaced: 452"), it does not end a clause
    clause_start = max([sent.start] + [sent.start + m.end() for m in re.finditer(r";|:(?!\s*$)|,\s+(?:while|but|whereas)\b", text[sent.start:q.start])])
    best: tuple[float, str, str | None, int] | None = None
    for pattern, kind, term in _CUE_RE:
        for m in pattern.finditer(text, max(clause_start, lo), min(sent.end, hi)):
            if q.start <= m.start() < q.end or any(a <= m.start() < b for a, b in taken):
                continue
            if q.end <= m.start() < phrase_end:
                # inside the counted phrase ("IDPs", "deaths"): unless a verb follows closely; a
                # participle counted on its own is the cue ("518,000 displaced or relocated")
                gap = 0.0 if text[q.end:phrase_end].strip().lower() in PARTICIPLE_NOUNS else 30.0
            elif m.start() >= phrase_end:
                between = re.sub(r"\([^()]*\)", "", text[phrase_end:m.start()])  # skip "(5,500 people)"
                gap = len(between) + (40 if re.search(r"[,(]|\band\b", between) else 0)
            else:
                between = text[m.end():q.start]
                gap = len(between) * 1.6 + 5 + (40 if re.search(r"[,)]|\band\b", between) else 0)
            if kind in _WEAK_KINDS:
                gap += 80  # "living", "affected" lose to a displacement or casualty verb in the same clause
            if gap > 120:
                continue
            if best is None or gap < best[0]:
                best = (gap, kind, term, m.start())
    return best[1:] if best else None


_ASIDE_BEFORE = re.compile(r"(?:\bincluding\b[^,;()]*|,?\s+or\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|nearly\s+)?)$", re.IGNORECASE)


def _parenthetical(text: str, q: Quantity) -> bool:
    """An aside on the figure before: "(about 1,600 people)", "including 139 children",
    "2,400 families, or 12,000 people"."""
    before = text[max(0, q.start - 120):q.start]
    if "(" in before and ")" not in before[before.rindex("("):]:
        return True
    return bool(_ASIDE_BEFORE.search(text[max(0, q.start - 60):q.start]))


def _window(quantities: list[Quantity], q: Quantity, sent: Span, skipped: set[int],
            phrase_ends: dict[int, int]) -> tuple[int, int]:
    """Where q's cue may be: between the neighbouring figures, skipping the `skipped` ones (by start:
    figures in parentheses, "1,100 families (5,500 people) stayed in shelters", other asides, and
    counts of facilities, "195,000 Iraqis in 21 camps": the camps are where the people are) and the
    whole a share is of. The figure before keeps its counted phrase: "628,000 relocated and 9.96
    million people affected"."""
    others = [o for o in quantities if o is not q and o.start not in skipped]
    before = [o for o in others if o.end <= q.start and o.unit != "share"]
    after = [o for o in others if o.start >= q.end]
    if q.unit == "share" and after and after[0].start - q.end <= 25:
        after = after[1:]
    lo = min(max(before[-1].end, phrase_ends.get(before[-1].start, 0)), q.start) if before else sent.start
    return lo, (after[0].start if after else sent.end)


def _attribution(text: str, sent: Span) -> tuple[str, int, int] | None:
    sentence = text[sent.start:sent.end]
    for pattern in ATTRIBUTION_RES:
        for m in pattern.finditer(sentence):
            src = m.group("src").strip()
            first = src.split()[0] if src.split() else ""
            if first in ("It", "He", "She", "They", "We", "I", "This", "That", "There") or len(src) < 2:
                continue
            return src, sent.start + m.start("src"), sent.start + m.start("src") + len(src)
    return None


def _place(text: str, q: Quantity, sent: Span) -> str | None:
    best: tuple[int, str] | None = None
    for m in _PLACE_RE.finditer(text, sent.start, sent.end):
        place = m.group("place")
        words = place.split()
        if words[0] == "the":
            words = words[1:]
        if not words or words[0] in _NOT_PLACES or _ADJECTIVAL.search(words[-1]) and len(words) == 1:
            continue
        if re.search(r"(according|by|said|told)\s+\S+\s*$", text[max(sent.start, m.start() - 14):m.start() + 3]):
            continue
        gap = abs(m.start() - q.end)
        if best is None or gap < best[0]:
            best = (gap, " ".join(words))
    return best[1] if best else None


def _date_or_label(text: str, q: Quantity, sent: Span, sent_times: Sequence[TimeExpr]) -> bool:
    """A date or a time ("8 October", "2016"), not a count; or a label ("magnitude 6.2", "category
    four", "Resolution 2254"). Neither is a figure, nor bounds another figure's cue window."""
    if any(t.start < q.end and q.start < t.end and t.type != "DURATION" for t in sent_times):
        return True
    return bool(_LABEL_BEFORE.search(text[max(sent.start, q.start - 24):q.start]))


# a label and its figure, as in a table or an infographic: "Destroyed housing: 146",
# "Damaged houses/shelter 91,808 (…)" on a line of its own
_LABEL_COLON = re.compile(r"[^.:;]{3,60}:\s*$")
_LABEL_LINE = re.compile(r"[^.:;,]{3,60}?\s+")
_LINE_END = re.compile(r"[ \t]*(?:\(.*)?(?:\n|$)")


def _counted_phrases(text: str, quantities: list[Quantity], sent: Span) -> dict[int, tuple[str | None, int]]:
    """For each figure (by start) the noun it counts and where its counted phrase ends; a noun before
    the figure ("the number of returnees is now 253,000") or the one a partitive refers back to
    ("455,573 people (85,000 of which …)") or a coordinated one ("3 200 houses collapsed and 25 000
    damaged"); counts of temporary shelters are facilities."""
    phrases: dict[int, tuple[str | None, int]] = {}
    previous: str | None = None
    previous_end = sent.start
    for q in quantities:
        noun, end = _counted(text, q, sent.end)
        if noun is None:
            number_of = _NUMBER_OF.search(text[max(sent.start, q.start - 200):q.start])
            line_start = max(sent.start, text.rfind("\n", 0, q.start) + 1)
            label = _LABEL_COLON.search(text, line_start, q.start) or (
                _LABEL_LINE.fullmatch(text, line_start, q.start) if _LINE_END.match(text, q.end) else None)
            label_nouns = [w.lower() for w in re.findall(r"[\w-]+", label.group(0)) if w.lower() in _NOUNS] if label else []
            if label_nouns:
                noun = label_nouns[-1]  # "Destroyed housing: 146"
            elif number_of:
                noun = number_of.group("noun").lower()
            elif previous and re.match(r"\s+of\s+(?:which|whom|them|those)\b", text[q.end:q.end + 16]):
                noun = previous
            elif previous and re.fullmatch(r"[\w ]{0,30}?(?:,|\band|\bor)\s+", text[previous_end:q.start]):
                noun = previous  # "3 200 houses collapsed and 25 000 damaged": the same noun
        elif noun == "shelters" and _FACILITY_BEFORE.search(text[max(sent.start, end - 60):end - len("shelters")]):
            noun = "sites"  # "224 temporary shelters": places people stay in
        phrases[q.start] = (noun, end)
        previous, previous_end = noun, end
    return phrases


def _aside_extent(text: str, phrases: dict[int, tuple[str | None, int]], start: int, sent: Span) -> tuple[int, int]:
    """Where an aside figure's words are: its counted phrase, or to the end of its parenthesis
    ("(85,000 of which have been relocated)": the cue is the aside's)."""
    end = phrases[start][1]
    opened = text.rfind("(", max(sent.start, start - 120), start)
    if opened >= 0 and ")" not in text[opened:start]:
        close = text.find(")", end, sent.end)
        if close >= 0:
            end = max(end, close)
    return start, end


# the words of the cues above, for telling glued words apart ("weredisplaced", glue.py)
_CUE_WORDS = frozenset("displaced displacement displacements evacuated evacuation evacuations evacuees fled flee "
                       "fleeing relocated relocation resettled homeless destroyed damaged damage shelter sheltered "
                       "sheltering shelters refugees returnees returned uprooted killed injured wounded arrested "
                       "detained kidnapped abducted missing affected trapped besieged".split())


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _NOUNS | PARTICIPLE_NOUNS) | _CUE_WORDS


def find_claims(text: str, sentences: Sequence[Span], times: Sequence[TimeExpr]) -> list[Claim]:
    """The claims of `text`; words run together by a lost line break are read apart (glue.py)."""
    repaired = repair(text, lexicon_words())
    if repaired is None:
        return _find_claims(text, sentences, times)
    view = repaired.to_view
    claims = _find_claims(repaired.text, [Span(view(s.start), view(s.end, end=True)) for s in sentences],
                          [replace(t, start=view(t.start), end=view(t.end, end=True)) for t in times])
    back = repaired.to_source
    by_view = {(view(s.start), view(s.end, end=True)): s for s in sentences}
    return [replace(c, start=back(c.start), end=back(c.end), text=text[back(c.start):back(c.end)],
                    source_start=None if c.source_start is None else back(c.source_start),
                    source_end=None if c.source_end is None else back(c.source_end),
                    sentence=by_view[(c.sentence.start, c.sentence.end)])
            for c in claims]


def _find_claims(text: str, sentences: Sequence[Span], times: Sequence[TimeExpr]) -> list[Claim]:
    claims: list[Claim] = []
    for sent in sentences:
        sent_times = [t for t in times if sent.start <= t.start < sent.end]
        quantities = [q for q in find_quantities(text, sent.start, sent.end) if not _date_or_label(text, q, sent, sent_times)]
        if not quantities:
            continue
        attribution = None
        attribution_done = False
        phrases = _counted_phrases(text, quantities, sent)  # start -> (noun, end of its phrase)
        asides = {o.start for o in quantities if _parenthetical(text, o)}
        skipped = asides | {start for start, (noun, _) in phrases.items() if noun in PLACE_NOUNS}
        phrase_ends = {start: end for start, (_, end) in phrases.items()}
        for q in quantities:
            timex = next((t for t in sent_times if t.start < q.end and q.start < t.end), None)
            counted, phrase_end = phrases[q.start]
            if counted is None and q.text.lower().split()[-1] in _SMALL_WORDS:
                continue  # "one of the few", "two of Syria's roads": not a figure anyone reports
            base_of_share = any(p.unit == "share" and 0 <= q.start - p.end <= 25 for p in quantities)
            if counted is None and _AGE.search(text[max(sent.start, q.start - 40):q.start]) and text[q.end:q.end + 1] == ",":
                continue  # "Bana Alabed, 7, who …": an age
            lo, hi = _window(quantities, q, sent, skipped, phrase_ends)
            taken = [_aside_extent(text, phrases, start, sent) for start in asides if start != q.start]
            found = _nearest_cue(text, q, sent, phrase_end, lo, hi, taken) if counted not in PLACE_NOUNS else None
            cue = found[:2] if found else None
            if counted in DISPLACED_NOUNS and (cue is None or cue[0] not in ("displaced", "refugees", "killed", "injured")):
                term = DISPLACED_NOUNS[counted]
                cue = ("refugees" if term == "Refugees" else "displaced", term)
            if base_of_share and counted in _POPULATION_NOUNS and not (found and phrase_end <= found[2] <= phrase_end + 1):
                cue = ("population", None)  # "half the area's three million inhabitants": the whole, unless
                # a participle right after says what the whole is ("half of the 111,000 people displaced")
            kind, term = cue if cue else ("other", None)
            if term == "Sheltered" and _CAMP.search(text, max(lo, sent.start), min(hi, sent.end)):
                term = "In Relief Camp"  # "took shelter in six camps": IDMC counts the camp, the more specific place
            if timex is not None:
                kind, term = "duration", None
            elif q.unit == "percent":
                kind, term = (kind if cue else "percent"), term
            elif q.unit not in (None, "share") or counted in MONEY_NOUNS:
                kind, term = "money", None
            elif counted in MILITARY_NOUNS:
                kind, term = "military", None
            elif counted in MEASURE_NOUNS:
                kind, term = "measure", None
            if term in ("Destroyed Housing", "Partially Destroyed Housing", "Uninhabitable Housing") and counted not in HOUSING_NOUNS:
                if counted not in HOUSEHOLD_NOUNS:
                    term = "Displaced"  # "people whose homes were destroyed" counts the displaced, not the houses
            reporting_unit = None
            if kind in ("displaced", "refugees"):
                reporting_unit = "households" if counted in HOUSEHOLD_NOUNS else "people"
            if not attribution_done:
                attribution, attribution_done = _attribution(text, sent), True
            dated = next((t for t in sent_times if t.type in ("DATE", "TIME") and t.value and not t.value.endswith("_REF")), None)
            dated = dated or next((t for t in sent_times if t.type == "DURATION" and t.value and _PERIOD_LEAD.search(
                text[max(sent.start, t.start - 12):t.start + 9])), None)
            claims.append(Claim(
                q.start, q.end, q.text, q.value, q.low, q.high, q.qualifier, q.bound, q.unit, counted, kind, term,
                reporting_unit, _place(text, q, sent), dated.value if dated else None,
                attribution[0] if attribution else None, attribution[1] if attribution else None,
                attribution[2] if attribution else None, sent))
    return claims
