"""What web boilerplate looks like in a page dump: prompts, ads, share/follow lines, widgets,
teasers, reading-time lines; and the cues of photo captions and credits.

Each pattern has a reason, reported for every dropped line. Patterns match a whole line
(after trimming) unless they say otherwise, so that article sentences mentioning, say,
a newsletter are not dropped.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# (reason, pattern): a line matching the pattern is boilerplate.
LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, _I))
    for reason, pattern in (
        ("advertisement", r"^[-–—_*·•\s]*(advertisement|advertising|advert|sponsored( content)?|ad|paid (post|content)|story continues below( advertisement)?|continue reading( below)?)[-–—_*·•\s]*$"),
        ("reading time", r"^(\d+|one|two|three|four|five|ten)[\s-]*(min(ute)?s?)\.?[\s-]*read(ing time)?$"),
        ("reading time", r"^(estimated )?reading time:?\s*\d+.*$"),
        ("share/follow", r"^(share|tweet|email|e-mail|print|pin|copy link|whatsapp|facebook|twitter|linkedin|reddit|messenger|flipboard)([\s,|/·•]+(share|tweet|email|e-mail|print|pin|copy link|whatsapp|facebook|twitter|linkedin|reddit|messenger|flipboard))*[\s!.:]*$"),
        ("share/follow", r"^(share|send|email|e-mail|post|tweet) (this|in|on|via|to)\b.{0,40}$"),
        ("share/follow", r"^(send in e-?mail)+$"),
        ("share/follow", r"^(click|tap) (here |the \w+ icon )?to (share|follow|subscribe|email|print|tweet)\b.*$"),
        ("share/follow", r"^follow\b.{0,80}\b(on|at) (twitter|facebook|instagram|x|linkedin|threads|bluesky|tiktok)\b.*$"),
        ("share/follow", r"^follow (us|@\w+|the \w+|our)\b.{0,80}$"),
        ("share/follow", r"^.{0,80}\bfollow topics\b.{0,20}$"),
        ("comments", r"^(\d+\s+)?comments?(\s*\(\d+\))?:?$"),
        ("comments", r"^(show|view|hide|read|load|see|post|leave|add|write) (all |more |the )?(\d+ )?comments?\b.{0,40}$"),
        ("comments", r"^join (our|the) (commenting forum|comments?|conversation|discussion|debate)\b.*$"),
        ("comments", r"^.{0,60}\b(subscriber|reader) comments\b.*$"),
        ("comments", r"^comments? (are|is) (closed|now closed|disabled|moderated)\b.*$"),
        ("comments", r"^.{0,80}\bthought-provoking conversations\b.*$"),
        ("subscribe/login", r"^(subscribe|sign up|sign in|log ?in|log out|register|create (an|a free) account|already (a subscriber|have an account|signed up|registered))\b.{0,120}$"),
        ("subscribe/login", r"^.{0,100}\b(subscribe to (our|the)|sign up (for|to) (our|the)|newsletter|delivered (directly|straight) to your inbox|in your inbox)\b.{0,100}$"),
        ("subscribe/login", r"^.{0,60}\b(for the first month|per month|a month|free trial|unlimited (digital )?access|subscribers? only|paywall|digital subscription)\b.{0,60}$"),
        ("subscribe/login", r"^(thank you for (registering|subscribing|signing up|reading)|please (refresh|log in|sign in|enable javascript)).*$"),
        ("subscribe/login", r"^.{0,100}\b(automatically logged in|refresh your browser|to be logged in)\b.*$"),
        ("notifications", r"^.{0,80}\b(notifications?|push alerts?|breaking news alerts?)\b.{0,80}$"),
        ("notifications", r"^.{0,80}\b(alert icon|get alerts)\b.*$"),
        ("donate", r"^.{0,80}\b(donate|donation|your support (helps|makes|means|matters)|support (our|independent|quality) journalism|become a (member|supporter|patron))\b.*$"),
        ("related", r"^(>>|»|→|read more|read also|also read|see also|related( articles?| stories| coverage| content| topics)?|more (from|on|stories|news)|recommended( for you)?|most (read|popular|viewed|shared)|trending( now)?|you (may|might) (also )?like|top stories|latest (news|stories)|editor'?s picks|what to read next|don't miss|watch next|up next)\b.*$"),
        ("related", r"^.{0,200}\s[■|•]\s.{0,200}$"),
        ("navigation", r"^(skip to (main )?content|menu|search|home|back to top|close|open menu|toggle navigation|main menu|navigation|sections?|next article|previous article|next|previous|prev)[\s.!>»]*$"),
        ("navigation", r"^([\w’'&.-]+( [\w’'&.-]+){0,2}\s*[|•·/]\s*){3,}[\w’'&.-]+( [\w’'&.-]+){0,2}$"),
        ("legal", r"^.{0,60}(©|\(c\)|copyright|all rights reserved|privacy policy|terms of (use|service)|cookie (policy|settings|preferences)|we use cookies)\b.*$"),
        ("media widget", r"^(watch|video|play( video)?|listen|audio|image|photo|gallery|photos|slideshow|enlarge( this image)?|expand|toggle caption|hide caption|view gallery|watch video|listen to this article|\d+:\d\d)[\s:.!]*$"),
        ("share/follow", r"^(share this article|share this story|share on \w+|share)[!.:]*$"),
    )
)

# Contributor lines at the end of an article: kept as kind "byline".
CONTRIBUTOR_LINE = re.compile(
    r"^(\(?(additional |with )?(reporting|writing|editing|research|contributing|reported)( by| from)?|(compiled|edited|written|reported) by|contributors?:)\b.{0,200}$",
    _I,
)

# Photo credits (a line, or the tail of a caption line).
CREDIT_START = re.compile(
    r"(?:(?<=[\s.)])|^)((photo(graph)?|image|picture|video|illustration|file photo)?\s*(credit|courtesy|source)s?\s*:|(photo(graph)?|image|picture|illustration)s?\s*(by|:)\s+[A-Z])",
    _I,
)
CAPTION_CUES = re.compile(
    r"(\(\s*(photo|image|picture|file)\b|\bphoto (provided|courtesy|by|credit)\b|\bgetty images\b|\b(afp|ap|reuters|epa|anadolu)( photo)?\s*/|/\s*(afp|reuters|getty|ap|epa)\b|\bap photo\b|\bfile photo\b|\bpictured\b|,\s*(left|right|centre|center|second (left|right)|front|top|bottom),|\((left|right|centre|center|top|bottom)\)|\[…\]\s*$|\[\.\.\.\]\s*$)",
    _I,
)

# Outlet self-promotion: first/second person outside quotes plus these words.
PROMO_WORDS = re.compile(
    r"\b(support|supporting|donat\w*|subscri\w*|journalism|journalists|reporters|paywalls?|newsletter|membership|contribut\w*|readers|ad-free|premium|sign up|register|inbox|free access|independent journalism|fund(ed|ing)?)\b",
    _I,
)
PERSONAL = re.compile(r"\b(we|us|our|ours|you|your|yours)\b", _I)
QUOTED = re.compile(r"[\"“«„][^\"”»“]*[\"”»]|(?<!\w)['‘][^'’‘]{2,}['’](?!\w)")


def match_boilerplate(line: str) -> str | None:
    """The reason `line` is boilerplate, or None."""
    for reason, pattern in LINE_PATTERNS:
        if pattern.match(line):
            return reason
    return None


def promo_score(line: str) -> tuple[int, int]:
    """(personal pronouns outside quotes, promotional words) in `line`."""
    unquoted = QUOTED.sub(" ", line)
    return len(PERSONAL.findall(unquoted)), len(PROMO_WORDS.findall(unquoted))
