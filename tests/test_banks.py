"""Question banks: GIFT read back by an independent parser (gift-pegjs), Moodle XML read with an XML parser."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from generator.course.load import load_valid_course
from generator.exports.banks import export_banks
from tests.conftest import REPO, make_typed_course

PARSER = REPO / "tests" / "js" / "parse_gift.cjs"
TRICKY = "Costs ~50 = {half} of #1: a\\b?"


def parse_gift(*files: Path) -> dict[str, Any]:
    """What gift-pegjs reads in each file (node runs tests/js/parse_gift.cjs)."""
    if shutil.which("node") is None or not (REPO / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail("node or gift-pegjs is missing: run `make test`, which runs npm install")
    done = subprocess.run(["node", str(PARSER), *map(str, files)], capture_output=True, text=True, check=True,
                          timeout=120)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def by_title(questions: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {q["title"]: q for q in questions if q["type"] != "Category"}


def gift_questions(path: Path) -> dict[str, dict[str, Any]]:
    """The questions gift-pegjs reads in one GIFT file, by title."""
    return by_title(parse_gift(path)[str(path)]["questions"])


@pytest.fixture
def banks(course: Path, tmp_path: Path) -> Path:
    quiz = course / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("Which goal is SMART?", TRICKY.replace("\\", "\\\\")),
                    encoding="utf-8")  # a backslash is doubled inside a YAML "string"
    loaded = load_valid_course(course)
    out = tmp_path / "banks"
    export_banks(loaded, out, "gift", loaded.languages)
    export_banks(loaded, out, "moodle-xml", loaded.languages)
    return out


def test_gift_parses_back_with_feedback_on_every_option(banks: Path) -> None:
    parsed = parse_gift(banks / "en" / "all-quizzes.gift", banks / "fr" / "all-quizzes.gift")
    assert all("error" not in v for v in parsed.values()), parsed
    en = parsed[str(banks / "en" / "all-quizzes.gift")]["questions"]
    assert [q["title"] for q in en if q["type"] == "Category"] == [
        "$course$/top/Mini course/Check questions", "$course$/top/Mini course/Module 1 quiz"]
    questions = by_title(en)
    assert len(questions) == 6
    single = questions["01-basics/single-1"]
    assert single["type"] == "MC" and single["stem"] == {"format": "html", "text": TRICKY}
    assert [(c["text"]["text"], c["isCorrect"], c["feedback"]["text"]) for c in single["choices"]] == [
        ("More followers", False, "No number, no date."), ("Be famous", False, "Not measurable."),
        ("20 bookings a month by June", True, "Number and date: SMART.")]
    assert single["globalFeedback"]["text"] == "A SMART goal has a number and a date."
    multi = questions["01-basics/multi-1"]
    assert [c["weight"] for c in multi["choices"]] == [50, 50, -100]
    tf = questions["01-basics/tf-1"]
    # GIFT gives the feedback for a wrong answer first: here the answer is false, so choosing true is wrong.
    assert tf["type"] == "TF" and tf["isTrue"] is False
    assert tf["trueFeedback"]["text"] == "No: deleting criticism makes it worse."
    assert tf["falseFeedback"]["text"] == "Right: answer it instead."
    match = questions["01-basics/match-1"]
    assert [(p["subquestion"]["text"], p["subanswer"]) for p in match["matchPairs"]] == [
        ("Awareness", "Reach"), ("Service", "Response time")]
    order = questions["01-basics/order-1"]
    assert order["type"] == "Matching"
    assert [(p["subquestion"]["text"], p["subanswer"]) for p in order["matchPairs"]] == [
        ("Listen", "Position 1"), ("Apologise", "Position 2"), ("Solve", "Position 3")]
    assert "Listen → Position 1: First understand." in order["globalFeedback"]["text"]
    fr = by_title(parsed[str(banks / "fr" / "all-quizzes.gift")]["questions"])
    assert fr["01-basics/tf-1"]["stem"]["text"] == "Supprimez les commentaires critiques."
    assert fr["01-basics/multi-1"]["choices"][2]["feedback"]["text"] == "Non\u00a0: c’est du service."


def test_one_gift_file_per_quiz_parses_too(banks: Path) -> None:
    files = sorted((banks / "en").glob("*.gift"))
    assert [f.name for f in files] == ["01-basics-checks.gift", "01-basics.gift", "all-quizzes.gift"]
    parsed = parse_gift(*files)
    assert [len(by_title(parsed[str(f)]["questions"])) for f in files] == [1, 5, 6]
    assert "ordering" in (banks / "README.txt").read_text(encoding="utf-8").lower()


MOODLE_TYPES = {"multichoice", "truefalse", "matching"}


def test_moodle_xml_has_the_structure_moodle_imports(banks: Path) -> None:
    root = ET.parse(banks / "en" / "all-quizzes.xml").getroot()
    assert root.tag == "quiz"
    questions = root.findall("question")
    categories = [q.findtext("category/text") for q in questions if q.get("type") == "category"]
    assert categories == ["$course$/top/Mini course/Check questions", "$course$/top/Mini course/Module 1 quiz"]
    real = [q for q in questions if q.get("type") != "category"]
    assert {q.get("type") for q in real} == MOODLE_TYPES
    for q in real:
        assert q.findtext("name/text") and q.find("questiontext").get("format") == "html"
        assert q.findtext("questiontext/text") and q.findtext("generalfeedback/text")
        assert q.findtext("defaultgrade") == "1"
        answers = q.findall("answer")
        if q.get("type") == "multichoice":
            fractions = [float(a.get("fraction", "x")) for a in answers]
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01, q.findtext("name/text")
            assert all(a.findtext("feedback/text") for a in answers)
            assert q.findtext("single") == ("true" if fractions.count(100) == 1 else "false")
        elif q.get("type") == "truefalse":
            assert sorted(str(a.findtext("text")) for a in answers) == ["false", "true"]
            assert sorted(str(a.get("fraction")) for a in answers) == ["0", "100"]
        else:
            subs = q.findall("subquestion")
            assert len(subs) >= 2 and all(s.findtext("text") and s.findtext("answer/text") for s in subs)
    single = next(q for q in real if q.findtext("name/text") == "01-basics/single-1")
    assert single.findtext("questiontext/text") == TRICKY
    assert single.findtext("idnumber") == "01-basics/single-1"


def test_html_in_quiz_text_stays_text_in_both_formats(course: Path, tmp_path: Path) -> None:
    quiz = course / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("Which goal is SMART?", "Is <b>this</b> **SMART**?"),
                    encoding="utf-8")
    loaded = load_valid_course(course)
    export_banks(loaded, tmp_path, "gift", ("en",))
    export_banks(loaded, tmp_path, "moodle-xml", ("en",))
    gift = gift_questions(tmp_path / "en" / "01-basics.gift")
    expected = "Is &lt;b&gt;this&lt;/b&gt; <strong>SMART</strong>?"
    assert gift["01-basics/single-1"]["stem"]["text"] == expected
    root = ET.parse(tmp_path / "en" / "01-basics.xml").getroot()
    assert root.find("question[@type='multichoice']/questiontext/text").text == expected


def test_export_command(course: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "export", "--format", "moodle-xml", "--lang", "fr",
                           "-o", str(tmp_path / "out")], cwd=course, capture_output=True, text=True, check=False,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "fr").iterdir()) == [
        "01-basics-checks.xml", "01-basics.xml", "all-quizzes.xml"]
    assert not (tmp_path / "out" / "en").exists()
    assert ET.parse(tmp_path / "out" / "fr" / "01-basics.xml").getroot().findtext(
        "question[@type='truefalse']/questiontext/text") == "Supprimez les commentaires critiques."


def test_a_pool_is_a_category_with_its_random_question_recipe(course: Path, tmp_path: Path) -> None:
    quiz = course / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("pass_mark: 75\n", "pass_mark: 75\ndraw: 3\n"),
                    encoding="utf-8")
    loaded = load_valid_course(course)
    export_banks(loaded, tmp_path, "gift", ("en",))
    export_banks(loaded, tmp_path, "moodle-xml", ("fr",))
    gift = (tmp_path / "en" / "01-basics.gift").read_text(encoding="utf-8")
    assert ("$CATEGORY: $course$/top/Mini course/Module 1 quiz\n\n"
            "// Question pool: each attempt draws 3 of these 5") in gift
    assert len(gift_questions(tmp_path / "en" / "01-basics.gift")) == 5, "the bank holds the whole pool"
    root = ET.parse(tmp_path / "fr" / "01-basics.xml").getroot()
    category = root.find("question[@type='category']")
    assert category.findtext("category/text") == "$course$/top/Mini cours/Quiz du module 1"
    assert "nombre de questions aléatoires\u00a0: 3" in str(category.findtext("info/text"))
    assert "random question" in (tmp_path / "README.txt").read_text(encoding="utf-8")
    single = root.find("question[@type='multichoice']")
    assert [a.findtext("text") for a in single.findall("answer")][:1] == ["Plus d’abonnés"], "author order"


@pytest.fixture
def typed_banks(tmp_path: Path) -> Path:
    loaded = load_valid_course(make_typed_course(tmp_path / "course"))
    out = tmp_path / "banks"
    export_banks(loaded, out, "gift", loaded.languages)
    export_banks(loaded, out, "moodle-xml", loaded.languages)
    return out


def test_gift_numeric_and_short_answers_parse_back(typed_banks: Path) -> None:
    files = [typed_banks / lang / "all-quizzes.gift" for lang in ("en", "fr")]
    parsed = parse_gift(*files)
    assert all("error" not in v for v in parsed.values()), parsed
    en, fr = (by_title(parsed[str(f)]["questions"]) for f in files)
    rate = en["01-basics/rate-1"]
    assert rate["type"] == "Numerical"
    assert rate["stem"]["text"] == ("A post reached 2,000 people and got 90 reactions, comments and shares. "
                                    "What is its engagement rate? (unit: %)")
    assert [(c["text"], c["weight"], c["feedback"]["text"]) for c in rate["choices"]] == [
        ({"type": "range", "number": 4.5, "range": 0.1}, None, "Yes: 90 / 2,000 = 4.5 %."),
        ({"type": "range", "number": 2.25, "range": 0.1}, 0,
         "That is the rate on the 4,000 followers: divide by the reach.")]
    assert rate["globalFeedback"]["text"] == "Engagement rate = interactions / reach."
    budget = en["01-basics-checks/budget"]  # a tolerance of 2 % of 25
    assert [c["text"] for c in budget["choices"]] == [{"type": "range", "number": 25, "range": 0.5}]
    term = fr["01-basics/term-1"]
    assert term["type"] == "Short"
    assert [(c["text"]["text"], c["weight"]) for c in term["choices"]] == [
        ("KPI", None), ("indicateur clé de performance", None), ("indicateur cle de performance", None),
        ("ICP", None), ("ROI", 0), ("RSI", 0)]
    assert term["choices"][4]["feedback"]["text"].startswith("Le ROI est un indicateur parmi d’autres")
    assert [c["text"]["text"] for c in en["01-basics/term-1"]["choices"]] == ["KPI", "key performance indicator", "ROI"]


def test_moodle_xml_numerical_and_shortanswer_have_the_structure_moodle_imports(typed_banks: Path) -> None:
    root = ET.parse(typed_banks / "fr" / "all-quizzes.xml").getroot()
    questions = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
    for q in questions.values():  # what every imported question needs, whatever its type
        assert [child.tag for child in q][:7] == [
            "name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber"]
    rate = questions["01-basics/rate-1"]
    assert rate.get("type") == "numerical"
    assert rate.findtext("questiontext/text").endswith("taux d’engagement\u00a0? (unité\u00a0: %)")
    answers = rate.findall("answer")
    assert [(a.get("fraction"), float(str(a.findtext("text"))), float(str(a.findtext("tolerance"))))
            for a in answers] == [
        ("100", 4.5, 0.1), ("0", 2.25, 0.1)]
    assert all(a.get("format") == "moodle_auto_format" and a.find("feedback").get("format") == "html"
               for a in answers)
    assert answers[1].findtext("feedback/text").startswith("C’est le taux sur les 4\u00a0000 abonnés")
    units = rate.findall("units/unit")
    assert [(u.findtext("unit_name"), u.findtext("multiplier")) for u in units] == [("%", "1")]
    assert [rate.findtext(k) for k in ("unitgradingtype", "showunits", "unitsleft")] == ["0", "0", "0"]
    term = questions["01-basics/term-1"]
    assert term.get("type") == "shortanswer" and term.findtext("usecase") == "0"
    assert [(a.get("fraction"), a.findtext("text")) for a in term.findall("answer")] == [
        ("100", "KPI"), ("100", "indicateur clé de performance"), ("100", "indicateur cle de performance"),
        ("100", "ICP"), ("0", "ROI"), ("0", "RSI")]
    assert all(a.findtext("feedback/text") for a in term.findall("answer"))
    assert questions["01-basics-checks/acronym"].find("units") is None
