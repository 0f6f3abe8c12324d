"""The claim ledger: figures about the same quantity across articles, grouped and judged.

Stock figures (population, displaced, refugees, affected) are grouped by kind and period; event
counts (killed, injured, arrested, kidnapped, missing) only when two articles date them to the same
period, since two death tolls without dates are usually two different events. Each figure is read
as an interval: a bare figure as rounded to its last significant digit ("3 million" is 2.5 to 3.5
million), "around" widens that to at least 20%, "more than" / "at least" leave it open above,
"up to" / "nearly" below; a share of a stated whole ("more than half the area's three million
inhabitants") is derived from it. A group whose intervals share a point is compatible (agree when
every figure is the same); otherwise it conflicts, and the reason names the figures that cannot
both be true. Groups of one kind over different periods are listed as related, not as conflicting.
"""
from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Sequence

from ..model import Article, Claim, ClaimGroup, ClaimRef

STOCK_KINDS = ("population", "displaced", "refugees", "affected")
EVENT_KINDS = ("killed", "injured", "arrested", "kidnapped", "missing")
APPROXIMATE_SPREAD = 0.2


def _rounding(value: float) -> float:
    """Half a unit of the figure's last significant digit: 3,000,000 -> 500,000; 1.8 million -> 50,000."""
    if value <= 0:
        return 0.0
    if not float(value).is_integer():
        decimals = len(repr(value).split(".")[1])
        return 0.5 * 10 ** -decimals
    n = int(value)
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    return 0.5 * 10 ** zeros if zeros else 0.0


def interval(c: Claim, base: Claim | None = None) -> tuple[float, float] | None:
    """What the figure allows the true number to be, as (low, high); high may be infinity."""
    low, high = c.low, c.high
    if c.unit == "share":
        if base is None or base.low is None:
            return None
        whole = interval(base)
        if whole is None:
            return None
        low, high = c.low * whole[0], c.high * whole[1]
    if low is None or high is None:
        return None
    if c.bound in ("exact", "approximate", "additional") and low == high and c.unit != "share":
        slack = _rounding(low)
        if c.bound == "approximate":
            slack = max(slack, APPROXIMATE_SPREAD * low)
        low, high = low - slack, high + slack
    if c.bound in ("above", "at_least"):
        high = math.inf
    elif c.bound in ("below", "at_most"):
        low = 0.0 if c.bound == "below" else low * (1 - APPROXIMATE_SPREAD)
    elif c.bound == "vague" and c.high is None:
        high = math.inf
    return low, high


FLOW_TERMS = ("Forced to Flee", "Evacuated", "Relocated")


def _period_key(c: Claim) -> str | None:
    return None if c.period is None or c.period.endswith("_REF") else c.period


def scope_of(c: Claim) -> str:
    """total: how many there are; flow: how many moved in an event or a period; additional: an increment."""
    if c.bound == "additional":
        return "additional"
    if c.term in FLOW_TERMS or (c.period or "").startswith("P"):
        return "flow"
    return "total"


def _judge(refs: Sequence[ClaimRef]) -> tuple[str, str]:
    if len({r.article_id for r in refs}) < 2:
        return "single", "reported by one article"
    lows = [r.low for r in refs]
    highs = [math.inf if r.high is None else r.high for r in refs]
    if max(lows) <= min(highs):
        same = len({(r.low, r.high) for r in refs}) == 1 and all(r.via is None for r in refs)
        if same:
            return "agree", "every article gives the same figure"
        lo, hi = max(lows), min(highs)
        span = f"{_fmt(lo)}" + (" or more" if hi == math.inf else f" to {_fmt(hi)}" if hi != lo else "")
        return "compatible", f"all figures allow {span}"
    top = max(refs, key=lambda r: r.low)
    bottom = min(refs, key=lambda r: math.inf if r.high is None else r.high)
    return "conflict", (f"{top.outlet or top.article_id}: {top.text!r} (at least {_fmt(top.low)}) vs "
                        f"{bottom.outlet or bottom.article_id}: {bottom.text!r} (at most {_fmt(bottom.high or 0)})")


def _fmt(x: float) -> str:
    if x >= 1_000_000:
        return f"{x / 1_000_000:.3g} million"
    return f"{x:,.0f}"


def _ref(article: Article, index: int, c: Claim, base: Claim | None) -> ClaimRef | None:
    bounds = interval(c, base)
    if bounds is None:
        return None
    via = f"{c.text} of {base.text}" if c.unit == "share" and base else None
    return ClaimRef(article.id, article.outlet, index, c.text, bounds[0], None if bounds[1] == math.inf else bounds[1],
                    c.counted or (base.counted if base else None), c.source, c.start, c.end, c.sentence, via)


def _share_base(claims: Sequence[Claim], i: int) -> Claim | None:
    c = claims[i]
    if c.unit != "share":
        return None
    for nxt in claims[i + 1:i + 2]:
        if nxt.sentence == c.sentence and 0 <= nxt.start - c.end <= 25 and nxt.unit is None:
            return nxt
    return None


def group_claims(articles: Sequence[Article]) -> list[ClaimGroup]:
    buckets: dict[tuple[str, str, str | None], list[ClaimRef]] = defaultdict(list)
    for article in articles:
        for i, c in enumerate(article.claims):
            if c.kind not in STOCK_KINDS and c.kind not in EVENT_KINDS:
                continue
            if c.unit == "percent":
                continue
            period = _period_key(c)
            if c.kind in EVENT_KINDS and period is None:
                continue
            ref = _ref(article, i, c, _share_base(article.claims, i))
            if ref is not None:
                buckets[(c.kind, scope_of(c), period)].append(ref)
    groups: list[ClaimGroup] = []
    for (kind, scope, period), refs in sorted(buckets.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
        if kind in EVENT_KINDS and len({r.article_id for r in refs}) < 2:
            continue
        status, reason = _judge(refs)
        gid = hashlib.sha1(f"{kind}|{scope}|{period}|".encode() + "|".join(f"{r.article_id}:{r.claim}" for r in refs).encode()).hexdigest()[:12]
        groups.append(ClaimGroup(gid, kind, scope, period, status, reason, tuple(refs)))
    by_kind: dict[str, list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        by_kind[g.kind].append(g)
    result = []
    for g in groups:
        main = next((s for s in by_kind[g.kind] if s.scope == "total" and s.period is None), None)
        if main is not None and main is not g and g.status in ("single", "agree", "compatible"):
            what = f"the period {g.period}" if g.period else {"flow": "people moving in an event or period",
                                                              "additional": "an increment on top of the total"}.get(g.scope, g.scope)
            result.append(ClaimGroup(g.id, g.kind, g.scope, g.period, "related",
                                     f"{g.reason}; counts {what}, not the same quantity as the {g.kind} total", g.members))
        else:
            result.append(g)
    return result
