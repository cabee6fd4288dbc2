"""Build the mini course for real and read the HTML a learner would get."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build import BuildOptions, build
from generator.course.load import load_valid_course
from generator.course.problems import ContentError
from tests.conftest import REPO, soup


def test_both_languages_and_a_chooser_are_built(built_mini: Path) -> None:
    assert (built_mini / "en" / "index.html").is_file()
    assert (built_mini / "fr" / "index.html").is_file()
    chooser = soup(built_mini / "index.html")
    assert [a["href"] for a in chooser.select("main a")] == ["en/", "fr/"]
    assert soup(built_mini / "fr" / "index.html").html["lang"] == "fr"


def test_module_quiz_page_holds_every_question_with_translated_interface(built_mini: Path) -> None:
    en = soup(built_mini / "en" / "01-basics" / "quiz" / "index.html")
    quiz = en.select_one(".cq-quiz")
    assert quiz["data-cq-kind"] == "module" and quiz["data-cq-pass"] == "75"
    assert [q["data-cq-type"] for q in quiz.select(".cq-question")] == [
        "single", "multiple", "true_false", "ordering", "matching"]
    assert en.select_one(".cq-check").get_text() == "Check my answer"
    fr = soup(built_mini / "fr" / "01-basics" / "quiz" / "index.html")
    assert fr.select_one(".cq-check").get_text() == "Vérifier ma réponse"
    assert fr.select_one(".cq-prompt").get_text() == "Quel objectif est SMART\u00a0?"
    labels = [label.get_text() for label in fr.select("[data-cq-type=true_false] label")]
    assert labels == ["Vrai", "Faux"]
    # Checkboxes alone do not tell a learner (or a screen reader's legend) that several answers may be right.
    hows = {q["data-cq-type"]: q.legend.select_one(".cq-how") for q in fr.select(".cq-question")}
    assert hows.pop("multiple").get_text() == "Cochez toutes les bonnes réponses."
    assert set(hows.values()) == {None}


def test_answers_are_readable_without_javascript(built_mini: Path) -> None:
    page = soup(built_mini / "en" / "01-basics" / "quiz" / "index.html")
    first = page.select_one("[data-cq-question=single-1] details.cq-answer")
    assert first.summary.get_text() == "Show the answer and explanations"
    right = first.select_one("[data-cq-correct=true]")
    assert "20 bookings a month by June" in right.get_text()
    assert "Number and date: SMART." in right.get_text()
    link = first.select_one("a")
    assert link.get_text() == "Review the lesson: SMART goals" and link["href"] == "../02-smart/"


def test_ordering_is_shown_out_of_order(built_mini: Path) -> None:
    page = soup(built_mini / "en" / "01-basics" / "quiz" / "index.html")
    shown = [li["data-cq-item"] for li in page.select("[data-cq-question=order-1] .cq-item")]
    assert sorted(shown) == ["0", "1", "2"] and shown != ["0", "1", "2"]


def test_embedded_check_question_and_rewritten_links(built_mini: Path) -> None:
    page = soup(built_mini / "en" / "01-basics" / "01-goal-first" / "index.html")
    quiz = page.select_one(".cq-quiz")
    assert quiz["data-cq-quiz"] == "01-basics-checks" and quiz["data-cq-kind"] == "check"
    assert len(quiz.select(".cq-question")) == 1
    link = page.find("a", string="the second lesson")
    assert link["href"] == "../02-smart/#a-number"
    home = soup(built_mini / "en" / "01-basics" / "02-smart" / "index.html").find("a", string="home page")
    assert home["href"] == "../../"


def test_language_switcher_goes_to_the_same_page(built_mini: Path) -> None:
    page = soup(built_mini / "en" / "01-basics" / "02-smart" / "index.html")
    links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
    assert links == {"en": "../../../en/01-basics/02-smart/", "fr": "../../../fr/01-basics/02-smart/"}
    target = (built_mini / "en" / "01-basics" / "02-smart" / str(links["fr"])).resolve() / "index.html"
    assert soup(target).h1.get_text() == "Objectifs SMART"


def test_each_language_has_its_own_search_index(built_mini: Path) -> None:
    for lang, word, other in (("en", "bakery", "boulangerie"), ("fr", "boulangerie", "bakery")):
        index = json.loads((built_mini / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        text = " ".join(doc["text"] for doc in index["docs"]).lower()
        assert word in text and other not in text


def test_no_page_loads_anything_from_another_host(built_mini: Path) -> None:
    pages = list(built_mini.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        page = soup(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in page.find_all(tag):
                url = node.get(attr, "")
                assert not re.match(r"^(https?:)?//", str(url)), f"{path}: {tag} loads {url}"
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8")


def test_progress_page_lists_every_module(built_mini: Path) -> None:
    page = soup(built_mini / "fr" / "progress" / "index.html")
    rows = page.select("[data-cq-module-quiz]")
    assert [r["data-cq-module-quiz"] for r in rows] == ["01-basics"]
    assert rows[0].a.get_text() == "Les bases" and rows[0].a["href"] == "../01-basics/"


def test_quiz_text_html_is_escaped(course: Path) -> None:
    checks = course / "quizzes" / "01-basics-checks.yml"
    checks.write_text(checks.read_text(encoding="utf-8").replace(
        "A shop wants a page.", "A shop <script>alert(1)</script> wants <b>a page</b>."), encoding="utf-8")
    build(course, course / "site", BuildOptions(langs=("en",)))
    page = soup(course / "site" / "en" / "01-basics" / "01-goal-first" / "index.html")
    prompt = page.select_one(".cq-prompt")
    assert prompt.get_text().startswith("A shop <script>alert(1)</script> wants <b>a page</b>.")
    assert prompt.find("script") is None and prompt.find("b") is None


def test_a_failed_build_leaves_the_previous_site_untouched(course: Path) -> None:
    build(course, course / "site")
    before = {p: p.read_bytes() for p in (course / "site").rglob("*") if p.is_file()}
    quiz = course / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("        correct: true\n", "", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(course, course / "site")
    assert [p.code for p in caught.value.problems] == ["quiz.no_correct"]
    after = {p: p.read_bytes() for p in (course / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in course.iterdir() if p.name.startswith("site")) == ["site"]


def test_one_language_rebuild_keeps_the_other(course: Path) -> None:
    build(course, course / "site")
    fr_index = (course / "site" / "fr" / "index.html").read_bytes()
    lesson = course / "modules" / "01-basics" / "02-smart.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Give a number", "Give one number"),
                      encoding="utf-8")
    build(course, course / "site", BuildOptions(langs=("en",)))
    assert "Give one number" in (course / "site" / "en" / "01-basics" / "02-smart" / "index.html").read_text(
        encoding="utf-8")
    assert (course / "site" / "fr" / "index.html").read_bytes() == fr_index


def test_abbreviations_explain_themselves(built_mini: Path) -> None:
    lesson = soup(built_mini / "en" / "01-basics" / "01-goal-first" / "index.html")
    assert {a.get_text(): a["title"] for a in lesson.find_all("abbr")} == {"KPI": "key performance indicator"}
    # pages/abbreviations.<lang>.md reaches every page of its language
    for lang, title in (("en", "Specific, measurable"), ("fr", "Spécifique, mesurable")):
        page = soup(built_mini / lang / "01-basics" / "02-smart" / "index.html")
        assert page.find("abbr", string="SMART")["title"].startswith(title)


def test_our_js_and_css_stay_within_10_kb_gzipped_per_page(built_mini: Path) -> None:
    import gzip

    from bs4 import BeautifulSoup

    for lang in ("en", "fr"):
        page = BeautifulSoup((built_mini / lang / "01-basics" / "quiz" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        urls = [str(n.get("src") or n.get("href") or "") for n in page.select("script[src], link[rel=stylesheet]")]
        ours = [Path(u).name for u in urls if "assets/cq/" in u]
        folder = built_mini / lang / "assets" / "cq"
        sizes = {name: len(gzip.compress((folder / name).read_bytes(), 9)) for name in ours}
        # The accent-forgiving search highlighting (fold.js, search-highlight.js) is fetched only by a page
        # reached from a search result; what shows progress (resume boxes, home cards, the progress page and
        # certificate: progress-page.js and .css) only by a page that holds one: no page loads them up front.
        # core.js, which the others use, loads first.
        counted = sizes
        # early.js runs before Material's bundle (it holds the search index back), core.js before ours.
        assert [n for n in ours if n.endswith(".js")][:2] == ["early.js", "core.js"]
        assert set(counted) == {"quiz.css", "a11y.css", "early.js", "core.js", "quiz.js", "progress.js", "a11y.js"}
        assert sum(counted.values()) <= 10 * 1024, f"{lang}: {counted}"
        assert "exam.js" not in sizes, "exam mode is fetched only by a page that holds an exam"
        other = "fr" if lang == "en" else "en"
        script = (folder / "quiz.js").read_text(encoding="utf-8")
        own, theirs = (yaml.safe_load((REPO / "theme" / "strings" / f"{code}.yml").read_text(encoding="utf-8"))
                       for code in (lang, other))
        assert f'score:"{own["quiz_js"]["score"]}"' in script, "the build writes in its language's strings"
        assert theirs["quiz_js"]["score"] not in script, "a language's build keeps its own strings only"
        assert "strings:" not in script


def test_scripts_that_are_not_es5_are_left_as_they_are() -> None:
    from generator.engine.assets import shorten_names

    modern = "const f = (a) => a ?? 1;\n"
    assert shorten_names(modern) == modern
    ours = "(function () { var longName = 1; return longName; })();"
    assert shorten_names(ours) == "(function(){var a=1;return a;})();"


def test_mkdocs_yml_may_use_the_tags_material_configurations_use(course: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`!ENV` and `!!python/name:` (Material's emoji setup) are read as MkDocs reads them, by site and PDF."""
    from generator.exports.pdf import write_pdf

    config = course / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("site_author: coursegen",
                                                      "site_author: !ENV [COURSE_AUTHOR, 'nobody']")
    text = text.replace("  - pymdownx.details\n", "  - pymdownx.details\n  - pymdownx.emoji:\n"
                        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n")
    config.write_text(text, encoding="utf-8")
    lesson = next((course / "modules").glob("*/01-*.md"))
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nWell done :material-check:\n", encoding="utf-8")
    monkeypatch.setenv("COURSE_AUTHOR", "Chambre exemple")
    build(course, course / "site")
    built = next((course / "site" / "en").rglob(f"{lesson.stem}/index.html"))
    page = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
    assert page.select_one(".twemoji svg") is not None
    assert page.select_one('meta[name="author"]')["content"] == "Chambre exemple"
    result = write_pdf(load_valid_course(course), "en", "learner", tmp_path / "en.pdf")
    assert result.pages > 0
