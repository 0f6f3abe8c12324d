"""The report in a real browser (Debian's headless Chromium): no console error, no network request,
no script from article content executes, and clicking a shared passage highlights it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DEMO, demo_text, shared

from newsprism.api import run
from newsprism.settings import Settings

CHROMIUM, DRIVER = shutil.which("chromium") or "/usr/bin/chromium", shutil.which("chromedriver") or "/usr/bin/chromedriver"
MARK = "window.__xss=1"
# Each payload, if it ever ran, would set window.__xss. Contexts: element, attribute, URL, raw-text
# elements, template syntax, encodings.
PAYLOADS = [
    f"<script>{MARK}</script>", f"<img src=x onerror={MARK}>", f"<svg onload={MARK}>", f"<svg><script>{MARK}</script></svg>",
    f'"><img src=x onerror={MARK}>', f"'><img src=x onerror={MARK}>", f"</title><script>{MARK}</script>",
    f"</style><script>{MARK}</script>", f"</textarea><script>{MARK}</script>", f"<iframe srcdoc='<script>parent.{MARK}</script>'>",
    f"<body onload={MARK}>", f"<details open ontoggle={MARK}>", f"<math><mtext><img src=x onerror={MARK}></mtext></math>",
    f"<a href=javascript:{MARK} id=xss>click</a>", f"<input autofocus onfocus={MARK}>", f"<video><source onerror={MARK}></video>",
    f"<object data='javascript:{MARK}'>", f"<embed src='javascript:{MARK}'>", f"<marquee onstart={MARK}>x</marquee>",
    f"<div style=\"background:url('javascript:{MARK}')\">", f"<base href='javascript:{MARK}//'>",
    f"<meta http-equiv=refresh content='0;url=javascript:{MARK}'>", f"<link rel=import href='data:text/html,<script>{MARK}</script>'>",
    f"<form><button formaction=javascript:{MARK}>x</button></form>", f"<select autofocus onfocus={MARK}>",
    f"<keygen autofocus onfocus={MARK}>", f"<isindex action=javascript:{MARK} type=image>", f"&lt;script&gt;{MARK}&lt;/script&gt;",
    f"{{{{ {MARK} }}}}", f"${{{MARK}}}", f"<scr<script>ipt>{MARK}</scr</script>ipt>", f"<IMG SRC=\"jav&#x09;ascript:{MARK}\">",
    f"<svg><animate onbegin={MARK} attributeName=x dur=1s>", f"\\u003cscript\\u003e{MARK}\\u003c/script\\u003e",
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.fail("Debian chromium and chromium-driver are needed (make test installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


NETWORK = ("http:", "https:", "ws:", "wss:", "ftp:")


def _requests(driver) -> list[str]:
    """URLs the page asked the network for (Chromium's own chrome:// pages are not the network)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            if message["params"]["request"]["url"].startswith(NETWORK):
                urls.append(message["params"]["request"]["url"])
    return urls


def _open(driver, path: Path) -> None:
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(path.as_uri())


def test_report_browser_demo_loads_clean_and_highlights(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    run([DEMO], tmp_path, Settings(model="rules"))
    report = tmp_path / "report.html"
    _open(browser, report)
    assert browser.title.startswith("newsprism report: 5 articles")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert _requests(browser) == []
    browser.find_element(By.CSS_SELECTOR, 'button.show[data-mark="p0-0"]').click()
    active = browser.find_elements(By.CSS_SELECTOR, "mark.active")
    by_article: dict[str, str] = {}
    for m in active:  # a passage may be cut into pieces where a quote inside it starts or ends
        label = m.find_element(By.XPATH, "ancestor::article").get_attribute("aria-label")
        by_article[label] = by_article.get(label, "") + m.get_attribute("textContent")
    assert len(by_article) == 2 and all(t.startswith("Your cooperation with the Syrian Arab Army") for t in by_article.values())
    assert "p0-0" in browser.switch_to.active_element.get_attribute("data-mark").split()
    # a ledger figure: the Reuters copy's "1.8 million" displaced, highlighted in its own article
    button = next(b for b in browser.find_elements(By.CSS_SELECTOR, "#ledger button.show")
                  if "1.8 million" in b.find_element(By.XPATH, "..").text)
    button.click()
    active = browser.find_elements(By.CSS_SELECTOR, "mark.active")
    assert [m.text for m in active] == ["1.8 million"]
    article = active[0].find_element(By.XPATH, "ancestor::article")
    assert "Haaretz" in article.get_attribute("aria-label")
    # a quote group member: Haaretz's "a festering abscess", highlighted in its own sentence
    group = next(g for g in browser.find_elements(By.CSS_SELECTOR, "#quotes .quote-group") if "festering abscess" in g.text)
    member = next(li for li in group.find_elements(By.CSS_SELECTOR, "li") if "Haaretz" in li.text)
    member.find_element(By.CSS_SELECTOR, "button.show").click()
    active = browser.find_elements(By.CSS_SELECTOR, "mark.active")
    assert " ".join("".join(m.get_attribute("textContent") for m in active).split()) == "a festering abscess"
    assert "Haaretz" in active[0].find_element(By.XPATH, "ancestor::article").get_attribute("aria-label")


def test_report_browser_entities_and_map(browser, tmp_path: Path) -> None:
    """With the project's language model: the entity table, the Nusra/HTS table, the offline map."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    run([DEMO], tmp_path)
    _open(browser, tmp_path / "report.html")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert _requests(browser) == []
    # a point on the map: Khan Sheikhoun, highlighted where Haaretz names it
    browser.find_element(By.CSS_SELECTOR, '#places svg g.show[aria-label="Khan Sheikhoun"] circle').click()
    active = browser.find_elements(By.CSS_SELECTOR, "mark.active")
    assert [m.text for m in active] == ["Khan Sheikhoun"]
    assert "Haaretz" in active[0].find_element(By.XPATH, "ancestor::article").get_attribute("aria-label")
    # the map answers the keyboard too
    browser.find_element(By.CSS_SELECTOR, '#places svg g.show[aria-label="Damascus"]').send_keys(Keys.ENTER)
    assert [m.text for m in browser.find_elements(By.CSS_SELECTOR, "mark.active")] == ["Damascus"]
    # the entity table: how The Independent names HTS
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#entities table.entities tbody tr")
               if r.find_element(By.CSS_SELECTOR, "th").text.startswith("Hayat Tahrir al-Sham"))
    assert "The Independent: Tahrir al-Sham ×3" in row.text
    # same actor or not: the pro-Kremlin site equates HTS with the Nusra Front, with its sentence
    table = next(t for t in browser.find_elements(By.CSS_SELECTOR, "#entities table.equations") if "Nusra" in t.text)
    kremlin = next(r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "pro-Kremlin" in r.text)
    assert "one actor" in kremlin.text and "formerly Jebat Al-Nusra" in kremlin.text
    kremlin.find_element(By.CSS_SELECTOR, "button.show").click()
    assert "formerly Jebat Al-Nusra" in _active_text(browser)[0]


SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"


def _active_text(browser) -> tuple[str, str]:
    """The highlighted text, and the article it is in."""
    from selenium.webdriver.common.by import By

    active = browser.find_elements(By.CSS_SELECTOR, "mark.active")
    assert active, "nothing highlighted"
    return (" ".join("".join(m.get_attribute("textContent") for m in active).split()),
            active[0].find_element(By.XPATH, "ancestor::article").get_attribute("aria-label"))


def test_report_browser_overview_answers_with_provenance(browser, tmp_path: Path) -> None:
    """The demo questions, each one click from its sentence; screenshots of the overview and an
    article view go to build/screenshots (make screenshots copies them into docs/)."""
    from selenium.webdriver.common.by import By

    run([DEMO], tmp_path)
    browser.set_window_size(1400, 1800)
    _open(browser, tmp_path / "report.html")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert _requests(browser) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.find_element(By.ID, "overview").screenshot(str(SCREENSHOTS / "overview.png"))
    # which two pages are Reuters copy
    overview = browser.find_element(By.ID, "overview").text
    assert "Haaretz (Reuters copy) and The Independent are one source" in overview
    # the summary: a statement highlights its exact sentence in its article
    statement = browser.find_element(By.CSS_SELECTOR, "ol.summary li.statement")
    said = statement.find_element(By.CSS_SELECTOR, ".said").text
    statement.find_element(By.CSS_SELECTOR, "button.show").click()
    text, article = _active_text(browser)
    assert text == " ".join(said.split())
    assert article == statement.find_element(By.CSS_SELECTOR, "button.show").text
    # which numbers differ: the population figures, each side in its own sentence
    differ = next(li for li in browser.find_elements(By.CSS_SELECTOR, "ol.summary li.disagreement")
                  if "population" in li.text)
    side = next(li for li in differ.find_elements(By.CSS_SELECTOR, "li") if li.text.startswith("Haaretz"))
    side.find_element(By.CSS_SELECTOR, "button.show").click()
    text, article = _active_text(browser)
    assert "home to 3 million people, of whom 1.8 million are displaced" in text and article.startswith("Haaretz")
    # the matrix: The Independent gives Lavrov's words to Russia; the cell shows where
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#matrix ~ div table.matrix tbody tr, table.matrix tbody tr")
               if "festering abscess" in r.text)
    cell = row.find_elements(By.CSS_SELECTOR, "td.cov")[-1]
    assert "different" in cell.get_attribute("class") and "attributed to Russia" in cell.text
    cell.find_element(By.CSS_SELECTOR, "button.show").click()
    text, article = _active_text(browser)
    assert "festering abscess" in text and article == "The Independent"
    browser.execute_script("window.scrollBy(0, -120)")
    browser.save_screenshot(str(SCREENSHOTS / "article.png"))
    # what each outlet leaves out
    left_out = next(r for r in browser.find_elements(By.CSS_SELECTOR, "table.omissions tbody tr") if "pro-Kremlin" in r.text)
    assert "population (total)" in left_out.text
    # who calls HTS "terrorists", and in whose voice
    terrorists = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#framing table.framing tbody tr")
                      if r.find_element(By.CSS_SELECTOR, "th").text.startswith("terrorists"))
    assert "of Hayat Tahrir al-Sham" in terrorists.text
    headers = [h.text for h in terrorists.find_element(By.XPATH, "ancestor::table").find_elements(By.CSS_SELECTOR, "thead th")][1:]
    kremlin = terrorists.find_elements(By.CSS_SELECTOR, "td")[next(i for i, h in enumerate(headers) if "pro-Kremlin" in h)]
    own = next(b for b in kremlin.find_elements(By.CSS_SELECTOR, "button.voice") if "own words" in b.text)
    own.click()
    text, article = _active_text(browser)
    assert text.lower() == "terrorists" and "pro-Kremlin" in article
    # whom each outlet quotes
    assert "Sergei Lavrov" in browser.find_element(By.CSS_SELECTOR, "table.sourcing").text
    # readable contrast: every kind of text styled apart reaches WCAG AA (4.5:1) on its background
    assert browser.execute_script(CONTRAST) == []


# The WCAG contrast ratio of each styled text against the first opaque background behind it.
CONTRAST = """
function lum(c) {
  var v = c.match(/[0-9.]+/g).slice(0, 3).map(function (x) { x = x / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function background(el) {
  for (; el; el = el.parentElement) {
    var bg = getComputedStyle(el).backgroundColor, parts = bg.match(/[0-9.]+/g);
    if (parts && (parts.length < 4 || parseFloat(parts[3]) > 0.5)) { return bg; }
  }
  return "rgb(255, 255, 255)";
}
var bad = [];
document.querySelectorAll("p.muted, span.muted, .kind, .status, td.cov, .note, .tone, del, ins, a, button, th, mark, .conflict, .said, caption").forEach(function (el) {
  if (!el.textContent.trim()) { return; }
  var a = lum(getComputedStyle(el).color), b = lum(background(el));
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) { bad.push(el.tagName + "." + el.className + " " + ratio.toFixed(2) + ": " + el.textContent.trim().slice(0, 30)); }
});
return bad.slice(0, 20);
"""


def test_report_browser_long_tables_page(browser, tmp_path: Path) -> None:
    """60 bulk articles: the article table shows 50 rows at a time; every row prints."""
    import gzip

    from selenium.webdriver.common.by import By

    pages = tmp_path / "bulk.jsonl"
    with gzip.open(shared("bulk", "article-bias-10k.jsonl.gz"), "rt", encoding="utf-8") as fh, pages.open("w") as out:
        for _, line in zip(range(60), fh):
            out.write(line)
    story, _ = run([pages], tmp_path / "out", Settings(model="rules"))
    _open(browser, tmp_path / "out" / "report.html")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    rows = browser.find_elements(By.CSS_SELECTOR, "#articles table tbody tr")
    assert len(rows) == 60 and sum(r.is_displayed() for r in rows) == 50
    pager = browser.find_element(By.CSS_SELECTOR, "#articles nav.pager")
    assert "rows 1–50 of 60" in pager.text
    pager.find_elements(By.CSS_SELECTOR, "button")[1].click()
    assert sum(r.is_displayed() for r in rows) == 10 and "rows 51–60 of 60" in pager.text
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert sum(r.is_displayed() for r in rows) == 60
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # above write_report's lazy_after, texts wait in <template>s until an item or a title needs them
    from newsprism.report.html import write_report

    write_report(story, tmp_path / "lazy.html", lazy_after=50)
    _open(browser, tmp_path / "lazy.html")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    assert browser.find_elements(By.CSS_SELECTOR, "article.article") == []
    button = next(b for b in browser.find_elements(By.CSS_SELECTOR, "#ledger button.show, #timeline button.show")
                  if b.is_displayed())
    button.click()
    text, article = _active_text(browser)
    assert text and len(browser.find_elements(By.CSS_SELECTOR, "article.article")) >= 1
    link = browser.find_elements(By.CSS_SELECTOR, "#articles table tbody tr a")[0]
    target = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    assert browser.find_element(By.ID, target).tag_name == "article"


def test_report_browser_xss_payloads_execute_nothing(browser, tmp_path: Path) -> None:
    assert len(PAYLOADS) >= 30
    pages = tmp_path / "pages"
    pages.mkdir()
    lines = demo_text("independent").split("\n")
    manifest = ["file,outlet,author,title"]
    for i, payload in enumerate(PAYLOADS):
        page = list(lines)
        page[4] = f"{page[4]} {payload}"  # the title line
        page[23] = f"{payload} {page[23]}"  # the first body paragraph
        (pages / f"x{i:02d}.txt").write_text("\n".join(page), encoding="utf-8")
        quoted = payload.replace('"', '""')
        manifest.append(f'x{i:02d}.txt,"Outlet {quoted}","Author {quoted}",')
    (pages / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    story, _ = run([pages], tmp_path / "out", Settings(model="rules"))
    assert len(story.articles) == len(PAYLOADS)
    _open(browser, tmp_path / "out" / "report.html")
    assert browser.execute_script("return window.__xss") is None
    injected = browser.execute_script("return document.querySelectorAll('img,svg:not(.map),iframe,object,embed,video,input,select,form,base,link[rel=import],marquee,details:not(.dropped),math').length")
    assert injected == 0
    # the report's own map (the pages name places) is the one svg, drawn by newsprism with no script in it
    assert browser.execute_script("return document.querySelectorAll('svg.map').length") <= 1
    assert browser.execute_script("return document.querySelectorAll('svg script, svg [onload], svg foreignObject').length") == 0
    text = browser.execute_script("return document.body.innerText")
    for payload in PAYLOADS[:5]:
        assert payload in text  # shown as text
    assert _requests(browser) == []
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
