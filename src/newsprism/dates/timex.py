"""Time expressions (TIMEX3-style) found in text and normalised against an anchor date.

`find_times(text, anchor)` returns every date, time, duration and set expression with its
character span, TimeML type and value ("2018-08-09", "2018-W32", "P6M", "PRESENT_REF"). Relative
expressions ("on Thursday", "last year") are resolved against `anchor`, the article's publication
date; without one they keep `value=None` and say what they are relative to, never an invented date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import TimeExpr
from ..numbers.words import NUMBER, ORDINALS, format_number, parse_number

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "W", "month": "M",
              "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "fortnight": "W"}
TIME_UNITS = {"second", "minute", "hour"}
REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF",
    "recently": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "lately": "PAST_REF", "earlier": "PAST_REF", "in recent years": "PAST_REF", "recent years": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF", "in the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "shortly": "FUTURE_REF",
}
SET_WORDS = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D", "nightly": "P1D",
             "hourly": "PT1H", "quarterly": "P3M"}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)s?"
_PART = r"(?:morning|afternoon|evening|night)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_REL = r"(?:this|last|next|past|previous|coming|current|following|same|that|the\s+previous|the\s+past|the\s+coming|the\s+following|the\s+current|the\s+same|the\s+next|the\s+last|this\s+coming|this\s+past)"
_MOD = r"(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
_APPROX = r"(?:about|around|nearly|almost|roughly|some|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|over|under|just\s+over|just\s+under|well\s+over|only|barely)"
_QUANT = rf"(?:{NUMBER}|a\s+few|a\s+couple\s+of|several|many|a\s+number\s+of|some|few|a|an|one|half\s+a|a\s+half)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

_PATTERNS: list[tuple[str, str]] = [
    # absolute calendar dates
    ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("mdy", rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?\b(?!\s*(?:%|percent|million|billion))"),
    ("dmy", rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b"),
    ("month_year", rf"\b(?:(?P<mod>{_MOD})[\s-]+)?(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?P<year>{_YEAR})|\s+(?P<rel>this|last|next)\s+year)\b"),
    ("rel_month", rf"\b(?:(?P<mod>{_MOD})[\s-]+)?(?P<rel>{_REL})\s+(?P<mon>{_MONTH})\b"),
    ("mod_month", rf"\b(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+(?P<mon>{_MONTH})\b"),
    ("decade", rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:the\s+)?(?:(?P<mod2>early|late|mid)[\s-]+)?(?P<dec>1[6-9]\d0|20\d0)'?s\b"),
    ("fiscal_year", rf"\b(?:the\s+)?fiscal(?:\s+year)?\s+(?P<year>{_YEAR}|'\d\d)\b"),
    ("year_part", rf"\b(?P<mod>{_MOD}|the\s+fall\s+of|the\s+summer\s+of|the\s+spring\s+of|the\s+winter\s+of)[\s-]+(?P<year>{_YEAR})\b"),
    ("season_year", rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:the\s+)?(?P<season>{_SEASON})\s+(?:of\s+)?(?P<year>{_YEAR})\b"),
    ("year", rf"(?<![\d$£€.,/-])\b(?P<year>{_YEAR})\b(?![\d,.]\d|\s*(?:%|percent|per\s+cent|people|persons|civilians|troops|soldiers|fighters|families|homes|houses|cars|vehicles|km|kilometres|kilometers|miles|metres|meters|tons|tonnes|dollars|euros|pounds|\$|to\s+\d))"),
    ("year_word", r"\b(?:the\s+year\s+)?(?:two\s+thousand(?:\s+and)?(?:\s+\w+)?|nineteen\s+(?:ninety|eighty|seventy|sixty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b"),
    # quarters and halves
    ("quarter", rf"\b(?:(?P<det>the|this|last|next|a|its|their|this\s+year's|last\s+year's|the\s+latest|the\s+current|the\s+year-ago|the\s+year-earlier|the\s+same)\s+)?(?:(?P<year2>{_YEAR})\s+)?(?:(?P<fiscal>fiscal)\s+)?(?:(?P<ord>{_ORD}|latest|current|year-ago|year-earlier|past|previous|recent|fiscal)[\s-]+)?(?:fiscal\s+)?(?P<unit>quarter|half)(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b(?![\s-]+(?:of\s+(?:a|an|the|all|its|their)\b|century|mile|point|percent|hour|share|dollar|inch|cent|million|billion))"),
    # relative dates with units: "last week", "next year", "earlier this month", "the same period"
    ("rel_unit", rf"\b(?:(?P<mod>{_MOD})[\s-]+)?(?P<rel>{_REL}|a)\s+(?P<unit>week(?:end)?|month|year|decade|century|period|season|spring|summer|autumn|fall|winter|{_PART})\b(?!\s+(?:old|long)\b)"),
    ("mod_rel_unit", rf"\b(?P<mod>earlier|later|early|late)\s+(?P<rel>this|last|next)\s+(?P<unit>week|month|year|decade|spring|summer|autumn|fall|winter)\b"),
    ("year_ago", r"\b(?:the\s+)?(?P<word>year-(?:ago|earlier)|year\s+ago|year\s+earlier|prior-year|prior\s+year|year-end|year\s+end)\b"),
    # "two years ago", "a year earlier", "three days later"
    ("ago", rf"\b(?:(?P<approx>{_APPROX})\s+)?(?P<q>{_QUANT})\s+(?P<unit>{_UNIT})\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence)\b(?!\s+(?:the|a|an|his|her|their|its|this|that)\b)"),
    # days around the anchor
    ("deictic_day", rf"\b(?:(?P<mod>early|late)\s+)?(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|overnight)(?:\s+(?P<part>{_PART}))?\b"),
    ("this_part", rf"\b(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{_PART})\b"),
    ("weekday", rf"\b(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+following|the\s+previous|early|late)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_PART}))?\b"),
    ("clock", r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?:local\s+time|GMT|UTC|EST|EDT|ET))?"),
    ("clock_24", r"\b(?P<h>[01]\d|2[0-3])[:.]?(?P<min>[0-5]\d)\s*(?:GMT|UTC|local\s+time|hours|hrs|h\b)"),
    ("noon", r"\b(?:(?P<rel>at|around)\s+)?(?P<word>noon|midday|midnight)\b"),
    # durations: "six months", "the past two years", "a 10-year", "24 hours", "several weeks"
    ("duration", rf"\b(?:(?P<det>the|a|an|this|that|these|those)\s+)?(?:(?P<span>past|last|next|coming|first|final|previous|following|latest)\s+)?(?:(?P<approx>{_APPROX})\s+)?(?P<q>{_QUANT})[\s-]+(?P<unit>{_UNIT})(?P<adj>-long|-old)?\b(?!-)(?!\s+old\b)"),
    ("vague_duration", rf"\b(?:(?P<det>the\s+past|the\s+last|the\s+next|the\s+coming|in\s+recent|recent|for|over\s+the)\s+)(?P<unit>(?:years|months|weeks|days|decades|hours))\b"),
    ("the_unit", r"\b(?P<det>the|this|that|its|year's)\s+(?P<adj>(?:(?:full|fiscal|current|latest|same|entire|whole)\s+)*)(?P<unit>year|week|weekend|month|day|morning|afternoon|evening|period)\b(?!\s*-)"),
    ("bare_plural", r"\b(?P<prep>for|within|in|over|after|during)\s+(?:(?P<adj>coming|recent|future|past|the\s+coming|the\s+past|the\s+next|the\s+last|the\s+weeks\s+ahead)\s+)?(?P<unit>years|months|weeks|days|decades|centuries|hours|quarters)\b(?!\s+(?:of|to|old|ago|before|after|earlier|later)\b)"),
    ("century", r"\b(?:the\s+)?(?P<n>1[0-9]|20|21)(?:st|nd|rd|th)[\s-]+century\b"),
    ("decade_word", r"\b(?:the\s+)(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|'\d0s)\b"),
    ("set", rf"\b(?:(?P<q>every|each|per|a|an)\s+(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade|{_WEEKDAY}|morning|evening))\b|\b(?P<word>annually|yearly|monthly|weekly|daily|nightly|hourly|quarterly)\b"),
    ("season", rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<rel>this|last|next|the\s+past|the\s+coming)\s+)(?P<season>{_SEASON})\b"),
    ("reference", r"\b(?P<word>right\s+now|just\s+now|at\s+present|nowadays|these\s+days|at\s+the\s+moment|in\s+recent\s+years|recent\s+years|the\s+near\s+future|in\s+the\s+future|the\s+future|the\s+past|now|currently|recently|previously|formerly|lately|soon|shortly)\b(?!\s+(?:that|than)\b)"),
    ("month", rf"\b(?P<mon>January|February|April|June|July|August|September|October|November|December|Sept\.|Aug\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.)(?!\s+\d)\b"),
    ("month_ambiguous", r"\b(?:in|since|until|by|during|early|late|mid|of|last|next|this)[\s-]+(?P<mon>May|March)\b"),
]
_COMPILED = [(name, re.compile(pattern, re.IGNORECASE if name not in ("mdy", "dmy", "month", "month_year", "month_ambiguous", "rel_month", "mod_month") else 0))
             for name, pattern in _PATTERNS]


def _ymd(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_number(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _future_context(text: str, start: int) -> bool:
    """Whether the words just before an expression point forward ("will meet on Friday")."""
    before = text[max(0, start - 40):start]
    sentence_before = re.split(r"(?<!\b[A-Z])[.!?]\s", before)[-1].lower()  # not after an initial ("Daniel P. Davison")
    return bool(re.search(r"\b(due|expected|scheduled|set|plans?|going|until|starting|beginning|from)\b"
                          r"(\s+\w+){0,3}\s+(on\s+|by\s+|until\s+|in\s+)?$", sentence_before)
                or re.search(r"\b(will|'ll|shall)(\s+[\w.]+){0,5}?\s+(on\s+|by\s+|until\s+|in\s+)?$", sentence_before)
                or re.search(r"\b(effective|through|to be \w+ (?:on|in))\s+$", sentence_before))


def _year_of_month(anchor: dt.date, month: int, future: bool = False) -> int:
    """A year-less month is in the anchor's year, except: the next year when the context points
    forward and the month is well past ("will end in January" in November); the previous year when
    it is three or more seasons ahead ("December" in a February page is last December)."""
    if future and anchor.month - month > 3:
        return anchor.year + 1
    return anchor.year - 1 if month - anchor.month >= 9 else anchor.year


def _precision(value: str | None, type_: str) -> str:
    if type_ in ("DURATION", "SET"):
        return type_.lower()
    if value is None:
        return "unknown"
    if value.endswith("_REF"):
        return "reference"
    if "T" in value:
        return "time"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if "-W" in value:
        return "week"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}-Q\d", value) or re.fullmatch(r"\d{4}-H\d", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    return "unknown"


def _unit_code(unit: str) -> tuple[str, float]:
    unit = unit.lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    if unit == "fortnight":
        return "W", 2
    return UNIT_CODES[unit], 1


def _duration(q: str | None, unit: str) -> str:
    code, factor = _unit_code(unit)
    value = parse_number(q) if q else 1.0
    amount = "X" if value is None else format_number(value * factor)
    if code == "Q":
        amount = "X" if value is None else format_number(value * 3)
        code = "M"
    if code == "DE":
        amount = "X" if value is None else format_number(value * 10)
        code = "Y"
    if code == "CE":
        amount = "X" if value is None else format_number(value * 100)
        code = "Y"
    time_part = "T" if unit.lower().rstrip("s") in TIME_UNITS else ""
    return f"P{time_part}{amount}{code}"


class _Resolver:
    """Turns one match into (type, value) given the anchor date and what the document said before."""

    def __init__(self, anchor: dt.date | None) -> None:
        self.anchor = anchor
        self.last_quarter: tuple[int, int] | None = None  # (year, quarter) most recently mentioned

    def resolve(self, name: str, m: re.Match[str], text: str) -> tuple[str, str | None] | None:
        g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
        a = self.anchor
        handler = getattr(self, "_" + name)
        return handler(g, a, m, text)

    # absolute dates ----------------------------------------------------------------
    def _iso(self, g, a, m, text):
        return "DATE", f"{g['y']}-{g['m']}-{g['d']}"

    def _mdy(self, g, a, m, text):
        month, day = _month_number(g["mon"]), int(re.sub(r"\D", "", g["day"]))
        if g.get("year"):
            year = int(g["year"])
        elif a:
            year = _year_of_month(a, month, _future_context(text, m.start()))
        else:
            return "DATE", None
        try:
            return "DATE", dt.date(year, month, day).isoformat()
        except ValueError:
            return None

    _dmy = _mdy

    def _month_year(self, g, a, m, text):
        month = _month_number(g["mon"])
        if g.get("year"):
            year = int(g["year"])
        elif a:
            year = a.year + {"this": 0, "last": -1, "next": 1}[g["rel"]]
        else:
            return "DATE", None
        return "DATE", f"{year}-{month:02d}"

    def _rel_month(self, g, a, m, text):
        month = _month_number(g["mon"])
        if not a:
            return "DATE", None
        rel = g["rel"].split()[-1]
        if rel in ("last", "past", "previous"):
            year = a.year if month < a.month else a.year - 1
        elif rel in ("next", "coming", "following"):
            year = a.year if month > a.month else a.year + 1
        else:
            year = a.year
        return "DATE", f"{year}-{month:02d}"

    def _mod_month(self, g, a, m, text):
        month = _month_number(g["mon"])
        if not a:
            return "DATE", None
        return "DATE", f"{_year_of_month(a, month, _future_context(text, m.start()))}-{month:02d}"

    def _month(self, g, a, m, text):
        return self._mod_month(g, a, m, text)

    _month_ambiguous = _month

    def _decade(self, g, a, m, text):
        return "DATE", g["dec"][:3]

    def _fiscal_year(self, g, a, m, text):
        year = g["year"]
        if year.startswith("'"):
            year = ("19" if int(year[1:]) > 30 else "20") + year[1:]
        return "DATE", year

    def _year_part(self, g, a, m, text):
        mod = g["mod"]
        season = next((SEASONS[s] for s in SEASONS if s in mod), None)
        return "DATE", f"{g['year']}-{season}" if season else g["year"]

    def _season_year(self, g, a, m, text):
        return "DATE", f"{g['year']}-{SEASONS[g['season']]}"

    def _year(self, g, a, m, text):
        return "DATE", g["year"]

    def _year_word(self, g, a, m, text):
        words = m.group(0).lower().replace("the year ", "")
        if words.startswith("two thousand"):
            rest = parse_number(words.replace("two thousand", "").replace("and", "").strip() or "zero")
            return ("DATE", str(2000 + int(rest))) if rest is not None else None
        tail = parse_number(words.replace("nineteen", "").strip())
        return ("DATE", str(1900 + int(tail))) if tail is not None else None

    # quarters --------------------------------------------------------------------------
    def _quarter(self, g, a, m, text):
        unit, ord_, det = g["unit"], g.get("ord"), g.get("det") or ""
        if unit == "half" and not ord_:
            return None
        if not ord_ and not det and not g.get("year"):
            return None  # a bare "quarter" ("a quarter of the vote")
        if det in ("a",) and not ord_:
            return None
        if re.search(r"(than|about|nearly|almost|over|some|roughly|one|two|three)[\s-]+(a\s+)?$", text[max(0, m.start() - 12):m.start()].lower()):
            return None
        if g.get("year") or g.get("year2"):
            year = int(g.get("year") or g["year2"])
        elif a:
            year = a.year - (1 if (det.startswith("last year") or ord_ in ("year-ago", "year-earlier") or "year-" in det) else 0)
        else:
            return "DATE", None
        if ord_ in ORDINALS:
            n = ORDINALS[ord_]
            explicit = g.get("year") or g.get("year2") or "year" in det or "next" in det
            if a and not explicit and unit == "quarter" and n > (a.month - 1) // 3 + 1:
                year -= 1  # a quarter still ahead of the anchor: news reports on the last one
            if unit == "half":
                return "DATE", f"{year}-H{n}"
            self.last_quarter = (year, n)
            return "DATE", f"{year}-Q{n}"
        if unit == "half":
            return None
        if ord_ in ("past", "previous", "recent"):
            return None
        # "the quarter", "the latest quarter", "the year-ago quarter": the quarter in focus
        if self.last_quarter and (ord_ not in ("year-ago", "year-earlier") and "year-" not in det):
            y, q = self.last_quarter
            return "DATE", f"{y}-Q{q}"
        if a:
            y, q = a.year, (a.month - 1) // 3  # the last completed quarter
            if q == 0:
                y, q = y - 1, 4
            if ord_ in ("year-ago", "year-earlier") or "year-" in det:
                if self.last_quarter:
                    y, q = self.last_quarter[0] - 1, self.last_quarter[1]
                else:
                    y -= 1
            return "DATE", f"{y}-Q{q}"
        return "DATE", None

    # relative ----------------------------------------------------------------------------
    def _rel_unit(self, g, a, m, text):
        rel = g["rel"].replace("the ", "").strip()
        unit = g["unit"]
        if rel in ("a", "that", "same") or unit in ("period", "season"):
            if rel == "same" and unit == "period" and self.last_quarter:
                y, q = self.last_quarter
                return "DATE", f"{y - 1}-Q{q}"
            return None
        if unit in DAY_PARTS:
            if rel in ("this",) and a:
                return "TIME", f"{_ymd(a)}T{DAY_PARTS[unit]}"
            if rel in ("last",) and a:
                return "TIME", f"{_ymd(a - dt.timedelta(days=1))}T{DAY_PARTS[unit]}"
            return None
        step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
                "following": 1, "this coming": 1, "this past": -1}.get(rel)
        if step is None:
            return None
        if not a:
            return "DATE", None
        if unit in SEASONS:
            year = a.year + (step if step else 0)
            return "DATE", f"{year}-{SEASONS[unit]}"
        if unit == "week":
            return "DATE", _week(a + dt.timedelta(weeks=step))
        if unit == "weekend":
            return "DATE", _week(a + dt.timedelta(weeks=step)) + "-WE"
        if unit == "month":
            y, mo = _shift_month(a.year, a.month, step)
            return "DATE", f"{y}-{mo:02d}"
        if unit == "year":
            return "DATE", str(a.year + step)
        if unit == "decade":
            return "DATE", str(a.year // 10 + step)
        if unit == "century":
            return "DATE", str(a.year // 100 + step)
        return None

    def _mod_rel_unit(self, g, a, m, text):
        return self._rel_unit(g, a, m, text)

    def _year_ago(self, g, a, m, text):
        word = g["word"].replace("-", " ")
        if word in ("year end",):
            return ("DATE", str(a.year)) if a else ("DATE", None)
        if not a:
            return "DATE", None
        if self.last_quarter:
            y, q = self.last_quarter
            return "DATE", f"{y - 1}-Q{q}"
        return "DATE", str(a.year - 1)

    def _ago(self, g, a, m, text):
        amount = parse_number(g["q"]) if g["q"] not in ("a", "an", "one") else 1.0
        if g["q"] in ("a few", "several", "many", "some", "a number of"):
            amount = None
        unit = g["unit"].rstrip("s")
        direction = g["dir"]
        if amount is None and direction in ("ago", "earlier"):
            return "DATE", "PAST_REF"
        if direction in ("before", "after") or amount is None or not a:
            return "DATE", None
        sign = -1 if direction in ("ago", "earlier") else 1
        if direction == "earlier" and unit == "year" and amount == 1 and self.last_quarter:
            y, q = self.last_quarter
            return "DATE", f"{y - 1}-Q{q}"
        n = int(amount) if float(amount).is_integer() else None
        if n is None:
            return "DATE", None
        if unit == "day":
            return "DATE", _ymd(a + dt.timedelta(days=sign * n))
        if unit == "week":
            return "DATE", _week(a + dt.timedelta(weeks=sign * n))
        if unit == "month":
            y, mo = _shift_month(a.year, a.month, sign * n)
            return "DATE", f"{y}-{mo:02d}"
        if unit == "year":
            if direction == "ago" and amount == 1 and self.last_quarter:
                y, q = self.last_quarter
                return "DATE", f"{y - 1}-Q{q}"
            return "DATE", str(a.year + sign * n)
        if unit == "decade":
            return "DATE", str(a.year + sign * 10 * n)[:3]
        if unit in ("hour", "minute"):
            return "TIME", None
        return "DATE", None

    def _deictic_day(self, g, a, m, text):
        word = g["word"]
        if word in ("tonight", "overnight"):
            return "TIME", f"{_ymd(a)}TNI" if a else None
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}[word]
        if not a:
            return ("TIME" if g.get("part") else "DATE"), None
        day = _ymd(a + dt.timedelta(days=offset))
        if g.get("part"):
            return "TIME", f"{day}T{DAY_PARTS[g['part']]}"
        return "DATE", day

    def _this_part(self, g, a, m, text):
        offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[g["rel"]]
        if not a:
            return "TIME", None
        return "TIME", f"{_ymd(a + dt.timedelta(days=offset))}T{DAY_PARTS[g['part']]}"

    def _weekday(self, g, a, m, text):
        if not a:
            return ("TIME" if g.get("part") else "DATE"), None
        target = WEEKDAYS[g["wd"]]
        rel = g.get("rel") or ""
        future = rel in ("next", "this coming", "the following") or _future_context(text, m.start())
        delta = (target - a.weekday()) % 7
        if future:
            delta = delta or 7
        else:
            delta = delta - 7 if delta else 0
            if rel in ("last", "this past", "the previous") and delta == 0:
                delta = -7
        day = _ymd(a + dt.timedelta(days=delta))
        if g.get("part"):
            return "TIME", f"{day}T{DAY_PARTS[g['part']]}"
        return "DATE", day

    def _clock(self, g, a, m, text):
        hour = int(g["h"]) % 12 + (12 if g["ampm"].startswith("p") else 0)
        minute = int(g["min"] or 0)
        day = _ymd(a) if a else "XXXX-XX-XX"
        return "TIME", f"{day}T{hour:02d}:{minute:02d}"

    def _clock_24(self, g, a, m, text):
        day = _ymd(a) if a else "XXXX-XX-XX"
        return "TIME", f"{day}T{int(g['h']):02d}:{g['min']}"

    def _noon(self, g, a, m, text):
        day = _ymd(a) if a else "XXXX-XX-XX"
        return "TIME", f"{day}T{'24:00' if g['word'] == 'midnight' else '12:00'}"

    # durations and sets ---------------------------------------------------------------
    def _duration(self, g, a, m, text):
        q, unit = g["q"], g["unit"]
        if re.fullmatch(r"1[6-9]\d\d|20\d\d", q):
            return None
        if g.get("adj") == "-old":
            return None
        if q in ("many", "some", "few") and not g.get("det"):
            return None
        value = parse_number(q) if q not in ("a", "an", "one") else 1.0
        if q in ("a few", "several", "a number of", "many", "some", "few", "a couple of"):
            value = 2.0 if q == "a couple of" else None
        if value is None and q not in ("a few", "several", "a number of", "many", "some", "few"):
            return None
        if value is not None:
            return "DURATION", _duration(format_number(value), unit)
        return "DURATION", "P" + ("T" if unit.lower().rstrip("s") in TIME_UNITS else "") + "X" + _unit_code(unit)[0]

    def _vague_duration(self, g, a, m, text):
        det = g["det"]
        unit = g["unit"].rstrip("s")
        if det in ("in recent", "recent") and unit == "year":
            return "DATE", "PAST_REF"
        code = _unit_code(unit)[0]
        return "DURATION", "P" + ("T" if unit in TIME_UNITS else "") + "X" + code

    def _set(self, g, a, m, text):
        if g.get("word"):
            if re.match(r"\s+[a-z]", text[m.end():m.end() + 2]) and g["word"] in ("quarterly", "daily", "weekly", "monthly", "yearly", "nightly", "hourly"):
                return None  # an adjective: "quarterly dividend", "daily volume"
            return "SET", SET_WORDS[g["word"]]
        q, unit = g["q"], g["unit"]
        if q in ("a", "an"):
            before = text[max(0, m.start() - 20):m.start()].lower()
            if not re.search(r"(\d|times|once|twice|percent|%|\$\S*|million|billion)\s*$", before):
                return None
        if unit in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
        if unit in ("morning", "evening", "night"):
            return "SET", f"TXX{DAY_PARTS[unit]}" if unit != "night" else "TNI"
        code, _ = _unit_code(unit if unit != "night" else "day")
        return "SET", "P" + ("T" if unit in TIME_UNITS else "") + "1" + ("M" if code == "Q" else code).replace("Q", "M")

    def _season(self, g, a, m, text):
        if not a:
            return "DATE", None
        rel = g["rel"].replace("the ", "")
        step = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[rel]
        return "DATE", f"{a.year + step}-{SEASONS[g['season']]}"

    def _the_unit(self, g, a, m, text):
        det, unit, adj = g["det"], g["unit"], g.get("adj") or ""
        if det == "that" or unit == "period" and not re.search(r"latest|same", adj):
            return None
        if unit in ("morning", "afternoon", "evening"):
            return ("TIME", f"{_ymd(a)}T{DAY_PARTS[unit]}") if a else ("TIME", None)
        if not a:
            return "DATE", None
        if unit == "period":
            if self.last_quarter:
                y, q = self.last_quarter
                return "DATE", f"{y - 1 if 'same' in adj else y}-Q{q}"
            return None
        if unit == "year":
            return "DATE", str(a.year)
        if unit == "week":
            return "DATE", _week(a)
        if unit == "weekend":
            return "DATE", _week(a - dt.timedelta(days=2)) + "-WE"
        if unit == "month":
            return "DATE", f"{a.year}-{a.month:02d}"
        return "DATE", _ymd(a)

    def _bare_plural(self, g, a, m, text):
        adj, unit = (g.get("adj") or "").replace("the ", ""), g["unit"].rstrip("s")
        if unit == "centurie":
            unit = "century"
        if g["prep"] in ("in", "after", "during") and not adj:
            return None
        if adj in ("recent", "past", "last") and unit == "year":
            return "DATE", "PAST_REF"
        if adj in ("coming", "future", "next", "weeks ahead"):
            return ("DATE", "FUTURE_REF") if unit == "year" else ("DURATION", "PX" + _unit_code(unit)[0])
        code = _unit_code(unit)[0]
        return "DURATION", "P" + ("T" if unit in TIME_UNITS else "") + "X" + code

    def _century(self, g, a, m, text):
        return "DATE", f"{int(g['n']) - 1:02d}"

    def _decade_word(self, g, a, m, text):
        word = g["word"]
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}.get(word)
        if tens is None:
            tens = int(word[1])
        century = "19" if not a or tens * 10 > a.year % 100 else str(a.year // 100)
        return "DATE", f"{century}{tens}"

    def _reference(self, g, a, m, text):
        word = re.sub(r"\s+", " ", g["word"])
        if word == "now" and re.match(r"\s*(that|than)\b", text[m.end():m.end() + 6]):
            return None
        if word == "soon" and (re.search(r"\bas\s+$", text[max(0, m.start() - 4):m.start()]) or re.match(r"\s+(after|before)\b", text[m.end():m.end() + 8])):
            return None
        return "DATE", REFERENCES[word]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


_ORDER = {name: i for i, (name, _p) in enumerate(_PATTERNS)}


# Every pattern contains one of these words (or a digit); the patterns run only near them, which
# makes the stage several times faster on long articles.
_TRIGGER = re.compile(
    r"\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
    r"apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|seconds?|minutes?|"
    r"hours?|days?|daily|weeks?|weekends?|fortnights?|months?|quarters?|half|years?|decades?|century|centuries|"
    r"period|season|spring|summer|autumn|fall|winter|mornings?|afternoons?|evenings?|nights?|tonight|overnight|"
    r"today|yesterday|tomorrow|noon|midday|midnight|annually|yearly|monthly|weekly|nightly|hourly|quarterly|now|"
    r"currently|present|nowadays|moment|recent|recently|previously|formerly|lately|soon|shortly|future|past|"
    r"earlier|fiscal|nineteen|thousand|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|"
    r"year-ago|year-earlier|year-end|prior-year)\b", re.IGNORECASE)
_WINDOW = 60


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _TRIGGER.finditer(text, start, end):
        ws, we = max(start, m.start() - _WINDOW), min(end, m.end() + _WINDOW)
        if spans and ws <= spans[-1][1]:
            spans[-1] = (spans[-1][0], we)
        else:
            spans.append((ws, we))
    return spans


def find_times(text: str, anchor: dt.date | None = None, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Time expressions in text[start:end], longest first among overlapping candidates."""
    end = len(text) if end is None else end
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for ws, we in _windows(text, start, end):
        for name, pattern in _COMPILED:
            for m in pattern.finditer(text, ws, we):
                if m.end() > m.start():
                    candidates.append((m.start(), m.end(), name, m))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), _ORDER[c[2]], c[0]))
    chosen: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for c in candidates:
        if not _overlaps(taken, c[0], c[1]):
            chosen.append(c)
            taken.append((c[0], c[1]))
    chosen.sort(key=lambda c: c[0])
    resolver = _Resolver(anchor)
    found: list[TimeExpr] = []
    for s, e, name, m in chosen:
        result = resolver.resolve(name, m, text)
        if result is None:
            continue
        type_, value = result
        if name == "duration" and (det := re.match(r"(?:an?|the)\s+(?=\S+-\w)", text[s:e], re.IGNORECASE)):
            s += det.end()  # "a seven-year war": the determiner belongs to the noun, not the duration
        relative = name not in ("iso", "decade", "fiscal_year", "year_part", "season_year", "year", "year_word") and not (
            name in ("mdy", "dmy", "month_year") and m.groupdict().get("year"))
        found.append(TimeExpr(s, e, text[s:e], type_, value, _precision(value, type_), relative and type_ in ("DATE", "TIME"), name))
    return _clock_days(text, found)


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")
_CLOCK_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+)?$")  # "10 p.m. Wednesday", "until 5 p.m., Nov. 9"
_DAY_THEN_CLOCK = re.compile(r"\s*,?\s*(?:at|around|by|from|until)?\s*$", re.IGNORECASE)  # "Wednesday at 10 p.m."


def _clock_days(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """A clock time next to a day ("at noon Thursday", "Wednesday at 10 p.m.") is on that day, not the anchor's."""
    out = list(found)
    for i, t in enumerate(found):
        if t.pattern not in ("clock", "clock_24", "noon") or not t.value or "T" not in t.value:
            continue
        after = found[i + 1] if i + 1 < len(found) else None
        before = found[i - 1] if i else None
        day = None
        if after and after.value and _DAY_VALUE.match(after.value) and _CLOCK_THEN_DAY.match(text[t.end:after.start]):
            day = after.value
        elif before and before.value and _DAY_VALUE.match(before.value) and _DAY_THEN_CLOCK.match(text[before.end:t.start]):
            day = before.value
        if day:
            out[i] = replace(t, value=day + t.value[t.value.index("T"):])
    return out


def parse_anchor(published: str | None) -> dt.date | None:
    """The article's publication date as a date, when it is a full ISO date."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
