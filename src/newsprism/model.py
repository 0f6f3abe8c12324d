"""Typed, serialisable records that flow between stages.

Every item carries `start`/`end` character offsets into its article's `source_text`
(the decoded original input), so that anything can be shown in its sentence.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockKind = Literal["title", "dek", "byline", "date", "body", "subhead", "caption", "credit"]
BLOCK_KINDS: tuple[str, ...] = ("title", "dek", "byline", "date", "body", "subhead", "caption", "credit")
# Kinds that make up the article's running text.
TEXT_KINDS: frozenset[str] = frozenset({"body", "subhead"})
SourceFormat = Literal["txt", "html", "jsonl-text", "jsonl-html"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article-sized input: decoded text plus whatever metadata came with it."""

    source: str  # path, or path:line for JSONL
    source_text: str  # decoded original text (HTML markup included for HTML inputs)
    format: SourceFormat
    encoding: str
    hints: dict[str, str] = field(default_factory=dict)  # url/outlet/title/published/author given by the input


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    start: int
    end: int
    text: str  # always equal to the article's source_text[start:end]
    html_start: int | None = None  # HTML inputs: the block's span in the decoded HTML
    html_end: int | None = None


@dataclass(frozen=True, slots=True)
class Dropped:
    """A line or block of the page that is not part of the article, and why."""

    reason: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MetaConflict:
    field: str
    page: str
    manifest: str


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value; None when relative and no anchor is known
    precision: str  # day | week | month | quarter | season | year | decade | time | duration | set | reference | unknown
    relative: bool  # resolved against the anchor (or would need one)
    pattern: str


@dataclass(frozen=True, slots=True)
class Claim:
    start: int  # the figure's span
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    bound: str
    unit: str | None  # percent | share | currency | None
    counted: str | None  # the noun counted: "civilians"
    kind: str  # population | displaced | refugees | killed | injured | arrested | kidnapped | missing | affected | military | money | percent | duration | other
    term: str | None  # IDMC reporting term for displacement figures
    reporting_unit: str | None  # people | households
    place: str | None
    period: str | None  # TIMEX value of the time expression in the same sentence
    source: str | None  # who the article attributes the figure to
    source_start: int | None
    source_end: int | None
    sentence: Span


@dataclass(frozen=True, slots=True)
class Quote:
    """Something the article attributes to someone: its words (direct) or their gist (indirect)."""

    start: int  # the content's extent: first part's start .. last part's end
    end: int
    text: str  # the content, its parts joined with " … "
    parts: tuple[Span, ...]  # the content's fragments (a quote split by its attribution has two)
    mode: str  # direct (all in quotation marks) | indirect | mixed
    cue: str | None  # "said", "told", "according to"
    cue_start: int | None
    cue_end: int | None
    speaker: str | None  # the source as written: "he", "Lavrov", "a source close to Damascus"
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None  # who that is, resolved in the article: "Sergei Lavrov"
    speaker_kind: str  # person | organisation | country | document | anonymous | unknown
    speaker_type: str  # government | opposition | un_ngo | monitor | civilian | media | expert | anonymous | other
    resolved_by: str  # name | surname | pronoun | description | none
    medium: str | None  # "Reuters" in "told Reuters", "reporters", "a statement"
    sentence: Span


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the article: a person, organisation, place or nationality."""

    start: int
    end: int
    text: str  # as written, without a leading "the" or a trailing possessive
    label: str  # PERSON | ORG | LOC | NORP
    sentence: Span
    descriptor: str | None = None  # role words around a name: "Turkish foreign minister", "a rebel commander"


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # content hash of source_text
    source: str
    format: str
    encoding: str
    source_text: str  # decoded text (for HTML: its visible text, see ingest.htmltext)
    raw_html: str | None  # decoded HTML, for HTML inputs
    extractor: str  # "newsprism-text" or "trafilatura"
    outlet: str | None
    title: str | None
    author: str | None
    published: str | None  # ISO date
    url: str | None
    language: str
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...] = ()
    meta_sources: dict[str, str] = field(default_factory=dict)  # field -> page | manifest | input
    meta_conflicts: tuple[MetaConflict, ...] = ()
    sentences: tuple[Span, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.kind in TEXT_KINDS)

    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks if b.kind in TEXT_KINDS)

    def label(self) -> str:
        """The outlet, else the input's file name: how reports name the article."""
        return self.outlet or self.source.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Rejection:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class SharedPassage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    text: str  # as it reads in article a


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    a: str  # article ids, a < b
    b: str
    score: float  # share of the shorter article's text found in the other (0..1)
    jaccard: float
    passages: tuple[SharedPassage, ...]


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """One member of a claim group, traced to its article, figure and sentence."""

    article_id: str
    outlet: str | None
    claim: int  # index into the article's claims
    text: str  # the figure as written
    low: float | None
    high: float | None  # None: open-ended ("more than 45")
    counted: str | None
    source: str | None
    start: int
    end: int
    sentence: Span
    via: str | None = None  # how the figure was derived ("more than half of three million")


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Figures from several articles about the same quantity, and the judgement on them."""

    id: str
    kind: str
    scope: str  # total (a stock: how many there are) | flow (how many fled, in an event or period) | additional
    period: str | None  # TIMEX value the figures refer to; None: as of publication
    status: str  # agree | compatible | conflict | related | single
    reason: str
    members: tuple[ClaimRef, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    value: str  # TIMEX3 value: 2018-08-09, 2018-W32, 2018-08
    precision: str
    text: str
    article_id: str
    outlet: str | None
    start: int
    end: int
    sentence: Span


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One outlet's rendering of a grouped utterance, with what it changes against the group's
    reference wording."""

    article_id: str
    outlet: str | None
    quote: int  # index into the article's quotes
    text: str
    speaker: str | None  # as written
    speaker_name: str | None
    speaker_kind: str
    start: int
    end: int
    sentence: Span
    diff: tuple[tuple[str, str, str], ...]  # (op, reference words, these words); op: equal | insert | delete | replace


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same utterance as several articles report it."""

    id: str
    reference: str  # the wording the others are compared with (the longest direct rendering)
    speakers: tuple[str, ...]  # distinct resolved speakers across members ("Sergei Lavrov", "Russia")
    same_speaker: bool
    status: str  # identical | variants
    members: tuple[QuoteRef, ...]


@dataclass(frozen=True, slots=True)
class Geo:
    """Where a place entity is: a GeoNames entry, or unresolved (no point is better than a wrong one)."""

    feature: str  # continent | country | province | county | city | town | village | settlement (size unknown) | region | crossing | camp | place
    geonameid: int | None = None
    name: str | None = None  # the gazetteer's name: "Khān Shaykhūn"
    country: str | None = None  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    matched: str | None = None  # exact | variant | derived | None (unresolved)
    reason: str = ""  # why this entry, or why none


@dataclass(frozen=True, slots=True)
class Alias:
    name: str  # a spelling as written ("Hay’at Tahrir a-Sham")
    outlets: dict[str, int]  # outlet -> mentions with this spelling


@dataclass(frozen=True, slots=True)
class MentionRef:
    article_id: str
    mention: int  # index into the article's mentions


@dataclass(frozen=True, slots=True)
class Entity:
    """One actor or place across the story's articles."""

    id: str
    name: str  # the canonical name (the actor list's, else the fullest spelling)
    type: str  # person | organisation | armed_group | government | country | place | international_organisation | media | nationality | other (a name of unknown kind)
    aliases: tuple[Alias, ...]
    mentions: tuple[MentionRef, ...]
    descriptors: tuple[str, ...] = ()  # role words found in the text: "Turkish foreign minister"
    actor: str | None = None  # id in the actor list, when it knows this entity
    relations: tuple[tuple[str, str], ...] = ()  # (relation, entity id) from the actor list: predecessor_of, member_of, backed_by
    country: str | None = None  # ISO alpha-2, for countries and the nationalities linked to them
    geo: Geo | None = None


@dataclass(frozen=True, slots=True)
class Equation:
    """A sentence where an outlet treats two actors its list keeps apart as one ("HTS (formerly Jebat
    Al-Nusra)"), or relates them ("spearheaded by … previously known as the Nusra Front")."""

    a: str  # entity ids
    b: str
    article_id: str
    outlet: str | None
    how: str  # equates | relates
    cue: str  # the words that link them: "formerly", "referring to", "previously known as"
    sentence: Span


@dataclass(frozen=True, slots=True)
class WireCredit:
    """Evidence that an article carries a news agency's copy, or cites the agency's reporting."""

    article_id: str
    agency: str  # the agency's name in resources/compare/agencies.tsv: "Reuters"
    how: str  # outlet | byline | dateline | signoff (the article is its copy) | cites ("told Reuters": it uses its reporting)
    evidence: str  # the words: "Additional reporting by Reuters", "Haaretz (Reuters copy)"
    start: int | None  # in the article's text; None when the evidence is metadata
    end: int | None


@dataclass(frozen=True, slots=True)
class SourceFamily:
    """Articles that are not independent of one another: one agency's copy, or sharing most of a text.
    Agreement among them counts as one confirmation."""

    id: str
    article_ids: tuple[str, ...]
    reasons: tuple[str, ...]  # "Reuters copy: Haaretz (outlet), The Independent (byline)"


@dataclass(frozen=True, slots=True)
class CoverageCell:
    """How one article carries one fact."""

    article_id: str
    status: str  # reported | different (a figure outside the others' range, other words or another speaker)
    note: str  # what it says: the figure, the wording, the names used
    start: int
    end: int
    sentence: Span


@dataclass(frozen=True, slots=True)
class Fact:
    """A row of the coverage matrix: a figure, a quote, an actor or a date, and which articles carry it.
    Articles without a cell do not report it."""

    id: str
    kind: str  # figure | quote | actor | date
    label: str
    ref: str  # the claim group, quote group or entity id, or the date value
    cells: tuple[CoverageCell, ...]
    independent: int  # source families among the articles reporting it
    status: str  # agree | compatible | conflict | variants | … from the group; "reported" otherwise


@dataclass(frozen=True, slots=True)
class Omission:
    """A fact most articles report and this one does not."""

    article_id: str
    fact: str  # Fact id
    reported_by: int  # articles reporting it
    independent: int  # source families among them


@dataclass(frozen=True, slots=True)
class FramingUse:
    """One use of a word for a referent ("terrorists" for the armed opposition), with its voice."""

    referent: str  # armed opposition | government side | operation | civilians | an entity's name
    term: str  # the lexicon's term, or the descriptor found in the text
    text: str  # as written
    article_id: str
    start: int
    end: int
    voice: str  # own (the outlet's words) | quote (inside a direct quote) | reported (reported speech) | scare (in scare quotes)
    speaker: str | None  # for quote and reported: who is quoted
    entity: str | None  # the entity the word is attached to ("Hay'at Tahrir al-Sham terrorists"), if any
    origin: str  # lexicon | text
    tone: str  # from the lexicon: neutral | delegitimising | legitimising | loaded; "" for text terms
    sentence: Span


@dataclass(frozen=True, slots=True)
class SummarySource:
    article_id: str
    text: str  # the sentence, as the article has it
    start: int  # the sentence's span
    end: int
    detail: str = ""  # for a side of a disagreement: the figure or wording that differs


@dataclass(frozen=True, slots=True)
class SummaryPoint:
    """A sentence of the multi-source summary: an extracted statement with the articles that support
    it, or a disagreement with each side's own sentence."""

    kind: str  # statement | disagreement
    topic: str  # what it is about: "displaced, total"; for statements, the facts it carries
    sources: tuple[SummarySource, ...]  # statement: the one sentence; disagreement: one per side
    support: tuple[str, ...] = ()  # statement: other articles reporting a fact of it
    independent: int = 1  # source families among the sentence's article and its support


@dataclass(frozen=True, slots=True)
class Comparison:
    """The story side by side: derived from the articles and groups alone (recomputed from a store)."""

    wire: tuple[WireCredit, ...] = ()
    families: tuple[SourceFamily, ...] = ()
    facts: tuple[Fact, ...] = ()
    omissions: tuple[Omission, ...] = ()
    framing: tuple[FramingUse, ...] = ()
    summary: tuple[SummaryPoint, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...]
    duplicates: tuple[DuplicatePair, ...]
    generator: dict[str, Any] = field(default_factory=dict)
    claim_groups: tuple[ClaimGroup, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    quote_groups: tuple[QuoteGroup, ...] = ()
    entities: tuple[Entity, ...] = ()
    equations: tuple[Equation, ...] = ()
    comparison: Comparison = Comparison()

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready values (lists, dicts, strings, numbers, None)."""
    return _plain(asdict(record))
