"""Item-writing warnings of `coursegen check` (issue 23): cues that hand a learner the right answer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.test_cli import run
from tests.test_quiz_rules import single, write_quiz

TRUE_FALSE = """  - id: {qid}
    type: true_false
    prompt: {{en: "{en}", fr: "{fr}"}}
    answer: {answer}
    feedback_true: {{en: "Why.", fr: "Pourquoi."}}
    feedback_false: {{en: "Why.", fr: "Pourquoi."}}
    explanation: {{en: "Because.", fr: "Parce que."}}
"""
MATCHING = """  - id: pairs
    type: matching
    prompt: {en: "Match each goal with its figure.", fr: "Associez chaque objectif à son chiffre."}
    pairs:
      - {left: {en: "Bookings", fr: "Bookings"}, right: {en: "Bookings made online", fr: "Bookings made online"},
         feedback: {en: "Why.", fr: "Pourquoi."}}
      - {left: {en: "Awareness", fr: "Awareness"}, right: {en: "Reach", fr: "Reach"},
         feedback: {en: "Why.", fr: "Pourquoi."}}
      - {left: {en: "Loyalty", fr: "Loyalty"}, right: {en: "Repeat customers", fr: "Repeat customers"},
         feedback: {en: "Why.", fr: "Pourquoi."}}
    explanation: {en: "Because.", fr: "Parce que."}
"""


def question(qid: str, prompt: str, right: int, texts: tuple[str, str, str]) -> str:
    return single(qid, right, texts, prompt)


def warnings(course: Path) -> list[str]:
    result = run("check", "--strict", cwd=course)
    return [line.removeprefix("warning: ") for line in result.stderr.splitlines() if line.startswith("warning: ")]


def test_the_key_that_alone_opens_differently_is_named_at_its_question(course: Path) -> None:
    options = ("Keep it, and post twice", "Keep it, and skip the rule", "Rewrite it with the team")
    write_quiz(course, [question("quota", "Your rules allow one post a week. What do you do?", 2, options)])
    assert warnings(course) == [
        f"quizzes/01-basics.yml:5: question 'quota' ({lang}): only the right option opens with 'rewri…', every "
        "wrong one opens alike; open the options the same way or each differently [quiz.key_opening]"
        for lang in ("en", "fr")]


def test_the_key_that_alone_repeats_the_question_is_named(course: Path) -> None:
    write_quiz(course, [question("garage", "A garage wants more bookings. What do you track?", 0,
                                 ("Weekly bookings", "Likes per post", "Followers gained"))])
    assert warnings(course)[0] == (
        "quizzes/01-basics.yml:5: question 'garage' (en): only the right option repeats the question's 'booki…'; "
        "reword it, or let a wrong option use the word too [quiz.key_echo]")
    # Once a wrong option uses the word as well, the word no longer points at the key.
    write_quiz(course, [question("garage", "A garage wants more bookings. What do you track?", 0,
                                 ("Weekly bookings", "Bookings per like", "Followers gained"))])
    assert warnings(course) == []


def test_a_matching_pair_that_echoes_its_left_item_is_named(course: Path) -> None:
    write_quiz(course, [MATCHING])
    assert warnings(course)[0] == (
        "quizzes/01-basics.yml:5: question 'pairs' (en): the match of 'Bookings' repeats its words; a learner can "
        "pair them without the lesson: reword one side [quiz.match_echo]")


def test_true_false_statements_that_hedge_or_overclaim_are_named_in_each_language(course: Path) -> None:
    write_quiz(course, [
        TRUE_FALSE.format(qid="hedge", en="A review can be answered in public.", fr="On répond en public.",
                          answer="true"),
        TRUE_FALSE.format(qid="absolute", en="You should reply to reviews.", fr="Il faut toujours répondre.",
                          answer="false"),
        # An absolute in a true statement, or a hedge in a false one, gives nothing away.
        TRUE_FALSE.format(qid="plain", en="Never share a password.", fr="Ne partagez jamais un mot de passe.",
                          answer="true"),
    ])
    assert warnings(course) == [
        "quizzes/01-basics.yml:5: question 'hedge' (en): a true statement hedges with 'can', which gives the answer "
        "away; state it plainly [quiz.true_false_cue]",
        "quizzes/01-basics.yml:12: question 'absolute' (fr): a false statement overclaims with 'toujours', which "
        "gives the answer away; state it plainly [quiz.true_false_cue]",
    ]


def test_right_answers_in_a_steady_rhythm_are_named_once_per_quiz(course: Path) -> None:
    write_quiz(course, [single(f"q{n}", n % 3) for n in range(6)])  # a, b, c, a, b, c
    assert warnings(course) == [
        "quizzes/01-basics.yml:5: the right answers follow one step from question to question in 5 of 5 moves (in "
        "the author's order, as the PDFs and banks print them): break the rhythm [quiz.answer_step]"]
    write_quiz(course, [single(f"q{n}", right) for n, right in enumerate((0, 2, 2, 1, 0, 1))])
    assert warnings(course) == []


def test_a_stated_duration_far_from_the_computed_minutes_is_named_in_each_language(course: Path) -> None:
    for name in ("01-goal-first.md", "01-goal-first.fr.md"):
        path = course / "modules" / "01-basics" / name
        path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\nduration: 20\n", 1), encoding="utf-8")
    tail = "(150 words a minute, 45 s a question): remove 'duration', which the build computes, or shorten the text"
    assert warnings(course) == [
        f"modules/01-basics/01-goal-first.fr.md:2: 'duration: 20' but this lesson takes about 1 min in fr {tail} "
        "[page.duration_off]",
        f"modules/01-basics/01-goal-first.md:2: 'duration: 20' but this lesson takes about 1 min in en {tail} "
        "[page.duration_off]"]


def test_paper_and_no_js_pages_show_options_in_a_fixed_shuffle_that_hides_the_authors_pattern() -> None:
    from collections import Counter

    from generator.course.load import load_valid_course
    from generator.render.quiz import choices_in_order

    course = load_valid_course(Path(__file__).resolve().parent.parent)
    singles = [(quiz, q) for quiz in course.quizzes.values() for q in quiz.questions
               if q.type == "single" and quiz.shuffles(q)]
    shown = {(quiz.id, q.id): [c.id for c in choices_in_order(quiz, q)] for quiz, q in singles}
    assert shown == {(quiz.id, q.id): [c.id for c in choices_in_order(quiz, q)] for quiz, q in singles}  # stable
    moved = sum(shown[quiz.id, q.id] != [c.id for c in q.choices] for quiz, q in singles)
    assert moved > len(singles) / 2, f"only {moved} of {len(singles)} questions change order on paper"
    positions = Counter(shown[quiz.id, q.id].index(q.correct_ids[0]) for quiz, q in singles)
    assert max(positions.values()) < 0.5 * len(singles), positions
    quiz, q = next((quiz, q) for quiz, q in singles if shown[quiz.id, q.id] != [c.id for c in q.choices])
    kept = dataclasses.replace(q, shuffle=False)
    assert choices_in_order(quiz, kept) == q.choices  # "shuffle: false": the author's order stays

