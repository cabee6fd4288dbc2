"""The course on a phone (issue 22): pages that fit 320 px and 200 % zoom, focus in view and visible on every
background, a home page that starts the course, a search index fetched only when search opens, and lessons
that read offline once the service worker has fetched them. One browser for the file (conftest's session)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser_wait import until
from tests.conftest import PROFILES, catalogue, soup

pytestmark = pytest.mark.browser

PHONE = PROFILES["phone"]
# Pages with the widest content: reply templates, the engagement-rate table (952 px before), worksheets.
WIDE = ["", "tools/reply-templates/", "tools/smart-goal-worksheet/", "05-measuring/03-engagement-rate/",
        "03-replies/02-reply-frameworks/", "04-moderation/05-defamation-and-red-lines/", "progress/"]

# The contrast of the focus ring with what is behind it: the nearest box behind the focused element that has
# an opaque background (the ring is drawn 2 px outside the element), computed as WCAG does.
RING_CONTRAST = """el => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b]
    .map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  // A ring drawn inside the element (negative offset) sits on the element's own background.
  let node = parseFloat(getComputedStyle(el).outlineOffset) < 0 ? el : el.parentElement, bg = [255, 255, 255];
  for (; node; node = node.parentElement) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || c[3] > 0.5) { bg = c; break; }
  }
  const style = getComputedStyle(el), ring = rgb(style.outlineColor);
  const [a, b] = [lum(ring), lum(bg)].sort((x, y) => y - x);
  return {ratio: (a + 0.05) / (b + 0.05), width: parseFloat(style.outlineWidth), style: style.outlineStyle,
          what: el.outerHTML.slice(0, 80)};
}"""

# Where the focused element is: inside the viewport, and on top at its centre (not under the fixed header or
# another fixed bar; elementFromPoint sees what is drawn there, whatever the z-index).
WHERE = """el => {
  // A link that wraps has one box per line: its first line is where the eye goes.
  const r = el.getClientRects()[0] || el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
  const top = document.elementFromPoint(x, y);
  return {inside: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1
            && r.right <= innerWidth + 1,
          onTop: !!top && (el.contains(top) || top.contains(el) || (el.labels && [...el.labels].includes(top))),
          what: [el.outerHTML.slice(0, 60), r.top, r.bottom, innerHeight,
                 top ? top.outerHTML.slice(0, 60) : ""].join(" | ")};
}"""


def test_no_page_has_two_h1_and_author_pages_are_out_of_the_menu(built_real: Path) -> None:
    pages = sorted(built_real.glob("*/**/index.html"))
    assert len(pages) > 100
    doubled = [str(p.relative_to(built_real)) for p in pages if len(soup(p).select("article h1")) > 1]
    assert doubled == [], "a Markdown line starting with '#' became a second title"
    for lang in ("en", "fr"):
        lesson = soup(built_real / lang / "01-goals" / "01-why-a-goal" / "index.html")
        menu = [a.get("href", "") for a in lesson.select(".md-nav--primary a")]
        assert menu and not any(re.search(r"(authoring|deploy|trainers)/$", str(h)) for h in menu), menu
        about = [a.get("href", "") for a in soup(built_real / lang / "about" / "index.html").select("article a")]
        assert {"../authoring/", "../deploy/", "../trainers/"} <= set(about)
        assert (built_real / lang / "deploy" / "index.html").is_file()
        # Nor in the learner's search results (a blind walk found the hosting pages there), while lessons are.
        index = json.loads((built_real / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        found = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "01-goals/01-why-a-goal/" in found and not found & {"authoring/", "deploy/", "trainers/"}, found


def test_templates_are_marked_and_durations_agree(built_real: Path) -> None:
    page = soup(built_real / "fr" / "tools" / "reply-templates" / "index.html")
    templates = page.select("pre.cq-template > code")
    assert len(templates) == 12 and "Bonjour [prénom]" in templates[2].text
    home = soup(built_real / "fr" / "index.html")
    cards = [int(re.search(r"(\d+)\xa0min", c.text).group(1)) for c in home.select(".cq-card-meta")]
    data = json.loads(str(home.select_one("#cq-map").string))
    lessons = [sum(lesson["duration"] for lesson in m["lessons"]) for m in data["modules"]]
    assert cards == lessons, "a card's minutes are its lessons' minutes"
    total = sum(lessons)
    assert f"{total // 60}\xa0h {total % 60:02d} au total" in home.select_one(".cq-glance").text
    overview = soup(built_real / "fr" / "01-goals" / "index.html").select_one("article").text
    assert f"{lessons[0]}\xa0min" in overview
    home.select_one(".cq-glance").decompose()  # the computed total (which may well come to 4 h 30 itself)
    assert not re.search(r"4\s*h\s*30|4½", home.text), "no hand-written course duration left to disagree"


def test_pages_fit_320_px_and_200_percent_zoom(browser: Any, built_real: Path, serve: Any) -> None:
    base = serve(built_real)
    # 200 % zoom of a 1366 px laptop: 683 CSS pixels, each drawn with two device pixels.
    for size, scale in (((320, 640), 1), ((683, 384), 2)):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, device_scale_factor=scale,
                                      service_workers="block")
        page = context.new_page()
        wide = {}
        for lang in ("en", "fr"):
            for path in WIDE:
                page.goto(f"{base}/{lang}/{path}")
                sizes = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                                      " Math.max(0, ...[...document.querySelectorAll('article *')]"
                                      ".map(e => e.getBoundingClientRect().right))]")
                if sizes[0] > sizes[1] or sizes[2] > sizes[1] + 1:
                    wide[f"{lang}/{path} at {size[0]} px"] = sizes
        context.close()
        assert wide == {}


def test_home_on_a_phone_starts_with_a_button_then_the_cards(browser: Any, built_real: Path, serve: Any) -> None:
    context = browser.new_context(**PHONE, service_workers="block")
    page = context.new_page()
    page.goto(f"{serve(built_real)}/fr/")
    go = page.locator(".cq-resume-next a")
    go.wait_for()
    box = go.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300 and box["y"] + box["height"] < 844, box
    assert go.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16
    first = page.evaluate("[...document.querySelector('article').children].filter(e => e.offsetHeight)"
                          ".slice(0, 3).map(e => e.className || e.tagName)")
    assert first[0] == "H1" and "cq-resume" in first[1] and first[2] == "H2", first
    assert page.evaluate("getComputedStyle(document.querySelector('.admonition')).fontSize") == "16px"
    context.close()


@pytest.mark.parametrize("profile", ["phone", "laptop"])
def test_keyboard_focus_stays_in_view_with_a_ring_of_3_to_1(browser: Any, built_real: Path, serve: Any,
                                                             profile: str) -> None:
    context = browser.new_context(**PROFILES[profile], service_workers="block")
    page = context.new_page()
    hidden, faint = [], []
    for path in ("fr/03-replies/02-reply-frameworks/", "fr/05-measuring/03-engagement-rate/"):
        page.goto(f"{serve(built_real)}/{path}")
        if profile == "phone":
            # From the lesson's text: on a phone, Tab out of Material's search panel lands focus on a link while
            # the panel gives the page back its old scroll position (a limit of Material, left as it is).
            page.evaluate("() => { const a = document.querySelector('article'); a.tabIndex = -1; a.focus(); }")
        for _ in range(60):
            page.keyboard.press("Tab")
            focused = page.evaluate_handle("document.activeElement")
            if page.evaluate("e => e === document.body", focused):
                break  # the end of the page: one pass
            where = page.evaluate(WHERE, focused)
            if not (where["inside"] and where["onTop"]):
                page.wait_for_timeout(400)  # what focus opens (the search panel) slides in first
                where = page.evaluate(WHERE, focused)
            if not (where["inside"] and where["onTop"]):
                hidden.append(where["what"])
            ring = page.evaluate(RING_CONTRAST, focused)
            if ring["ratio"] < 3:
                page.wait_for_timeout(400)  # the search field turns white as its panel opens
                ring = page.evaluate(RING_CONTRAST, focused)
            if ring["style"] == "none" or ring["width"] < 2 or ring["ratio"] < 3:
                faint.append(ring)
    context.close()
    assert hidden == [], f"focus off screen or under a fixed bar: {hidden}"
    assert faint == [], f"focus ring below 3:1 on its background: {faint}"


def test_search_index_waits_for_search_and_search_still_works(page: Any, built_real: Path, serve: Any) -> None:
    page.goto(f"{serve(built_real)}/fr/01-goals/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "search_index" in u], "the index is fetched before search opens"
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("reponse")
    page.locator(".md-search-result__item").first.wait_for()
    assert [u for u in page.requests if u.endswith("/search/search_index.json")]


def test_after_the_first_page_every_lesson_reads_offline(browser: Any, built_real: Path, tmp_path: Path) -> None:
    import functools
    import http.server
    import shutil
    import threading

    listed = re.search(r"FILES=(\[.*?\]);", (built_real / "fr" / "sw.js").read_text(encoding="utf-8"))
    assert listed and "01-goals/01-why-a-goal/" in json.loads(listed.group(1))
    assert not any("search_index" in f for f in json.loads(listed.group(1)))
    # A server of our own, to stop it: the learner's connection gone, not a browser flag.
    shutil.copytree(built_real / "fr", tmp_path / "fr")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(f"{base}/fr/")
        until(page, "n => caches.keys().then(k => k.length && caches.open(k[0]))"
                    ".then(c => c && c.keys()).then(r => r && r.length >= n)",
              len(json.loads(listed.group(1))), what="the course in the worker's cache")
        until(page, "navigator.serviceWorker.ready.then(r => r.active.state === 'activated')")
    finally:
        server.shutdown()
        server.server_close()
    page.goto(f"{base}/fr/07-secure-local-new/03-posts-from-a-phone/")
    assert "téléphone" in page.locator("article h1").inner_text()
    page.goto(f"{base}/fr/05-measuring/quiz/")
    assert page.locator(".cq-question").count() > 5
    context.close()


def test_a_reply_to_copy_wraps_inside_its_box_on_a_phone(browser: Any, built_real: Path, serve: Any) -> None:
    """The reply bank's replies and a lesson's assembled reply: read without a sideways swipe (a blind walk's find)."""
    base = serve(built_real)
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    for path in ("fr/tools/reply-bank/", "fr/03-replies/02-reply-frameworks/"):
        page.goto(f"{base}/{path}")
        boxes = page.evaluate("[...document.querySelectorAll('pre.cq-template > code')]"
                              ".map(c => [c.scrollWidth, c.clientWidth])")
        assert boxes and all(scroll <= client + 1 for scroll, client in boxes), (path, boxes)
        # The text to copy is as large as the lesson's own (it was Material's code size, 13.6 px: a blind walk).
        sizes = page.evaluate("[document.querySelector('article p'), document.querySelector('pre.cq-template > code')]"
                              ".map(e => getComputedStyle(e).fontSize)")
        assert sizes[0] == sizes[1] == "16px", (path, sizes)
    context.close()


def test_a_wide_table_becomes_cards_without_empty_labels(browser: Any, built_real: Path, serve: Any) -> None:
    """The engagement-rate example on a phone: one card per post, and the total's card shows only its figures."""
    base = serve(built_real)
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    page.goto(f"{base}/fr/05-measuring/03-engagement-rate/")
    cards = page.evaluate("[...document.querySelectorAll('table.cq-stack tr')].filter(r => r.querySelector('td'))"
                          ".map(r => [...r.querySelectorAll('td')].filter(c => c.offsetHeight > 0)"
                          ".map(c => [c.getAttribute('data-label'), c.innerText.trim()]))")
    # A tool's blank table to copy (the plan d'indicateurs): every column keeps its name on the card, blank or not.
    page.goto(f"{base}/fr/01-goals/03-indicators/")
    shown = page.evaluate("[...[...document.querySelectorAll('table.cq-stack')].pop().querySelector('tbody tr')"
                          ".querySelectorAll('td')].filter(c => c.offsetHeight > 0).map(c => c.dataset.label)")
    context.close()
    assert len(shown) == 7 and shown[0] == "objectif", shown
    total = next(card for card in cards if "Total de mars" in card[0][1])
    assert [label for label, _ in total] == ["publication", "portée", "interactions", "taux (portée)"], total
    assert all(text for card in cards for _, text in card), cards


def test_the_progress_table_on_a_phone_names_each_figure_by_its_own_column(browser: Any, built_real: Path,
                                                                          serve: Any) -> None:
    """Each row opens with its module as a row header: the cards' labels must not shift one column left (a blind
    walk read « Leçons lues : 6 sur 8 questions de contrôle répondues »)."""
    t = catalogue("fr")["site"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    page.goto(f"{serve(built_real)}/fr/progress/")
    page.wait_for_selector("table.cq-stack")
    rows = page.evaluate("[...document.querySelectorAll('table.cq-stack tbody tr')]"
                         ".map(r => [...r.querySelectorAll('td')].map(c => c.getAttribute('data-label')))")
    context.close()
    assert rows and all(labels == [t["col_lessons"], t["col_checks"], t["col_quiz"]] for labels in rows), rows
