"""Each module's workshop, checked like a trainer preparing it: the run sheet adds up to the session, every
material it names is printed in the trainer edition, every tool is taught before the step that uses it, the
quiz has time, and the card sets are there. Then broken run sheets, each reported at its line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.course.load import load_valid_course
from generator.course.model import Course, Module
from generator.course.problems import Problems
from generator.course.run_sheet import QUIZ_TOOL, check_sheet, pages_by_path, parse
from generator.engine.config import markdown_extensions
from generator.render.print_html import page_anchor, render_print_html

REPO = Path(__file__).resolve().parent.parent
SESSION = 90
# The cards each plan hands out, and how many a set holds (module 3's ten were missing before this edition).
CARD_SETS = {"01-goals": ("case-cards", 4), "03-replies": ("message-cards", 10), "04-moderation": ("inject-cards", 6),
             "06-staff": ("case-cards", 3), "07-secure-local-new": ("phishing-cards", 6)}


@pytest.fixture(scope="module")
def course() -> Course:
    return load_valid_course(REPO)


@pytest.fixture(scope="module")
def trainer_html(course: Course) -> dict[str, BeautifulSoup]:
    """The trainer edition's print HTML in each language: what the trainer will print from."""
    return {lang: BeautifulSoup(render_print_html(course, lang, "trainer", dt.date(2026, 1, 1), "", "", None,
                                                  markdown_extensions(course.root)),
                                "html.parser") for lang in course.languages}


def test_every_module_has_a_run_sheet_that_fills_the_session(course: Course) -> None:
    for module in course.modules:
        assert module.trainer is not None
        for lang, src in module.trainer.sources.items():
            sheet = parse(src)
            assert sheet is not None, f"{module.slug} ({lang}) has no run sheet"
            assert sheet.length == SESSION and sum(s.minutes for s in sheet.steps) == SESSION, (module.slug, lang)
            elapsed = 0
            for step in sheet.steps:  # the start column a trainer reads follows the minutes
                assert step.start == f"{elapsed // 60}:{elapsed % 60:02d}", (module.slug, lang, step.line)
                elapsed += step.minutes
            assert re.search(r"^## .*\{#before-the-workshop\}", src.body, re.M), (module.slug, lang)


def _words(module: Module, lang: str) -> list[str]:
    sheet = parse(module.trainer.sources[lang]) if module.trainer else None
    assert sheet is not None
    return [step.text.lower() for step in sheet.steps]


def test_every_run_sheet_has_sign_in_a_quiz_with_time_and_an_evaluation(course: Course) -> None:
    names = {"en": ("sign-in", "evaluation", "debrief"), "fr": ("émargement", "évaluation", "mise en commun")}
    for module in course.modules:
        questions = len(course.quizzes[module.quiz_id].questions)
        for lang in course.languages:
            texts = _words(module, lang)
            sign_in, evaluation, debrief = names[lang]
            assert sign_in in texts[0], (module.slug, lang, texts[0])
            assert evaluation in texts[-1], (module.slug, lang, texts[-1])
            assert any(debrief in t for t in texts), (module.slug, lang)
            sheet = parse(module.trainer.sources[lang])
            assert sheet is not None
            quiz = [s for s in sheet.steps if QUIZ_TOOL in s.uses]
            assert len(quiz) == 1, (module.slug, lang)
            # 30 seconds to a minute a question: a trainer can hold it.
            assert math.ceil(questions / 2) <= quiz[0].minutes <= questions, (module.slug, lang, quiz[0].minutes)


def test_each_tool_is_taught_before_the_step_that_uses_it(course: Course) -> None:
    for module in course.modules:
        for lang, src in module.trainer.sources.items():
            sheet = parse(src)
            assert sheet is not None
            taught: set[str] = set()
            for step in sheet.steps:
                taught.update(step.teaches)
                assert set(step.uses) - {QUIZ_TOOL} <= taught, (module.slug, lang, step.line, step.uses)


def test_every_material_is_printed_in_the_trainer_edition(course: Course,
                                                         trainer_html: dict[str, BeautifulSoup]) -> None:
    slugs = {p.sources[course.default_language].path.resolve(): p.slug for p in pages_by_path(course).values()}
    for module in course.modules:
        assert module.trainer is not None
        for lang, src in module.trainer.sources.items():
            sheet = parse(src)
            assert sheet is not None
            ids = {tag["id"] for tag in trainer_html[lang].find_all(id=True)}
            for step in sheet.steps:
                for material in step.materials:
                    path, _, fragment = material.target.partition("#")
                    slug = slugs[(src.path.parent / path).resolve()] if path else module.trainer.slug
                    anchor = page_anchor(slug) + (f"--{fragment}" if fragment else "")
                    assert anchor in ids, (module.slug, lang, material, anchor)


def test_every_anchor_of_the_trainer_edition_is_defined_once(trainer_html: dict[str, BeautifulSoup]) -> None:
    """A card set's id must not also be a heading's slug: a link would land on either, and WeasyPrint warns."""
    for lang, html in trainer_html.items():
        ids = Counter(tag["id"] for tag in html.find_all(id=True))
        assert sorted(i for i, n in ids.items() if n > 1) == [], lang


def test_card_sets_are_printed_one_card_a_box(course: Course, trainer_html: dict[str, BeautifulSoup]) -> None:
    for slug, (anchor, count) in CARD_SETS.items():
        for lang, html in trainer_html.items():
            heading = html.find(id=f"{page_anchor(f'{slug}/trainer')}--{anchor}")
            assert heading is not None, (slug, lang, anchor)
            cards = heading.find_next(class_="cq-card-set").find_all(class_="cq-print-card")
            assert len(cards) == count, (slug, lang, len(cards))
            assert all(card.get_text(strip=True) for card in cards)


def test_module_3_cards_print_at_20_pt_inside_cut_lines_never_split(course: Course,
                                                                    trainer_html: dict[str, BeautifulSoup]) -> None:
    """Module 3's trainer notes laid out by WeasyPrint with the print stylesheet, as the trainer edition does."""
    from weasyprint import HTML

    page = BeautifulSoup(str(trainer_html["fr"]), "html.parser")  # French: the longer texts
    notes = page.find(id=page_anchor("03-replies/trainer"))
    assert page.body is not None and notes is not None
    page.body.clear()
    page.body.append(notes)
    document = HTML(string=str(page), base_url=str(course.root)).render()
    found: dict[int, list[int]] = {}  # card (by its element) -> pages it is laid out on
    for number, laid_out in enumerate(document.pages):
        for box in laid_out._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or "cq-print-card" not in (element.get("class") or ""):
                continue
            if type(box).__name__ != "BlockBox":
                continue
            found.setdefault(id(element), []).append(number)
            assert box.style["border_top_style"] == "dashed" and box.style["border_bottom_style"] == "dashed"
            words = [text for text in box.descendants() if type(text).__name__ == "TextBox"]
            assert words and all(text.style["font_size"] >= 20 * 96 / 72 - 0.01 for text in words)  # 20 pt in px
    assert len(found) == 10
    assert all(len(pages) == 1 for pages in found.values()), found  # no card runs over two pages


# -- broken run sheets, each reported at its line ------------------------------------------------------------

def _broken(course: Course, change: tuple[str, str]) -> tuple[list[str], str]:
    module = next(m for m in course.modules if m.slug == "03-replies")
    assert module.trainer is not None
    src = module.trainer.sources["en"]
    old, new = change
    assert old in src.body
    body = src.body.replace(old, new, 1)
    broken = dataclasses.replace(src, body=body)
    problems = Problems(REPO)
    sheet = parse(broken, problems)
    assert sheet is not None
    check_sheet(sheet, broken, pages_by_path(course), "en", len(course.quizzes["03-replies"].questions), problems)
    line = src.body_line + body[:body.index(new)].count("\n") if new else 0
    return [str(p) for p in problems.sorted()], f"modules/03-replies/trainer.md:{line}:"


CASES = [
    ("| 0:45 | 20 | Group exercise", "| 0:45 | 25 | Group exercise", "runsheet.total",
     "the steps add up to 95 minutes but the session lasts 90"),
    ("[message cards](#message-cards), [exercise", "[message cards](#message-card), [exercise",
     "runsheet.material_missing", "material 'message cards' (#message-card)"),
    ("| 1:05 | 5 | Debrief", "| 1:04 | 5 | Debrief", "runsheet.start",
     "the step starts at '1:04' but the steps before it add up to 1:05"),
    ("| — | [card key](#message-card-key) |", "| — | card key |", "runsheet.material_not_linked", "'card key'"),
    ("| triage-grid | triage-grid | [lesson 1", "| — | triage-grid | [lesson 1", "runsheet.tool_before_taught",
     "this step uses 'triage-grid' but no step teaches it"),
    ("| 1:18 | 8 | Module quiz", "| 1:18 | 4 | Module quiz", "runsheet.quiz_time",
     "the module quiz has 10 questions: give it at least 5 minutes"),
]


@pytest.mark.parametrize(("old", "new", "code", "message"), CASES, ids=[c[2] for c in CASES])
def test_a_broken_run_sheet_is_reported_at_its_line(course: Course, old: str, new: str, code: str,
                                                    message: str) -> None:
    found, where = _broken(course, (old, new))
    if code == "runsheet.total":  # a sum belongs to the whole table: reported at its heading
        heading = next(p for p in found if f"[{code}]" in p)
        assert heading.startswith("modules/03-replies/trainer.md:") and message in heading, found
        src = next(m for m in course.modules if m.slug == "03-replies").trainer.sources["en"]
        assert heading.split(":")[1] == str(src.body_line + src.body[:src.body.index("{#run-sheet}")].count("\n"))
        return
    assert any(p.startswith(where) and f"[{code}]" in p and message in p for p in found), (where, found)


def test_a_tool_taught_too_late_names_the_line_that_teaches_it(course: Course) -> None:
    found, where = _broken(course, ("| last, reply-templates | — |", "| reply-templates | last |"))
    assert any(p.startswith(where) and "[runsheet.tool_before_taught]" in p and "no step teaches it" in p
               for p in found), found
    found, where = _broken(course, ("| triage-grid | triage-grid | [lesson 1", "| — | triage-grid, last | [lesson 1"))
    assert any(p.startswith(where) and "uses 'last' but it is taught later, on line" in p for p in found), found


def test_coursegen_check_reports_a_broken_run_sheet(tmp_path: Path) -> None:
    """Through the real command, on a copy of the shipped course: exit 1, the file and line, no traceback."""
    root = tmp_path / "course"
    root.mkdir()
    for name in ("course.yml", "mkdocs.yml", "language-tools.yml"):
        shutil.copy(REPO / name, root / name)
    for folder in ("modules", "quizzes", "pages", "theme", "brands"):
        shutil.copytree(REPO / folder, root / folder)
    trainer = root / "modules" / "03-replies" / "trainer.fr.md"
    text = trainer.read_text(encoding="utf-8")
    trainer.write_text(text.replace("| 1:18 | 8 | Quiz", "| 1:18 | 9 | Quiz", 1), encoding="utf-8")
    line = text[:text.index("| 1:18 | 8 | Quiz")].count("\n") + 1
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--strict"], cwd=root,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    heading = text[:text.index("{#run-sheet}")].count("\n") + 1
    assert f"modules/03-replies/trainer.fr.md:{heading}: the steps add up to 91 minutes" in result.stderr
    assert f"modules/03-replies/trainer.fr.md:{line + 1}: the step starts at '1:26'" in result.stderr
    assert "[runsheet.lang_mismatch]" in result.stderr  # the French plan no longer matches the English one


def test_a_printed_question_says_how_to_answer_once(course: Course, trainer_html: dict[str, BeautifulSoup]) -> None:
    """The worksheet prints its own instruction ("Tick every right answer."): a prompt that says it again
    printed it twice (and the web legend's hint doubled it online too)."""
    tick_many = {"en": "Tick every right answer.", "fr": "Cochez toutes les bonnes réponses."}
    checked = 0
    for lang, html in trainer_html.items():
        for question in html.select(".ws-question"):
            how = question.select_one(".ws-how")
            if how is None:
                continue
            text, said = (" ".join(node.get_text(" ").split()) for node in (question, how))
            assert text.count(said) == 1, (lang, question.get("id"), text[:200])
            checked += said == tick_many[lang]
    assert checked > 10  # multiple-answer questions were among those read


def test_card_sets_get_their_ids_and_one_set_goes_to_each_group_of_four(
        trainer_html: dict[str, BeautifulSoup]) -> None:
    """The ids the print list cites are on the trainer edition's sets (not escaped into text), the end id on the
    last card; copies: one set per started group of four."""
    from generator.render.print_list import PER_GROUP, PrintItem

    html = trainer_html["en"]
    for slug, count in (("03-replies", 1), ("07-secure-local-new", 2)):
        for n in range(1, count + 1):
            card_set = html.find(id=f"cards-{slug}-{n}")
            assert card_set is not None and "cq-card-set" in card_set["class"], (slug, n)
            assert card_set.find_all(class_="cq-print-card")[-1]["id"] == f"cards-{slug}-{n}-end"
    assert "cq-card-set" not in html.get_text()
    item = PrintItem("Message cards", "a", "a-end", PER_GROUP)
    assert [item.copies(n) for n in (1, 4, 5, 8, 12, 13)] == [1, 1, 2, 2, 3, 4]
