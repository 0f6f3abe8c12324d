"""Attribution (cue / source / content) on PolNeAR dev, overall and per publisher.

The cue lexicon is learned from PolNeAR train (tools/learn_cues.py) and the attribution tagger is
trained on it (`make attribution`); dev is only scored here. `--attribution rules` scores the cue
lexicon's frames alone.
Cue and source: exact-match F1; content: token-overlap F1 (see newsprism.evaluation.polnear).
Usage: python bench/quotes_polnear.py [--split dev] [--attribution tagger|rules] [--no-save]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsprism.evaluation.polnear import Predicted, read_split, score
from newsprism.nlp.pipeline import load_pipeline
from newsprism.quotes import cues
from newsprism.quotes.run import attributions_in, parse_paragraphs
from newsprism.quotes.tagger import load_tagger

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes" / "polnear" / "data"
RESULTS = Path(__file__).resolve().parent / "results" / "quotes_polnear.json"


def evaluate(folder: Path, attribution: str = "tagger") -> dict[str, dict[str, float]]:
    docs = read_split(folder)
    lexicon = cues.load()
    nlp = load_pipeline(None)
    tagger = load_tagger(nlp.vocab) if attribution == "tagger" else None
    parsed = dict(zip((d.name for d in docs), parse_paragraphs(nlp, (d.text for d in docs))))
    return score(docs, lambda doc: [Predicted(a.cue, a.source, a.content)
                                    for a in attributions_in(parsed[doc.name], lexicon, tagger)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--attribution", choices=("tagger", "rules"), default="tagger")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    results = evaluate(args.data / args.split, args.attribution)
    for name, row in results.items():
        print(f"{name:13} cue {row['cue_f1']:6.2f}  source {row['source_f1']:6.2f}  content {row['content_f1']:6.2f}")
    if not args.no_save:
        path = RESULTS if args.attribution == "tagger" else RESULTS.with_name("quotes_polnear_rules.json")
        path.write_text(json.dumps({"split": args.split, "attribution": args.attribution, "scores": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
