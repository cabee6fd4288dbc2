"""QTI 3.0 items played for real: @citolab/qti-components (npm) renders every item of a quiz in Chromium,
the test answers each right and wrong, and reads the score the player's own response processing computes.

One page load per quiz: every item of the package in its own <item-container> on one page served on
127.0.0.1. Choices are clicked and typed answers typed as a learner would; ordering and matching answers are
given through the item's response variable (the player's drag-and-drop is its own code, not ours), and then
scored by the player all the same.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest

from generator.course.load import load_valid_course
from generator.course.model import Question, Quiz
from generator.exports.qti_items import TYPES, ident, item_id
from generator.exports.qti_package import export_qti
from generator.render.quiz import inline
from tests.conftest import REPO, make_typed_course

PLAYER = REPO / "node_modules" / "@citolab" / "qti-components" / "cdn" / "index.global.js"
PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>QTI items</title>
<script src="qti.js"></script></head><body>
{containers}
<script>
function item(id) {{ return document.getElementById(id).shadowRoot.querySelector("qti-assessment-item"); }}
// Score what the learner answered, with the player's response processing; SCORE and what it shows.
window.score = function (id) {{
  const it = item(id);
  it.processResponse();
  const shown = [...it.querySelectorAll("qti-feedback-inline, qti-feedback-block")]
    .filter((f) => f.showStatus === "on").map((f) => f.textContent.trim());
  return {{score: Number(it.getOutcome("SCORE").value), feedback: shown}};
}};
window.give = function (id, value) {{ item(id).updateResponseVariable("RESPONSE", value); return window.score(id); }};
window.ready = function (ids) {{ return ids.every((id) => {{ const c = document.getElementById(id);
  return c && c.shadowRoot && c.shadowRoot.querySelector("qti-assessment-item qti-item-body"); }}); }};
</script></body></html>
"""


@pytest.fixture(scope="module")
def typed_packages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    base = tmp_path_factory.mktemp("qti-player")
    course = load_valid_course(make_typed_course(base / "course"))
    export_qti(course, base / "banks", "qti3", course.languages, epoch=0)
    return course, base / "banks"


def _page(packages: dict[str, Path], folder: Path, lang: str) -> list[str]:
    """Unzip each quiz's package into `folder/<quiz>/` beside one page that holds all their items; return the
    ids of the items' containers (`<quiz>--<question>`)."""
    if not PLAYER.is_file():
        pytest.fail("@citolab/qti-components is missing: run `make test`, which runs npm install")
    shutil.copy(PLAYER, folder / "qti.js")
    ids = []
    for quiz_id, package in packages.items():
        with zipfile.ZipFile(package) as archive:
            archive.extractall(folder / quiz_id)
        ids += [f"{quiz_id}--{p.stem}" for p in sorted((folder / quiz_id / "items").glob("*.xml"))]
    containers = "\n".join(
        f'<qti-item><item-container id="{i}" item-url="{i.replace("--", "/items/", 1)}.xml"></item-container>'
        "</qti-item>" for i in ids)
    (folder / "index.html").write_text(PAGE.format(lang=lang, containers=containers), encoding="utf-8")
    return ids


def _right_and_wrong(q: Question, lang: str) -> tuple[object, object]:
    """A right and a wrong answer, from the course model: (kind, value) for the page to give."""
    if q.type in ("single", "true_false"):
        return [c.id for c in q.choices if c.correct], [next(c.id for c in q.choices if not c.correct)]
    if q.type == "multiple":
        return [c.id for c in q.choices if c.correct], [c.id for c in q.choices if c.correct][:1]
    if q.type == "ordering":
        order = [f"i{n}" for n in range(1, len(q.items) + 1)]
        return order, order[::-1]
    if q.type == "matching":
        rights = list(dict.fromkeys((i.right or {})[lang] for i in q.items))
        pairs = [f"l{n} r{rights.index((i.right or {})[lang]) + 1}" for n, i in enumerate(q.items, 1)]
        return pairs, [f"l{n} r{(rights.index((i.right or {})[lang]) + 1) % len(rights) + 1}"
                       for n, i in enumerate(q.items, 1)]
    if q.type == "numeric":
        return f"{q.answers[0].value:g}", f"{(q.answers[0].value or 0) * 3 + 7:g}"
    return q.answers[0].texts[lang][0].upper(), "no idea"  # QTI compares short answers without case


def _answer(page: Any, element: str, q: Question, value: object) -> dict[str, Any]:
    """Answer as a learner: click the choices, type the text; give ordering and matching answers directly."""
    if q.type in ("single", "multiple", "true_false"):
        page.evaluate("id => { const it = document.getElementById(id).shadowRoot"
                      ".querySelector('qti-assessment-item'); it.resetResponses(); }", element)
        for choice in value:  # type: ignore[attr-defined]
            page.locator(f"[id='{element}'] qti-simple-choice[identifier='{ident(choice)}']").click()
        result: dict[str, Any] = page.evaluate("id => window.score(id)", element)
        return result
    if q.typed:
        field = page.locator(f"[id='{element}'] qti-text-entry-interaction input")
        field.fill(str(value))
        field.blur()
        typed: dict[str, Any] = page.evaluate("id => window.score(id)", element)
        return typed
    given: dict[str, Any] = page.evaluate("([id, v]) => window.give(id, v)", [element, value])
    return given


def _shown(text: str) -> str:
    """What a learner reads of an author's text: its markup (*italics*{lang=fr}) rendered, not shown."""
    return "".join(ET.fromstring(f"<p>{inline(text)}</p>").itertext()).strip()


def _play(page: Any, quizzes: list[Quiz], lang: str) -> set[str]:
    """Answer every item of the page right, then wrong; check the player's score and feedback; return the types."""
    seen = set()
    for quiz in quizzes:
        for q in quiz.questions:
            element = f"{quiz.id}--{q.id}"
            container = page.locator(f"[id='{element}']")
            assert container.locator("qti-assessment-item").get_attribute("identifier") == item_id(quiz, q)
            right, wrong = _right_and_wrong(q, lang)
            got = _answer(page, element, q, right)
            assert got["score"] == 1, (element, right, got)
            got_wrong = _answer(page, element, q, wrong)
            assert got_wrong["score"] == 0, (element, wrong, got_wrong)
            if q.type in ("single", "true_false"):  # the chosen option's own feedback is what the learner reads
                chosen = next(c for c in q.choices if c.id == wrong[0])
                assert got_wrong["feedback"] == [_shown(chosen.feedback[lang])], element
            if q.typed:
                assert got["feedback"] == [_shown(q.answers[0].feedback[lang])], element
            seen.add(q.type)
    return seen


def _open(page: Any, url: str, ids: list[str]) -> None:
    page.goto(url)
    page.wait_for_function("ids => window.ready(ids)", arg=ids, timeout=30000)


@pytest.mark.parametrize(("quiz_id", "lang"), [("01-basics", "en"), ("01-basics-checks", "fr")])
def test_the_qti_player_scores_each_item_right_and_wrong(typed_packages: tuple[Any, Path], quiz_id: str,
                                                         lang: str, tmp_path: Path, serve: Any,
                                                         page: Any) -> None:
    course, banks = typed_packages
    quiz = course.quizzes[quiz_id]
    ids = _page({quiz_id: banks / lang / f"{quiz_id}-qti3.zip"}, tmp_path, lang)
    assert sorted(ids) == sorted(f"{quiz_id}--{q.id}" for q in quiz.questions)
    _open(page, f"{serve(tmp_path)}/index.html", ids)
    seen = _play(page, [quiz], lang)
    if quiz_id == "01-basics":  # the module quiz has one question of every type
        assert seen == set(TYPES)


@pytest.mark.exhaustive  # 35 s for 308 answers; `make test` plays every type in both languages above
def test_every_item_of_the_shipped_course_scores_in_the_player(tmp_path: Path, serve: Any, page: Any) -> None:
    """The shipped course's 154 questions in English, on one page: each scored right and wrong by the player."""
    course = load_valid_course(REPO)
    export_qti(course, tmp_path / "banks", "qti3", ("en",), epoch=0)
    folder = tmp_path / "page"
    folder.mkdir()
    quizzes = list(course.quizzes.values())
    ids = _page({quiz.id: tmp_path / "banks" / "en" / f"{quiz.id}-qti3.zip" for quiz in quizzes}, folder, "en")
    assert len(ids) == sum(len(quiz.questions) for quiz in quizzes)
    _open(page, f"{serve(folder)}/index.html", ids)
    assert _play(page, quizzes, "en") == set(TYPES)
