"""How the quote stage's two attribution finders are combined, measured on the held-out tenth of
PolNeAR train (the articles tools/attribution/prepare.py keeps out of the tagger's training), not on
dev: the cue lexicon's frames alone, the tagger's attributions alone, and quotes.tagger.combine;
plus the tagger's raw CUE spans before grouping (a cue with no content is dropped by the grouping).
Usage: python bench/quotes_heldout.py [--no-save]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

from newsprism.evaluation.polnear import Predicted, _extent, read_split, score, trim
from newsprism.nlp.pipeline import load_pipeline
from newsprism.quotes import cues
from newsprism.quotes.attribution import find_attributions
from newsprism.quotes.run import parse_paragraphs, shifted
from newsprism.quotes.tagger import combine, group, load_tagger, tag

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "data" / "train"
RESULTS = ROOT / "bench" / "results" / "quotes_heldout.json"


def held_out_docs():
    spec = importlib.util.spec_from_file_location("prepare", ROOT / "tools" / "attribution" / "prepare.py")
    prepare = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(prepare)
    return [d for d in read_split(TRAIN) if prepare.held_out(d.name)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    docs = held_out_docs()
    nlp = load_pipeline(None)
    lexicon, tagger = cues.load(), load_tagger(nlp.vocab)
    frames, tagged, combined, raw_hits, raw_count, gold_count = {}, {}, {}, 0, 0, 0
    for doc, paragraphs in zip(docs, parse_paragraphs(nlp, (d.text for d in docs))):
        spans = tag(tagger, [p for _, p in paragraphs])
        local = [(o, p, find_attributions(p, lexicon), group(p, s)) for (o, p), s in zip(paragraphs, spans)]
        frames[doc.name] = [shifted(a, o) for o, _, f, _ in local for a in f]
        tagged[doc.name] = [shifted(a, o) for o, _, _, t in local for a in t]
        combined[doc.name] = [shifted(a, o) for o, _, f, t in local for a in combine(f, t)]
        raw = {trim(doc.text, o + s.start_char, o + s.end_char) for (o, _), ss in zip(paragraphs, spans) for s in ss if s.label_ == "CUE"}
        gold = {_extent(doc.text, a.cue) for a in doc.attributions}
        raw_hits, raw_count, gold_count = raw_hits + len(raw & gold), raw_count + len(raw), gold_count + len(gold)
    ways = {"frames": frames.get, "tagger": tagged.get, "combined": combined.get}
    result: dict[str, object] = {"articles": len(docs)}
    for way, attributions in ways.items():
        row = score(docs, lambda d: [Predicted(a.cue, a.source, a.content) for a in attributions(d.name)])["all"]
        result[way] = row
        print(f"{way:9} cue {row['cue_f1']:6.2f}  source {row['source_f1']:6.2f}  content {row['content_f1']:6.2f}")
    result["tagger_raw_cue_spans"] = {"p": round(100 * raw_hits / raw_count, 2), "r": round(100 * raw_hits / gold_count, 2)}
    print("tagger raw cue spans:", result["tagger_raw_cue_spans"])
    if not args.no_save:
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
