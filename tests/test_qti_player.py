"""QTI 3.0 items played for real: @citolab/qti-components (npm) renders every item of a quiz in Chromium,
the test answers each right and wrong, and reads the score the player's own response processing computes.

One page load per quiz: every item of the package in its own <item-container> on one page served on
127.0.0.1. Choices are clicked and typed answers typed as a learner would; ordering and matching answers are
given through the item's response variable (the player's drag-and-drop is its own code, not ours), and then
scored by the player all the same.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from generator.course.load import load_valid_course
from generator.course.model import Question
from generator.exports.qti_items import ident, item_id
from generator.exports.qti_package import export_qti
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


def _page(package: Path, folder: Path, lang: str) -> list[str]:
    """Unzip `package` into `folder` beside a page that holds every item; return the items' ids."""
    if not PLAYER.is_file():
        pytest.fail("@citolab/qti-components is missing: run `make test`, which runs npm install")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    shutil.copy(PLAYER, folder / "qti.js")
    items = sorted((folder / "items").glob("*.xml"))
    containers = "\n".join(f'<qti-item><item-container id="{p.stem}" item-url="items/{p.name}"></item-container>'
                           "</qti-item>" for p in items)
    (folder / "index.html").write_text(PAGE.format(lang=lang, containers=containers), encoding="utf-8")
    return [p.stem for p in items]


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


@pytest.mark.parametrize(("quiz_id", "lang"), [("01-basics", "en"), ("01-basics-checks", "fr")])
def test_the_qti_player_scores_each_item_right_and_wrong(typed_packages: tuple[Any, Path], quiz_id: str,
                                                         lang: str, tmp_path: Path, serve: Any,
                                                         page: Any) -> None:
    course, banks = typed_packages
    quiz = course.quizzes[quiz_id]
    stems = _page(banks / lang / f"{quiz_id}-qti3.zip", tmp_path, lang)
    assert sorted(stems) == sorted(q.id for q in quiz.questions)
    page.goto(f"{serve(tmp_path)}/index.html")
    page.wait_for_function("ids => window.ready(ids)", arg=stems, timeout=15000)
    seen = set()
    for q in quiz.questions:
        container = page.locator(f"[id='{q.id}']")
        assert container.locator("qti-assessment-item").get_attribute("identifier") == item_id(quiz, q)
        right, wrong = _right_and_wrong(q, lang)
        got = _answer(page, q.id, q, right)
        assert got["score"] == 1, (q.id, right, got)
        got_wrong = _answer(page, q.id, q, wrong)
        assert got_wrong["score"] == 0, (q.id, wrong, got_wrong)
        if q.type in ("single", "true_false"):  # the chosen option's own feedback is what the learner reads
            chosen = next(c for c in q.choices if c.id == wrong[0])
            assert got_wrong["feedback"] == [chosen.feedback[lang]], q.id
        if q.typed:
            assert got["feedback"] == [q.answers[0].feedback[lang]], q.id
        seen.add(q.type)
    expected = {"single", "multiple", "true_false", "ordering", "matching", "numeric", "short_answer"}
    if quiz_id == "01-basics":  # the module quiz has one question of every type
        assert seen == expected
