"""Report generation for the 10,000 bulk articles as one corpus, and whether the page stays usable.

Issue 7's target: `newsprism report STORE -o report.html` completes within 60 s for the 10,000
articles of ../shared/data/bulk/article-bias-10k.jsonl.gz, and the page stays usable.

  report     the CLI in its own process: wall time, peak RSS, size of report.html
  stages     in this process: reading the store, the comparison (wire, coverage, framing, summary),
             rendering; the report's time as a ratio to reading the store alone
  browser    Debian's headless Chromium opens the file: time to DOMContentLoaded and to load, then
             the time one *show* click takes to highlight its sentence, and one page turn of a table

The store comes from `newsprism analyze` of the bulk file (about 20 minutes on 2 cores); it is kept
in build/bulk/out and reused. Run: .venv/bin/python bench/report_bulk.py [--store DB]
Writes bench/results/report_bulk.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"
STORE = ROOT / "build" / "bulk" / "out" / "newsprism.db"
NEWSPRISM = str(Path(sys.executable).with_name("newsprism"))
WRAPPER = ("import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
           "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(rc)")


def ensure_store(store: Path) -> None:
    if store.exists():
        return
    print(f"building the store: newsprism analyze {BULK} (about 20 minutes)", file=sys.stderr)
    subprocess.run([NEWSPRISM, "analyze", str(BULK), "-o", str(store.parent), "--no-progress", "-q"], check=True)


def timed_cli(store: Path, html: Path) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, NEWSPRISM, "report", str(store), "-o", str(html)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"newsprism report failed: {proc.stderr[-2000:]}")
    peak = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("PEAK_KB"))
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak / 1024, 1),
            "report_mb": round(html.stat().st_size / 2**20, 1)}


def stages(store: Path, html: Path) -> dict:
    from dataclasses import replace

    from newsprism.api import load_story
    from newsprism.compare import compare
    from newsprism.report.html import write_report

    t0 = time.perf_counter()
    story = load_story(store, comparison=False)
    t1 = time.perf_counter()
    comparison = compare(story)
    t2 = time.perf_counter()
    write_report(replace(story, comparison=comparison), html)
    t3 = time.perf_counter()
    return {"articles": len(story.articles), "read_store_seconds": round(t1 - t0, 1),
            "compare_seconds": round(t2 - t1, 1), "render_seconds": round(t3 - t2, 1),
            "facts": len(comparison.facts), "framing_uses": len(comparison.framing),
            "summary_points": len(comparison.summary), "families": len(comparison.families),
            "report_over_read_store": round((t3 - t0) / (t1 - t0), 2)}


def browser(html: Path) -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(300)
    try:
        start = time.perf_counter()
        driver.get(html.as_uri())
        wall = time.perf_counter() - start
        timing = driver.execute_script(
            "var t = performance.timing; return [t.domContentLoadedEventEnd - t.navigationStart, t.loadEventEnd - t.navigationStart];")
        severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        click_ms = driver.execute_script("""
            var b = document.querySelector('ol.summary button.show') || document.querySelector('button.show');
            if (!b) { return null; }
            var t = performance.now(); b.click();
            return document.querySelector('mark.active') ? performance.now() - t : -1;""")
        pager = driver.find_elements(By.CSS_SELECTOR, "nav.pager button")
        page_ms = driver.execute_script(
            "var t = performance.now(); arguments[0].click(); return performance.now() - t;", pager[1]) if pager else None
        return {"open_wall_seconds": round(wall, 1), "dom_content_loaded_ms": timing[0], "load_ms": timing[1],
                "show_click_ms": round(click_ms, 1) if click_ms is not None else None,
                "page_turn_ms": round(page_ms, 1) if page_ms is not None else None, "console_errors": len(severe)}
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=STORE)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "report_bulk.json")
    args = parser.parse_args()
    ensure_store(args.store)
    with tempfile.TemporaryDirectory(prefix="newsprism-report-bench-") as tmp:
        html = Path(tmp) / "report.html"
        result = {"store": str(args.store), "cpu_count": os.cpu_count(), "target_seconds": 60}
        result["report"] = timed_cli(args.store, html)
        result["browser"] = browser(html)
        result["stages"] = stages(args.store, Path(tmp) / "again.html")
    result["within_target"] = result["report"]["seconds"] <= 60
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
