"""The review pages in a real browser: Debian's Chromium, headless, driven by Selenium.

Chromium and its driver come from the system (`.ci/run` installs them with apt-get); nothing
is downloaded at run time. These tests are never skipped: without Chromium they fail.
"""

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.review import build

from .conftest import DUMPS
from .test_review import HOSTILE

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    assert CHROMIUM.exists() and CHROMEDRIVER.exists(), \
        "Debian's chromium and chromium-driver are needed: apt-get install chromium chromium-driver fonts-noto-cjk"
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager, should it run, must not download a browser or driver
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """The golden pages and a hostile one, reflowed with --review."""
    root = tmp_path_factory.mktemp("review")
    inputs = root / "inputs"
    inputs.mkdir()
    for dump in DUMPS:
        (inputs / dump.name).write_bytes(dump.read_bytes())
    (inputs / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(app, ["reflow", str(inputs), "-o", str(root / "out"), "--review", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return root / "out"


def _records(out: Path, stem: str) -> list[dict]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [r for r in map(json.loads, lines) if r["path"].startswith(stem + "/")]


def _open(browser, path: Path) -> None:
    browser.get(path.as_uri())
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


def _selected_lines(browser) -> list[int]:
    return browser.execute_script("return Array.from(document.querySelectorAll('.ln.sel')).map(e => +e.dataset.line)")


def _span_lines(record: dict) -> list[int]:
    return sorted({n for first, last, _ in record["spans"] for n in range(first, last + 1)})


def test_every_item_is_listed_with_its_title(browser, out):
    for dump in DUMPS:
        _open(browser, out / "review" / f"{dump.stem}.html")
        cards = browser.find_elements(By.CSS_SELECTOR, "article.item")
        records = _records(out, dump.stem)
        assert [c.find_element(By.CSS_SELECTOR, ".num").text for c in cards] == [r["path"].split("/")[1] for r in records]
        for card, record in zip(cards, records):
            if record["title"]:
                assert card.find_element(By.CSS_SELECTOR, ".md h1").text == record["title"]
            assert card.find_element(By.CSS_SELECTOR, ".kind").text.lower() == record["kind"]


def test_clicking_an_item_highlights_exactly_its_lines(browser, out):
    for dump in DUMPS:
        _open(browser, out / "review" / f"{dump.stem}.html")
        for k, record in enumerate(_records(out, dump.stem)):
            browser.find_element(By.CSS_SELECTOR, f"#item-{k} .num").click()
            assert _selected_lines(browser) == _span_lines(record), (dump.stem, k)
            first = browser.find_element(By.ID, f"L{record['spans'][0][0]}")
            assert browser.execute_script(  # scrolled to: its first line is in the left pane's view
                "const r = arguments[0].getBoundingClientRect(), p = document.getElementById('dump-pane')"
                ".getBoundingClientRect(); return r.top >= p.top && r.bottom <= p.bottom;", first)
            browser.find_element(By.CSS_SELECTOR, f"#item-{k} .num").click()  # a second click clears
            assert _selected_lines(browser) == []


def test_clicking_a_line_selects_its_item_and_all_its_lines(browser, out):
    stem = DUMPS[0].stem
    _open(browser, out / "review" / f"{stem}.html")
    for k, record in enumerate(_records(out, stem)):
        last_line = record["spans"][-1][1]
        browser.find_element(By.CSS_SELECTOR, f"#L{last_line} .no").click()
        selected = browser.find_elements(By.CSS_SELECTOR, "article.item.sel")
        assert [card.get_attribute("id") for card in selected] == [f"item-{k}"]
        assert _selected_lines(browser) == _span_lines(record)
    browser.find_element(By.CSS_SELECTOR, "body").send_keys("\ue00c")  # Escape clears the selection
    assert _selected_lines(browser) == [] and not browser.find_elements(By.CSS_SELECTOR, "article.item.sel")


def test_warnings_show_their_codes_and_descriptions(browser, out):
    descriptions = build.load_descriptions()
    seen = 0
    for dump in DUMPS:
        _open(browser, out / "review" / f"{dump.stem}.html")
        for k, record in enumerate(_records(out, dump.stem)):
            shown = browser.find_elements(By.CSS_SELECTOR, f"#item-{k} .warning")
            assert len(shown) == len(record["warnings"])
            for element, warning in zip(shown, record["warnings"]):
                code, message = warning.split(" ", 1)
                assert element.find_element(By.CSS_SELECTOR, ".code").text == code
                assert element.find_element(By.CSS_SELECTOR, ".message").text == message
                assert element.find_element(By.CSS_SELECTOR, ".description").text == descriptions[code]
                seen += 1
    assert seen >= 2  # the golden run's AS01 and AS03 (so that the test cannot pass on no warning at all)


def test_a_changed_line_shows_a_marker_and_its_before_and_after_on_hover(browser, out):
    _open(browser, out / "review" / f"{DUMPS[0].stem}.html")
    marked = browser.execute_script("return Array.from(document.querySelectorAll('.ln.changed')).map(e => +e.dataset.line)")
    assert 18 in marked  # 和 灭 火 器 材 …, printed spread (SP02)
    line = browser.find_element(By.ID, "L18")
    assert line.find_element(By.CSS_SELECTOR, ".mk").text == "✎"
    ActionChains(browser).move_to_element(line.find_element(By.CSS_SELECTOR, ".tx")).perform()
    tip = browser.find_element(By.ID, "tip")
    assert tip.is_displayed()
    assert "SP02 close-spread-characters" in tip.text
    assert "− 和 灭 火 器 材 操 作 等 方 面 的 知" in tip.text and "+ 和灭火器材操作等方面的知" in tip.text
    assert browser.find_element(By.CSS_SELECTOR, "#L20 .mk").text == ""  # a line no rule changed


def test_a_hostile_dump_renders_as_text(browser, out):
    _open(browser, out / "review" / "hostile.html")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    shown = browser.execute_script("return Array.from(document.querySelectorAll('.ln .tx')).map(e => e.textContent)")
    assert shown == HOSTILE.rstrip("\n").split("\n")
    items = browser.find_element(By.ID, "items-pane").text
    assert "<script>alert（“item”）</script>" in items and "“</textarea>”" in items  # (its marks widened)
    assert "[点此](javascript:alert(2))" in items and "{{ 7*7 }}" in (out / "hostile" / "01.md").read_text() + items
    counts = browser.execute_script(
        "return [document.scripts.length, document.images.length, document.querySelectorAll('textarea, b').length,"
        " Array.from(document.links).filter(a => a.href.startsWith('javascript')).length]")
    assert counts == [2, 0, 0, 0]


def test_a_review_page_screenshot_is_not_blank(browser, out):
    _open(browser, out / "review" / f"{DUMPS[0].stem}.html")
    browser.find_element(By.CSS_SELECTOR, "#item-1 .num").click()
    image = Image.open(io.BytesIO(browser.get_screenshot_as_png())).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 200  # tints, role tags, text in two fonts
    assert max(count for count, _ in colours) < 0.8 * image.width * image.height


def test_the_index_links_every_page_most_warned_first(browser, out):
    _open(browser, out / "review" / "index.html")
    rows = browser.find_elements(By.CSS_SELECTOR, "#pages tbody tr")
    assert sorted(r.find_element(By.TAG_NAME, "a").text for r in rows) == sorted([d.stem for d in DUMPS] + ["hostile"])
    warnings = [int(r.find_elements(By.TAG_NAME, "td")[2].text) for r in rows]
    assert warnings == sorted(warnings, reverse=True)
    rows[0].find_element(By.TAG_NAME, "a").click()
    assert browser.find_elements(By.CSS_SELECTOR, "article.item")


def test_the_index_of_ten_thousand_pages_shows_one_screen_and_sorts(browser, tmp_path):
    summaries = [build.Summary(f"p{n:05d}", f"p{n:05d}.html", 5 + n % 7, n % 13, n % 3,
                               build.Counter({"AS01": 1} if n % 13 else {"AS05": 2})) for n in range(10_000)]
    order = sorted(summaries, key=lambda s: (-s.warnings, s.stem))
    html = build._environment().get_template("index.html").render(**build._index_context(order, {}))
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    _open(browser, tmp_path / "index.html")

    def shown():
        return browser.execute_script(
            "return Array.from(document.querySelectorAll('#pages tbody tr')).map(tr => tr.cells[0].textContent)")

    assert len(shown()) == build.INDEX_ROWS
    assert browser.find_element(By.ID, "shown").text == "1–100 of 10000"
    assert shown()[0] == "p00012"  # 12 warnings, the most; then by name
    browser.find_element(By.ID, "later").click()
    assert browser.find_element(By.ID, "shown").text == "101–200 of 10000"
    browser.find_element(By.CSS_SELECTOR, "th[data-key='0']").click()  # by page name
    assert shown()[:3] == ["p00000", "p00001", "p00002"]
    browser.find_element(By.ID, "filter").send_keys("AS05")
    assert browser.find_element(By.ID, "shown").text == f"1–100 of {sum(1 for s in summaries if 'AS05' in s.codes)}"
