"""Accessibility: axe-core (from npm) in Chromium on a page of each template (every page in `make test-all`),
and keyboard use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.pages import AXE_PAGES

pytestmark = pytest.mark.browser
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Any) -> list[str]:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `make test`, which runs npm install")
    page.add_script_tag(path=str(AXE))
    # resultTypes: axe still runs every rule but details only the violations, all that is read here.
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", WCAG_AA)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:120]})"
            for v in result["violations"]]


def failing_pages(page: Any, site: Path, base: str, pages: list[str]) -> dict[str, list[str]]:
    """axe's violations on each of `pages` (paths under `site`), by page; none listed for a clean page."""
    missing = [rel for rel in pages if not (site / rel).is_file()]
    assert missing == [], "tests/pages.py names pages the build no longer makes: update it"
    failures = {}
    for rel in pages:
        page.goto(f"{base}/{rel}")
        found = axe_violations(page)
        if found:
            failures[rel] = found
    return failures


def test_a_page_of_each_template_passes_axe(page: Any, built_real: Path, serve: Any) -> None:
    assert failing_pages(page, built_real, serve(built_real), AXE_PAGES) == {}
    assert page.errors == []


@pytest.mark.exhaustive
def test_every_page_in_both_languages_passes_axe(page: Any, built_real: Path, serve: Any) -> None:
    pages = sorted(p.relative_to(built_real).as_posix() for p in built_real.rglob("*.html"))
    assert len(pages) > 100
    assert failing_pages(page, built_real, serve(built_real), pages) == {}
    assert page.errors == []


def test_quiz_after_answering_and_progress_page_pass_axe(page: Any, built_real: Path, serve: Any) -> None:
    base = serve(built_real)
    page.goto(f"{base}/en/03-replies/quiz/")
    for question in page.query_selector_all(".cq-question"):
        first = question.query_selector("input")
        if first:
            first.check()
        for select in question.query_selector_all("select"):
            select.select_option(index=1)
        question.query_selector(".cq-check").click()
    assert "Your score:" in page.locator(".cq-score").inner_text()
    assert axe_violations(page) == []
    page.goto(f"{base}/fr/progress/")
    assert page.locator("[data-cq-module-quiz='03-replies'] .cq-status").inner_text().startswith("Pas encore réussi")
    assert axe_violations(page) == []


def test_search_dialog_passes_axe(page: Any, built_real: Path, serve: Any) -> None:
    page.goto(f"{serve(built_real)}/fr/")
    page.click("label.md-search__icon, .md-search__input")
    page.locator(".md-search__input").press_sequentially("avis", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert axe_violations(page) == []


def test_a_whole_quiz_by_keyboard_alone(page: Any, built_mini: Path, serve: Any) -> None:
    """Tab, arrows, Space and Enter only; focus always visible; feedback in a live region."""
    page.goto(f"{serve(built_mini)}/en/01-basics/quiz/")
    # Options come in an order drawn for this learner: find where the right one landed.
    order = page.locator("#cq-01-basics-single-1 .cq-choice").evaluate_all("l => l.map(c => c.dataset.cqChoice)")
    page.locator(f"#cq-01-basics-single-1-{order[0]}").focus()
    seen_outlines = []

    def press(key: str) -> None:
        page.keyboard.press(key)
        seen_outlines.append(page.evaluate(
            "() => { const e = document.activeElement; const s = getComputedStyle(e);"
            " return e.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"))

    def tab_to(selector: str) -> None:
        """Press Tab until `selector` has focus: it must be reachable by the keyboard."""
        for _ in range(30):
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
            press("Tab")
        raise AssertionError(f"Tab never reached {selector}")

    # single: arrows move within the radio group to the right option, Tab to the button, Enter checks.
    for _ in range(order.index("c")):
        press("ArrowDown")
    if order[0] == "c":  # focus alone selects nothing: Space picks the focused option
        press("Space")
    tab_to("#cq-01-basics-single-1 .cq-check")
    press("Enter")
    assert page.locator("#cq-01-basics-single-1 .cq-result").inner_text() == "Right."
    assert page.locator("#cq-01-basics-single-1 .cq-result").get_attribute("aria-live") == "polite"
    # multiple: Tab from box to box (in the order shown), Space ticks the two right ones.
    for choice in page.locator("#cq-01-basics-multi-1 .cq-choice").evaluate_all("l => l.map(c => c.dataset.cqChoice)"):
        tab_to(f"#cq-01-basics-multi-1-{choice}")
        if choice in ("a", "b"):
            press("Space")
    tab_to("#cq-01-basics-multi-1 .cq-check")
    press("Enter")
    assert page.locator("#cq-01-basics-multi-1 .cq-result").inner_text() == "Right."
    # true/false: into the group, arrow to "False", then the button.
    tab_to("#cq-01-basics-tf-1 input")
    press("ArrowDown")
    tab_to("#cq-01-basics-tf-1 .cq-check")
    press("Enter")
    assert page.locator("#cq-01-basics-tf-1 .cq-result").inner_text() == "Right."
    # ordering and matching: each select is set with the keyboard (arrows pick an option).
    for qid in ("order-1", "match-1"):
        for item in page.query_selector_all(f"#cq-01-basics-{qid} .cq-item"):
            select = "#" + item.query_selector("select").get_attribute("id")
            tab_to(select)
            wanted = item.get_attribute("data-cq-item")
            position = page.evaluate("([s, v]) => [...document.querySelector(s).options].findIndex(o => o.value === v)",
                                     [select, wanted])
            for _ in range(position):
                press("ArrowDown")
        tab_to(f"#cq-01-basics-{qid} .cq-check")
        press("Enter")
        assert page.locator(f"#cq-01-basics-{qid} .cq-result").inner_text() == "Right.", qid
    assert page.locator(".cq-score").inner_text().startswith("Your score: 5 of 5")
    assert all(seen_outlines), seen_outlines
