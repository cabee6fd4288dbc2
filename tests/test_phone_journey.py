"""Progress that means what it says and quizzes that lead on, on a phone (390×844, touch; issue 22, items
2 and 5): a lesson is read at its end or when its check is answered, a wrong first check answer shows that
choice's feedback only, a passed quiz leads to the next step, the certificate states what was done."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.course.load import load_valid_course
from generator.render.docs import relative_url
from generator.render.journey import certificate_page
from tests.conftest import ARABIC, MINI, catalogue, count, fill, make_course, pdf_text, soup
from tests.test_browser import answer_all_right

pytestmark = pytest.mark.browser
LESSON = "/{lang}/01-basics/{slug}/"



def read(page: Any) -> dict[str, Any]:
    state = json.loads(page.evaluate("localStorage.getItem('cq:v1')") or "{}")
    return dict(state.get("visited", {}))


# The lesson-read rule on each device and direction: French on the phone and the laptop (the mini course),
# Arabic on the laptop (the Arabic course, right to left). The second lesson of the first module, made taller.
READ_CASES = {"fr": ("built_mini", MINI, "02-smart"), "ar": ("built_arabic", ARABIC, "02-negative-review")}


@pytest.mark.parametrize(("device", "lang"), [("phone", "fr"), ("laptop", "fr"), ("laptop", "ar")],
                         indirect=["device"])
def test_a_lesson_left_half_way_is_not_read_and_resume_brings_the_learner_back(
        device: Any, lang: str, serve: Any, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    site, source, slug = READ_CASES[lang]
    base = serve(request.getfixturevalue(site))
    module = load_valid_course(make_course(tmp_path / "course", source)).modules[0]
    lesson = module.lessons[1]
    t = catalogue(lang)
    # A lesson longer than the screen: the test lessons fit on one, so the page is made taller here.
    device.route(f"**/{slug}/", lambda route: route.fulfill(response=route.fetch(), body=route.fetch().text().replace(
        '<div class="cq-page"', '<div style="height:3000px"></div><div class="cq-page"')))
    device.goto(base + LESSON.format(lang=lang, slug=slug))
    minutes = lesson.minutes[lang]  # computed from the text (reading_time.py)
    assert device.locator(".cq-place").inner_text() == fill(t["site"]["lesson_place"], n=2, t=2, min=minutes)
    device.wait_for_timeout(300)
    assert lesson.slug not in read(device), "opened is not read"
    device.goto(base + f"/{lang}/")
    # Back to the lesson left half way, not the one after it (nothing is read yet: "Start with").
    title, module_title = lesson.title(lang), module.overview.title(lang)
    # The resume box is a button: its words come on lines of their own.
    resume = " ".join(device.locator(".cq-resume-next").inner_text().split())
    assert resume == " ".join(fill(t["progress_js"]["start"], l=title, m=module_title).split())
    left = sum(x.minutes[lang] for x in module.lessons)
    assert device.locator(".cq-resume-stats").inner_text() == fill(
        t["progress_js"]["stats"], lessons=count(t["progress_js"]["lessons"], lang, 2, r=0),
        quizzes=count(t["progress_js"]["quizzes"], lang, 1, q=0),
        left=count(t["progress_js"]["minutesLeft"], lang, left))
    device.goto(base + LESSON.format(lang=lang, slug=slug))
    device.locator(".cq-page").scroll_into_view_if_needed()
    device.wait_for_function(f"(JSON.parse(localStorage.getItem('cq:v1')).visited || {{}})['{lesson.slug}'] === 1")
    device.goto(base + f"/{lang}/")
    assert device.locator(".cq-resume-stats").inner_text() == fill(
        t["progress_js"]["stats"], lessons=count(t["progress_js"]["lessons"], lang, 2, r=1),
        quizzes=count(t["progress_js"]["quizzes"], lang, 1, q=0),
        left=count(t["progress_js"]["minutesLeft"], lang, left - minutes))
    assert device.errors == []


def test_a_first_wrong_check_answer_shows_its_feedback_only_and_an_answer_marks_the_lesson_read(
        phone: Any, built_mini: Path, serve: Any) -> None:
    phone.goto(serve(built_mini) + LESSON.format(lang="en", slug="01-goal-first"))
    question = phone.locator("#cq-01-basics-checks-why")
    assert question.locator(".cq-review-lesson").count() == 0, "no link to the page the learner is on"
    phone.check("#cq-01-basics-checks-why-a")
    phone.click("#cq-01-basics-checks-why .cq-check")
    feedback = phone.locator("#cq-01-basics-checks-why-a-fb")
    assert feedback.inner_text() == "Your answer is not right: Too early: without a goal you cannot choose."
    assert phone.locator("#cq-01-basics-checks-why-a").get_attribute("aria-describedby") == feedback.get_attribute("id")
    answer = question.locator(".cq-answer")
    assert answer.is_visible() and answer.get_attribute("open") is None, "the full answer waits"
    assert read(phone).get("01-basics/01-goal-first") == 1, "an answered check counts the lesson read"
    phone.click("#cq-01-basics-checks-why .cq-retry")
    phone.check("#cq-01-basics-checks-why-c")
    phone.click("#cq-01-basics-checks-why .cq-check")
    assert answer.get_attribute("open") is not None, "after a second try the full answer opens"


def test_a_passed_quiz_leads_on_and_the_certificate_says_what_was_done(phone: Any, built_mini: Path, serve: Any,
                                                                       tmp_path: Path) -> None:
    base = serve(built_mini)
    phone.goto(base + "/en/01-basics/quiz/")
    assert phone.locator(".cq-about").inner_text() == "5 questions · pass mark 75%"
    assert not phone.locator(".cq-cert-go").is_visible()
    phone.check("#cq-01-basics-single-1-a")  # one wrong answer of five: 80 %, passed
    phone.click("#cq-01-basics-single-1 .cq-check")
    assert phone.locator("#cq-01-basics-single-1 [data-cq-choice=a] .cq-choice-feedback").inner_text() == (
        "Your answer is not right: No number, no date.")
    phone.click(".cq-retry-all")
    answer_all_right(phone)
    assert phone.locator(".cq-review").is_hidden()
    go = phone.locator(".cq-cert-go a")
    assert go.is_visible() and go.inner_text() == "Get my certificate"
    box = go.bounding_box()
    assert box["height"] >= 36 and box["x"] + box["width"] <= 390
    for page_path in ("/en/", "/en/progress/"):
        phone.goto(base + page_path)
        assert phone.locator(".cq-cert-go a").is_visible(), page_path
    assert phone.locator("table caption").inner_text() == "Your progress, module by module"
    assert phone.locator("tbody th[scope=row]").count() == 1
    phone.click(".cq-cert-go a")
    phone.wait_for_url("**/certificate/")
    phone.fill(".cq-cert-name-input", "Camille Martin")
    cert = phone.locator(".cq-cert").inner_text()
    assert "has passed every module quiz of the course" in cert and "Lessons read: 0 of 2 lessons read" in cert
    phone.emulate_media(media="print")
    pdf = tmp_path / "certificate.pdf"
    phone.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    assert "Camille Martin" in pdf_text(reader.pages[0])
    assert phone.errors == []


def test_a_wrong_module_answer_is_listed_to_review(phone: Any, built_mini: Path, serve: Any) -> None:
    phone.goto(serve(built_mini) + "/en/01-basics/quiz/")
    answer_all_right(phone)
    phone.click(".cq-retry-all")
    phone.check("#cq-01-basics-single-1-a")
    phone.click("#cq-01-basics-single-1 .cq-check")
    answer_all_right_but_first = ["multi-1", "tf-1", "order-1", "match-1"]
    phone.check("#cq-01-basics-multi-1-a")
    phone.check("#cq-01-basics-multi-1-b")
    phone.click("#cq-01-basics-multi-1 .cq-check")
    phone.check("#cq-01-basics-tf-1-false")
    phone.click("#cq-01-basics-tf-1 .cq-check")
    for q in answer_all_right_but_first[2:]:
        for item in phone.query_selector_all(f"#cq-01-basics-{q} .cq-item"):
            item.query_selector("select").select_option(item.get_attribute("data-cq-item"))
        phone.click(f"#cq-01-basics-{q} .cq-check")
    review = phone.locator(".cq-review a")
    assert review.all_inner_texts() == ["Question 1 of 5: Which goal is SMART?"]
    assert review.get_attribute("href") == "#cq-01-basics-single-1"
    select = phone.locator("#cq-01-basics-match-1 select").first
    assert select.is_enabled(), "a checked select can still be opened to read"
    box = select.bounding_box()
    assert box["height"] >= 44
    kept = select.input_value()
    select.select_option(index=1 if kept != phone.locator("#cq-01-basics-match-1 select option").nth(1).get_attribute(
        "value") else 2)
    assert select.input_value() == kept, "but keeps the answer that was checked"


def test_the_attestation_form_states_objectives_nature_duration_and_results(tmp_path: Path) -> None:
    course = load_valid_course(make_course(tmp_path / "course", MINI))
    page = certificate_page(course, "fr", lambda a, b: relative_url(a, b), "CCI Exemple", attestation=True)
    minutes = sum(m.overview.minutes["fr"] for m in course.modules)  # the overviews' computed durations
    for expected in ("title: Attestation de fin de formation", "Objectifs de la formation",
                     "Nature de l’action de formation", "Action de formation à distance",
                     f"Durée de la formation\u00a0:</strong> {minutes}\u00a0min",
                     "Résultats de l’évaluation des acquis", "CCI Exemple"):
        assert expected in page, expected


def test_resume_goes_back_to_the_lesson_being_read_at_its_section(phone: Any, built_real: Path, serve: Any) -> None:
    """On the shipped course in French: lesson 3 left at its third section, then lesson 1 read to its end. The
    old resume went to lesson 2 (the next unread after the last opened), which the learner never opened."""
    base, asked = serve(built_real), []
    phone.on("request", lambda r: asked.append(r.url))
    stored = "JSON.parse(localStorage.getItem('cq:v1') || '{}')"
    first, third = "01-goals/01-why-a-goal", "01-goals/03-indicators"
    section = str(soup(built_real / "fr" / third / "index.html").select("article h2[id]")[2]["id"])
    phone.goto(f"{base}/fr/{third}/")
    phone.locator(f"#{section}").evaluate("h => h.scrollIntoView()")
    phone.wait_for_function(f"({stored}.at || {{}})['{third}'] === '{section}'")
    assert third not in read(phone)
    phone.goto(f"{base}/fr/{first}/")
    phone.locator(".cq-page").scroll_into_view_if_needed()
    phone.wait_for_function(f"({stored}.visited || {{}})['{first}'] === 1")

    phone.goto(f"{base}/fr/")
    resume = phone.locator(".cq-resume-next a")
    assert resume.get_attribute("href").endswith(f"{third.split('/')[1]}/#{section}")
    resume.click()
    phone.wait_for_url(f"**/{third}/#{section}")
    phone.wait_for_timeout(300)  # the browser's jump to the section
    where = phone.locator(f"#{section}").evaluate(
        "h => { const r = h.getBoundingClientRect(), top = document.elementFromPoint(r.left + 5, r.top + r.height / 2);"
        " return {top: r.top, third: innerHeight / 3, onTop: h.contains(top)}; }")
    assert 0 <= where["top"] < where["third"] and where["onTop"], where  # at the top, not under the header

    # Once every lesson opened is read, the first one never opened: lesson 2.
    phone.locator(".cq-page").scroll_into_view_if_needed()
    phone.wait_for_function(f"({stored}.visited || {{}})['{third}'] === 1")
    assert "at" not in phone.evaluate(stored)
    phone.goto(f"{base}/fr/")
    assert phone.locator(".cq-resume-next a").get_attribute("href").endswith("02-smart-goals/")
    # Following the reading is the lesson pages' script: the module quiz page never fetches it.
    asked.clear()
    phone.goto(f"{base}/fr/01-goals/quiz/")
    phone.wait_for_load_state("networkidle")
    assert [u for u in asked if "/assets/cq/" in u] and not [u for u in asked if u.endswith("/reading.js")]
    assert phone.errors == []
