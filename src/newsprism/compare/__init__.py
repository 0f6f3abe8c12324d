"""The story side by side: wire copy and independent sources, the coverage matrix and omissions,
framing, and a multi-source summary. Pure functions of a Story's articles and groups, so a report
rebuilt from the store recomputes them without re-analysing anything."""
from __future__ import annotations

from dataclasses import replace

from ..model import Comparison, Story
from ..settings import Settings
from .coverage import coverage, omissions
from .framing import framing, lexicon
from .summary import summarise
from .wire import agencies, source_families, wire_credits


def compare(story: Story, settings: Settings = Settings()) -> Comparison:
    known = agencies(tuple(settings.agencies))
    credits = [c for a in story.articles for c in wire_credits(a, known)]
    families = source_families(story.articles, story.duplicates, credits, settings.min_copy_share)
    facts = coverage(story, families)
    return Comparison(tuple(credits), tuple(families), tuple(facts), tuple(omissions(story.articles, facts)),
                      tuple(framing(story.articles, story.entities, lexicon(tuple(settings.framing)))),
                      tuple(summarise(story, facts, families)))


def with_comparison(story: Story, settings: Settings = Settings()) -> Story:
    return replace(story, comparison=compare(story, settings))
