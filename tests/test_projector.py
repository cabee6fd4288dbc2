"""The projector view (issue 24, item 2): each module as large-type screens for a workshop room, derived from its
lessons when the course is built, walked with the keyboard in Chromium at 1280×720 from the offline copy (file://).

Done when: module 3, in English and French, has no text under 28 px and no screen that scrolls (make test); every
module of the course is checked too, in both languages, so that the split rule holds for all seven (make test-all).
"""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.course.load import load_valid_course
from generator.course.model import Course, Module
from generator.exports.offline import build_offline, offline_name
from generator.render.docs import render_docs
from generator.render.projector import Screen, module_screens
from generator.render.projector_blocks import Block
from generator.render.projector_fit import Measure, pack
from tests.conftest import REPO
from tests.shared import Shared
from tests.test_a11y import axe_violations

VIEWPORT = {"width": 1280, "height": 720}
SMALLEST = 28  # px: what a room reads from the back at 1280×720 (issue 24)

# The screen shown now, as a trainer's room sees it: every visible text (of the whole page, or of the screen and
# the key bar: the rest of the page is hidden once the first screen was checked) and its computed size, whether
# the screen's content is bigger than the screen, the counter, and where the focus is.
SHOWN = """(whole) => {
  const screen = document.querySelector('.cq-screen:not([hidden])');
  const texts = [];
  for (const root of whole ? [document.body] : [screen, document.querySelector('.cq-projector-bar')]) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
  }
  let smallest = null;
  for (const node of texts) {
    const el = node.parentElement, box = el.getBoundingClientRect();
    if (!node.textContent.trim() || !box.width || !box.height
        || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (!smallest || size < smallest[0]) smallest = [size, node.textContent.trim().slice(0, 50)];
  }
  return {id: screen.id, shown: document.querySelectorAll('.cq-screen:not([hidden])').length,
          focused: document.activeElement === screen, label: screen.getAttribute('aria-label'),
          scrolls: screen.scrollHeight > screen.clientHeight || screen.scrollWidth > screen.clientWidth,
          count: document.querySelector('.cq-projector-count').textContent, smallest: smallest};
}"""


@pytest.fixture(scope="session")
def course() -> Course:
    return load_valid_course(REPO)


@pytest.fixture(scope="session")
def offline(shared: Shared, course: Course) -> Path:
    """The shipped course's offline copy in every language, unzipped as from a USB stick (built once per run)."""

    def make(folder: Path) -> None:
        bundle = build_offline(course, folder / "course-offline.zip")
        with zipfile.ZipFile(bundle.path) as archive:
            archive.extractall(folder)

    return shared.build("projector-offline", make) / "course-offline"


def screens_of(course: Course, module: Module, lang: str) -> list[Screen]:
    """The screens the build derives for `module` in `lang`, cards written the language's way."""
    return module_screens(module, lang, course.strings[lang].table("projector")["card"])


@pytest.fixture
def room(browser: Any) -> Any:
    """A 1280×720 page, as a projector shows it, recording every request and uncaught error."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def problems(seen: dict[str, Any], n: int, total: int) -> list[str]:
    """What is wrong with screen `n` of `total` as shown: nothing for a good screen."""
    found = []
    if seen["count"] != f"{n} / {total}" or seen["id"] != f"screen-{n}" or seen["shown"] != 1:
        found.append(f"counter {seen['count']!r} on {seen['id']} ({seen['shown']} shown)")
    if seen["scrolls"]:
        found.append("its content is bigger than the screen")
    if seen["smallest"][0] < SMALLEST:
        found.append(f"text at {seen['smallest'][0]} px: {seen['smallest'][1]!r}")
    if not seen["focused"]:
        found.append("the screen does not have the focus")
    return [f"screen {n} ({seen['label']}): {text}" for text in found]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_module_3_walked_with_the_keyboard_from_the_offline_copy(room: Any, offline: Path, course: Course,
                                                                 lang: str) -> None:
    page = room
    url = (offline / lang / "03-replies" / "projector.html").as_uri()
    page.goto(url)
    page.wait_for_selector(".cq-projector-on .cq-projector-count:not(:empty)")
    total = len(screens_of(course, course.modules[2], lang))
    found: list[str] = []
    keys = ["ArrowRight", "Space", "PageDown"]  # every key that moves on, in turn
    for n in range(1, total + 1):
        found += problems(page.evaluate(SHOWN, n == 1), n, total)
        if n < total:
            page.keyboard.press(keys[n % len(keys)])
    assert found == []
    page.keyboard.press("ArrowRight")  # past the last screen: it stays
    assert page.evaluate(SHOWN)["count"] == f"{total} / {total}"
    for key, n in (("Home", 1), ("End", total), ("PageUp", total - 1), ("ArrowLeft", total - 2), ("Shift+Space",
                                                                                                 total - 3)):
        page.keyboard.press(key)
        assert page.evaluate(SHOWN)["count"] == f"{n} / {total}", key
    # Escape goes back to the lesson the screen comes from: the second lesson's scenario.
    lesson = course.modules[2].lessons[1]
    page.keyboard.press("Home")
    while lesson.slug.split("/")[1] not in (page.evaluate(
            "() => document.querySelector('.cq-screen:not([hidden])').dataset.back") or ""):
        page.keyboard.press("ArrowRight")
    left_at = page.evaluate(SHOWN)["id"]
    page.keyboard.press("Escape")
    page.wait_for_url("**/02-reply-frameworks.html")
    assert page.locator("h1").inner_text() == lesson.title(lang)
    # Back again: the address remembers the screen (the view opens where the trainer left it).
    page.go_back()
    page.wait_for_selector(".cq-projector-on .cq-projector-count:not(:empty)")
    assert page.evaluate(SHOWN)["id"] == left_at
    assert [u for u in page.requests if not u.startswith("file://")] == [], "nothing from the network"
    assert page.context.cookies() == []
    assert page.errors == []


# Every screen shown at once (they lie on top of each other, each the size of the view): one layout tells which
# overflows, and every visible text's size is read in one pass.
ALL_SCREENS = """(smallest) => {
  const screens = [...document.querySelectorAll('.cq-screen')];
  screens.forEach(s => { s.hidden = false; });
  const scrolls = screens.filter(s => s.scrollHeight > s.clientHeight || s.scrollWidth > s.clientWidth);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const small = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (node.textContent.trim() && el.checkVisibility({opacityProperty: true, visibilityProperty: true})
        && parseFloat(getComputedStyle(el).fontSize) < smallest) small.add(node.textContent.trim().slice(0, 40));
  }
  return {count: screens.length, scrolls: scrolls.map(s => s.getAttribute('aria-label')), small: [...small]};
}"""


@pytest.mark.browser
@pytest.mark.exhaustive  # 14 pages, some 900 screens: about 18 s on a busy machine, so `make test-all` runs it
def test_every_module_fits_its_screens_in_both_languages(room: Any, offline: Path, course: Course) -> None:
    """The split rule holds for all seven modules: no screen scrolls, no text under 28 px."""
    page = room
    found: dict[str, Any] = {}
    for lang in course.languages:
        for module in course.modules:
            page.goto((offline / lang / module.slug / "projector.html").as_uri())
            page.wait_for_selector(".cq-projector-on .cq-projector-count:not(:empty)")
            seen = page.evaluate(ALL_SCREENS, SMALLEST)
            assert seen["count"] == len(screens_of(course, module, lang))
            if seen["scrolls"] or seen["small"]:
                found[f"{lang}/{module.slug}"] = seen
    assert found == {}
    assert page.errors == []


@pytest.mark.browser
def test_only_a_projector_page_fetches_its_script_and_look_which_stay_small(room: Any, offline: Path) -> None:
    page = room
    page.goto((offline / "en" / "03-replies" / "01-sorting-messages.html").as_uri())
    page.wait_for_load_state("load")
    assert [u for u in page.requests if "/projector." in u] == []
    page.goto((offline / "en" / "03-replies" / "projector.html").as_uri())
    page.wait_for_selector(".cq-projector-on .cq-projector-count:not(:empty)")
    fetched = sorted(u.rsplit("/", 1)[1] for u in page.requests if "/assets/cq/projector." in u)
    assert fetched == ["projector.css", "projector.js"]
    sizes = {name: len(gzip.compress((offline / "en" / "assets" / "cq" / name).read_bytes(), 9)) for name in fetched}
    assert sum(sizes.values()) <= 1536, sizes  # measured: 678 B + 584 B


@pytest.mark.browser
def test_the_projector_page_passes_axe_and_names_each_screen(room: Any, offline: Path) -> None:
    page = room
    page.goto((offline / "fr" / "03-replies" / "projector.html").as_uri())
    page.wait_for_selector(".cq-projector-on .cq-projector-count:not(:empty)")
    assert axe_violations(page) == []
    page.keyboard.press("End")
    assert axe_violations(page) == []
    labels = page.eval_on_selector_all("section.cq-screen", "all => all.map(s => s.getAttribute('aria-label'))")
    assert labels[0].startswith("Écran 1 sur ") and len(set(labels)) == len(labels)


def test_screens_come_from_the_lessons_and_the_trainer_notes(course: Course) -> None:
    """The view is derived at build time: the scenario of a lesson and the exercise's instructions of the trainer
    notes are on it as the sources write them; the overview links to it, and the menu and search leave it out."""
    tree = render_docs(course, "en")
    view = tree.files["03-replies/projector.md"]
    assert "Monday, 9 a.m., in a twelve-room hotel. Léa, the receptionist" in view
    assert "Sort the ten messages with the triage grid: kind, who answers, target time. (4 minutes)" in view
    assert "Readers judge your reply, not the problem" in view  # a lesson's key points
    assert "03-replies/projector.md" in tree.unlisted and "exclude: true" in view
    overview = BeautifulSoup(tree.files["03-replies/index.md"], "html.parser")
    link = overview.select_one(".cq-projector-link a")
    assert link is not None and link["href"] == "projector/" and link.get_text() == (
        course.strings["en"].table("projector")["link"])


def test_the_split_rule_cuts_between_sentences_rows_and_items() -> None:
    measure = Measure()
    sentence = "A sentence of some seventy characters, written to fill a line or so. "
    long = Block("para", [sentence * 40])
    screens = pack("A title", [long], measure)
    assert len(screens) > 2 and all(title == "A title" for title, _ in screens)
    assert " ".join(line for _, blocks in screens for b in blocks for line in b.lines) == (sentence * 40).strip()
    # A numbered list cut across screens keeps its numbers.
    steps = Block("list", [f"Step {i}: " + "do this and that, carefully, " * 5 for i in range(1, 13)], ordered=True)
    parts = [b for _, blocks in pack("Steps", [steps], measure) for b in blocks]
    assert len(parts) > 1 and [b.start for b in parts] == [1, *[1 + sum(len(p.lines) for p in parts[:i])
                                                               for i in range(1, len(parts))]]
    # A table too wide for the screen: a card per row, each cell under its column's name.
    wide = Block("table", ["| " + " | ".join(f"column-heading-{i}" for i in range(8)) + " |",
                           "| first | " + " | ".join(f"value {i}" for i in range(1, 8)) + " |"])
    (title, [card]), = pack("Grid", [wide], measure)
    assert title == "first" and card.lines[0] == "**column-heading-1**: value 1" and len(card.lines) == 7


@pytest.mark.parametrize("site_url", [None, "https://formation.example.org/"])
def test_the_trainer_edition_says_where_the_projector_view_is(course: Course, site_url: str | None) -> None:
    """The trainer notes of each module in the trainer edition point to its view: the site's address when the
    brand gives one, and always the page to open in the offline copy (a room's Wi-Fi may fail); the learner
    workbook says nothing of it."""
    import datetime as dt

    from generator.render.print_html import render_print_html

    html = render_print_html(course, "fr", "trainer", dt.date(2026, 12, 8), site_url=site_url)
    notes = BeautifulSoup(html, "html.parser").select("section.trainer-notes")
    where = [[p.get_text() for p in n.select(".cq-projector-where")] for n in notes]
    assert len(where) == len(course.modules)
    *online, offline = where[2]
    assert online == ([f"Ce module au vidéoprojecteur (écrans à gros caractères, pilotés au clavier)\u00a0: "
                       f"{site_url}fr/03-replies/projector/"] if site_url else [])
    assert offline.startswith("Ce module au vidéoprojecteur") and offline.endswith("03-replies/projector.html")
    assert offline_name("fr") in offline
    learner = render_print_html(course, "fr", "learner", dt.date(2026, 12, 8), site_url=site_url)
    assert "cq-projector-where" not in learner


@pytest.mark.browser
def test_in_a_right_to_left_language_the_left_arrow_moves_on(room: Any, built_arabic: Path, serve: Any) -> None:
    """Arabic reads from right to left: the arrow that points forward (left) shows the next screen."""
    page = room
    page.goto(f"{serve(built_arabic)}/ar/01-basics/projector/")
    page.wait_for_selector(".cq-projector-on .cq-projector-count:not(:empty)")
    total = page.locator("section.cq-screen").count()
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(SHOWN)["count"] == f"2 / {total}"
    page.keyboard.press("ArrowRight")
    assert page.evaluate(SHOWN)["count"] == f"1 / {total}"
    assert page.errors == []


def test_a_heading_anchor_stays_out_of_the_screens(course: Course) -> None:
    """Module 3's exercise heading carries {#monday-morning-inbox}: its screens neither repeat that id nor say it."""
    view = render_docs(course, "en").files["03-replies/projector.md"]
    assert "{#" not in view, "an attribute list would give one id to every screen of its section"
