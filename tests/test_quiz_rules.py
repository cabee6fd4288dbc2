"""Quiz settings of issue 14: pool, exam and shuffle rules, and the warnings for guessable quizzes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.course.load import load_valid_course
from generator.course.problems import ContentError
from tests.test_cli import run

SINGLE = """  - id: {qid}
    type: single
    prompt: {{en: "{prompt}", fr: "{prompt_fr}"}}
    choices:
{choices}    explanation: {{en: "Because.", fr: "Parce que."}}
"""
CHOICE = """      - id: {cid}
{right}        text: {{en: "{text}", fr: "{text}"}}
        feedback: {{en: "Why.", fr: "Pourquoi."}}
"""


def single(qid: str, right: int, texts: tuple[str, ...] = ("one", "two", "six"), prompt: str = "") -> str:
    choices = "".join(CHOICE.format(cid="abc"[i], text=text, right="        correct: true\n" if i == right else "")
                      for i, text in enumerate(texts))
    prompt = prompt or f"Question {qid}?"
    # French puts a non-breaking space before a question mark (fr.typography).
    prompt_fr = prompt.replace(" ?", "?").replace("?", "\\u00a0?")
    return SINGLE.format(qid=qid, choices=choices, prompt=prompt, prompt_fr=prompt_fr)


def write_quiz(course: Path, questions: list[str], settings: str = "") -> Path:
    path = course / "quizzes" / "01-basics.yml"
    path.write_text('title: {en: "Module 1 quiz", fr: "Quiz du module 1"}\nkind: module\npass_mark: 75\n' + settings
                    + "questions:\n" + "".join(questions), encoding="utf-8")
    return path


def problems_of(course: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_valid_course(course)
    return [str(p) for p in caught.value.problems]


def test_pool_exam_and_shuffle_settings_load(course: Path) -> None:
    write_quiz(course, [single("q1", 0), single("q2", 1), single("q3", 2)],
               "draw: 2\nmode: exam\ntime_limit: 20\nshuffle: true\n")
    quiz = load_valid_course(course).quizzes["01-basics"]
    assert (quiz.draw, quiz.size, quiz.mode, quiz.time_limit) == (2, 2, "exam", 20)
    assert all(quiz.shuffles(q) for q in quiz.questions)


def test_a_question_can_keep_author_order(course: Path) -> None:
    write_quiz(course, [single("q1", 0).replace("    type: single\n", "    type: single\n    shuffle: false\n")],
               "shuffle: true\n")
    quiz = load_valid_course(course).quizzes["01-basics"]
    assert quiz.shuffles(quiz.questions[0]) is False


def test_settings_that_cannot_work_are_problems_with_their_line(course: Path) -> None:
    write_quiz(course, [single("q1", 0), single("q2", 1)], "draw: 3\ntime_limit: 10\n")
    checks = course / "quizzes" / "01-basics-checks.yml"
    checks.write_text(checks.read_text(encoding="utf-8").replace("kind: check\n", "kind: check\nmode: exam\n"),
                      encoding="utf-8")
    found = problems_of(course)
    assert "quizzes/01-basics.yml:4: 'draw: 3' but the quiz has 2 questions: draw at most as many as there are, " \
           "or add questions [quiz.draw_too_many]" in found
    assert "quizzes/01-basics.yml:5: 'time_limit' needs 'mode: exam': a practice quiz gives feedback as the " \
           "learner goes [quiz.time_limit_practice]" in found
    assert ("quizzes/01-basics-checks.yml:4: 'mode' applies to module quizzes only: remove it or use "
            "'kind: module' [quiz.module_only]") in found


def test_check_warns_about_guessable_quizzes_and_fails_only_when_strict(course: Path) -> None:
    long = ("no", "a much longer right answer", "nope")
    write_quiz(course, [single("q1", 1, long), single("q2", 1, long), single("q3", 0), single("q4", 1),
                        single("q5", 2)])
    result = run("check", cwd=course)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "warning: " + ("quizzes/01-basics.yml:5: the right answer is option 2 (in the author's order) in 3 of 5 "
                       "single-choice questions (more than 40%): q1, q2, q4; move some right answers to other "
                       "positions, as the PDFs and banks keep this order [quiz.answer_position]"),
        "1 warning(s): cues a learner could guess by, stale durations, language slips, translations to do or examples "
        "to replace",
    ]
    strict = run("check", "--strict", cwd=course)
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1].endswith("(failing because of --strict)")


def test_check_names_the_questions_whose_right_answer_is_the_longest(course: Path) -> None:
    long = ("no", "a much longer right answer", "nope")
    write_quiz(course, [single("q1", 1, long), single("q2", 0, ("the longest right one", "b", "c")),
                        single("q3", 2, ("a", "b", "the right one, longest")), single("q4", 0)])
    lines = run("check", "--strict", cwd=course).stderr.splitlines()
    assert lines[0] == "warning: " + (
        "quizzes/01-basics.yml:5: the right answer is the longest option (en) in 3 of 4 single-choice questions "
        "(more than half): q1, q2, q3; shorten it or give a wrong option the detail a right one would have, "
        "rather than padding [quiz.answer_longest]")
    assert lines[1] == lines[0].replace("(en)", "(fr)")


def test_fewer_than_three_questions_and_unavoidable_spreads_are_not_judged(course: Path) -> None:
    write_quiz(course, [single("q1", 1), single("q2", 1)])
    result = run("check", "--strict", cwd=course)
    assert result.returncode == 0 and result.stderr == ""
    # Seven three-option questions: 3 of 7 at one position (43 %) is as even as it gets.
    write_quiz(course, [single(f"q{n}", right) for n, right in enumerate((0, 1, 2, 2, 1, 0, 0))])
    result = run("check", "--strict", cwd=course)
    assert result.returncode == 0 and result.stderr == ""
