"""Numeric claims: a quantity, what it counts, the kind of fact, where, when, and who says so.

`find_claims(text, sentences, times)` reads each sentence with its quantities and time
expressions. What is counted is the noun after the figure ("13 civilians", "2.5 million people");
the kind comes from the nearest cue ("killed", "displaced", "inhabitants"); displacement figures
carry the IDMC reporting term and unit (people vs households).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim, Span, TimeExpr
from .quantities import Quantity, find_quantities

PEOPLE_NOUNS = (
    "people persons civilians residents inhabitants individuals citizens children kids women men girls boys babies "
    "infants refugees migrants asylum-seekers fighters militants rebels insurgents jihadists extremists terrorists "
    "soldiers troops servicemen personnel officers policemen police members workers employees patients students "
    "protesters demonstrators prisoners detainees hostages victims casualties deaths bodies dead wounded injured "
    "survivors passengers voters supporters staff doctors journalists Syrians Iraqis Afghans Palestinians Kurds "
    "Rohingya displaced IDPs evacuees families households"
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
    (r"partially destroyed|partly destroyed|damaged", "displaced", "Partially Destroyed Housing"),
    (r"uninhabitable", "displaced", "Uninhabitable Housing"),
    (r"destroyed|razed|flattened|collapsed|washed away|swept away", "displaced", "Destroyed Housing"),
    (r"forc\w*\s+(?:\S+\s+){0,5}?(?:from|out\s+of)\s+(?:their\s+)?homes|forced to (?:flee|leave)|fled|flee(?:ing)?|escaped|ran away", "displaced", "Forced to Flee"),
    (r"(?:evacuation|collective|emergency|temporary|transit) (?:centres?|centers?|shelters?|sites?)|staying with (?:host )?famil\w+|host famil\w+", "displaced", "Sheltered"),
    (r"evacuat\w*|rescued", "displaced", "Evacuated"),
    (r"relocat\w*|resettled|moved to", "displaced", "Relocated"),
    (r"(?:relief|evacuation|displacement|IDP|temporary|refugee) (?:camps?|centres?|centers?|sites?)|in camps|camps", "displaced", "In Relief Camp"),
    (r"shelter(?:ed|ing|s)?|sought refuge|taking refuge|took refuge|housed", "displaced", "Sheltered"),
    (r"homeless|lost their homes|without (?:a )?homes?|without shelter", "displaced", "Homeless"),
    (r"refugees?|asylum", "refugees", "Refugees"),
    (r"displac\w*|uprooted|driven (?:from|out)|left their homes|IDPs|returnees|returned|returning|crossed the border|arrived", "displaced", "Displaced"),
    (r"killed|dead|died|deaths?|death toll|lost their lives|bodies|massacred|slain|killing|fatalities|executed", "killed", None),
    (r"injured|wounded|hurt|injuries|casualties", "injured", None),
    (r"arrest\w*|detain\w*|detention|rounded up|jailed|imprisoned|in custody|captured", "arrested", None),
    (r"kidnap\w*|abduct\w*|taken hostage|hostages", "kidnapped", None),
    (r"missing|disappeared|unaccounted", "missing", None),
    (r"inhabitants|residents|population|populated|live|living|home to", "population", None),
    (r"at risk|in need|need(?:s)? (?:aid|assistance)|affected|threatened|trapped|besieged|under siege", "affected", None),
]
_CUE_RE = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), kind, term) for p, kind, term in _CUES]

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
_CAMP = re.compile(r"\bcamps?\b", re.IGNORECASE)
_AGE = re.compile(r"[A-Z][\w'’-]+,\s*$")
_NOUNS = set(PEOPLE_NOUNS) | HOUSEHOLD_NOUNS | MILITARY_NOUNS | MONEY_NOUNS | _OTHER_NOUNS | FACILITY_NOUNS


def _counted(text: str, q: Quantity, sent_end: int) -> tuple[str | None, int]:
    """(noun, end offset of the counted phrase) or (None, end of the figure)."""
    """The noun the figure counts: up to four words after it ("13 Syrian civilians", "700,000 more")."""
    after = text[q.end:min(sent_end, q.end + 80)]
    if _ORDINAL_AFTER.match(after):
        return None, q.end
    words = list(re.finditer(r"[\w'’-]+", after[:60]))
    for i, word in enumerate(words[:5]):
        w = word.group(0).lower().rstrip("'’")
        if w in _NOUNS or word.group(0) in _NOUNS or w in MEASURE_NOUNS:
            following = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
            if w in _ADJECTIVE_NOUNS and following in _NOUNS:
                return following, q.end + words[i + 1].end()  # "1,100 displaced families"
            return w, q.end + word.end()
        if w in ("were", "was", "are", "is", "have", "had", "has", "who", "which", "and", "in", "on", "at", "to", "from"):
            break
    return None, q.end


def _nearest_cue(text: str, q: Quantity, sent: Span, phrase_end: int, lo: int, hi: int,
                 taken: Sequence[tuple[int, int]] = ()) -> tuple[str, str | None] | None:
    """The kind cue closest to the figure in its clause, after it preferred; a cue inside the counted
    phrase ("7,000 displaced families", "IDPs") only when the clause has no other. A cue beyond the
    neighbouring figures (`lo`, `hi`) or inside another figure's counted phrase (`taken`) belongs to them."""
    clause_start = max([sent.start] + [sent.start + m.end() for m in re.finditer(r"[;:]|,\s+(?:while|but|whereas)\b", text[sent.start:q.start])])
    best: tuple[int, str, str | None] | None = None
    for pattern, kind, term in _CUE_RE:
        for m in pattern.finditer(text, max(clause_start, lo), min(sent.end, hi)):
            if q.start <= m.start() < q.end or any(a <= m.start() < b for a, b in taken):
                continue
            if q.end <= m.start() < phrase_end:
                gap = 30.0  # inside the counted phrase ("IDPs", "deaths"): unless a verb follows closely
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
                best = (gap, kind, term)
    return (best[1], best[2]) if best else None


_ASIDE_BEFORE = re.compile(r"(?:\bincluding\b[^,;()]*|,?\s+or\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|nearly\s+)?)$", re.IGNORECASE)


def _parenthetical(text: str, q: Quantity) -> bool:
    """An aside on the figure before: "(about 1,600 people)", "including 139 children",
    "2,400 families, or 12,000 people"."""
    before = text[max(0, q.start - 120):q.start]
    if "(" in before and ")" not in before[before.rindex("("):]:
        return True
    return bool(_ASIDE_BEFORE.search(text[max(0, q.start - 60):q.start]))


def _window(quantities: list[Quantity], q: Quantity, sent: Span, skipped: set[int]) -> tuple[int, int]:
    """Where q's cue may be: between the neighbouring figures, skipping the `skipped` ones (by start:
    figures in parentheses, "1,100 families (5,500 people) stayed in shelters", other asides, and
    counts of facilities, "195,000 Iraqis in 21 camps": the camps are where the people are) and the
    whole a share is of."""
    others = [o for o in quantities if o is not q and o.start not in skipped]
    before = [o for o in others if o.end <= q.start and o.unit != "share"]
    after = [o for o in others if o.start >= q.end]
    if q.unit == "share" and after and after[0].start - q.end <= 25:
        after = after[1:]
    return (before[-1].end if before else sent.start), (after[0].start if after else sent.end)


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


def find_claims(text: str, sentences: tuple[Span, ...] | list[Span], times: list[TimeExpr]) -> list[Claim]:
    claims: list[Claim] = []
    for sent in sentences:
        quantities = find_quantities(text, sent.start, sent.end)
        if not quantities:
            continue
        sent_times = [t for t in times if sent.start <= t.start < sent.end]
        attribution = None
        attribution_done = False
        phrases = {q.start: _counted(text, q, sent.end) for q in quantities}  # start -> (noun, end of its phrase)
        asides = {o.start for o in quantities if _parenthetical(text, o)}
        skipped = asides | {start for start, (noun, _) in phrases.items() if noun in FACILITY_NOUNS}
        for q in quantities:
            timex = next((t for t in sent_times if t.start < q.end and q.start < t.end), None)
            if timex is not None and timex.type != "DURATION":
                continue  # a date or a time, not a count
            if _LABEL_BEFORE.search(text[max(sent.start, q.start - 24):q.start]):
                continue  # "magnitude 6.2", "category four", "Resolution 2254": a label, not a count
            counted, phrase_end = phrases[q.start]
            if counted is None and q.text.lower().split()[-1] in _SMALL_WORDS:
                continue  # "one of the few", "two of Syria's roads": not a figure anyone reports
            base_of_share = any(p.unit == "share" and 0 <= q.start - p.end <= 25 for p in quantities)
            if counted is None and _AGE.search(text[max(sent.start, q.start - 40):q.start]) and text[q.end:q.end + 1] == ",":
                continue  # "Bana Alabed, 7, who …": an age
            lo, hi = _window(quantities, q, sent, skipped)
            taken = [(start, phrases[start][1]) for start in asides if start != q.start]  # "… —including more than one million displaced"
            cue = _nearest_cue(text, q, sent, phrase_end, lo, hi, taken) if counted not in FACILITY_NOUNS else None
            if counted in DISPLACED_NOUNS and (cue is None or cue[0] not in ("displaced", "refugees", "killed", "injured")):
                term = DISPLACED_NOUNS[counted]
                cue = ("refugees" if term == "Refugees" else "displaced", term)
            if base_of_share and counted in _POPULATION_NOUNS:
                cue = ("population", None)  # "half the area's three million inhabitants": the whole
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
