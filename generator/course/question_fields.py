"""Which fields each question type reads, and the rules that need a key's line: a field of another type
(`answer: d` on a single-choice question), a tolerance below zero.

A field another type owns would be ignored without a word, or, worse, checked against that type's
rules: `answer: d` on a single-choice question used to read as "expected boolean or number", which
says nothing of the real mistake and kept the quiz's answer key from being checked at all. Such a field
is reported here, before the schema, and taken out, so that every other check still runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.course.problems import Problems
from generator.course.yamlfile import LineDict

COMMON = {"id", "type", "prompt", "explanation", "lesson", "shuffle"}
OWN = {
    "single": {"choices"},
    "multiple": {"choices"},
    "true_false": {"answer", "feedback_true", "feedback_false"},
    "ordering": {"items"},
    "matching": {"pairs"},
    "numeric": {"answer", "tolerance", "unit", "feedback", "wrong_answers"},
    "short_answer": {"answers", "feedback", "wrong_answers"},
}
NAMES = {"single": "single-choice", "multiple": "multiple-choice", "true_false": "true-false",
         "ordering": "ordering", "matching": "matching", "numeric": "numeric", "short_answer": "short-answer"}
# How a type gives what the misplaced field would have given: the fix, in the author's terms.
HOW = {
    "single": "marks its right choice with 'correct: true'",
    "multiple": "marks its right choices with 'correct: true'",
    "true_false": "has one 'answer: true' or 'answer: false' and 'feedback_true' and 'feedback_false'",
    "ordering": "lists its 'items' in the right order",
    "matching": "lists its 'pairs', each right-hand text beside its left-hand one",
    "numeric": "has one number in 'answer'",
    "short_answer": "lists its accepted texts in 'answers'",
}
# The older, more precise words for a field of the other typed question (kept: authors know them).
TYPED_HINTS = {("unit", "short_answer"): "a short answer is text, it has no unit",
               ("tolerance", "short_answer"): "a short answer is matched as text, without tolerance"}
# Fields a typical wrong answer may hold, per type.
WRONG_OWN = {"numeric": {"answer", "tolerance", "feedback"}, "short_answer": {"answers", "feedback"}}


def owners(key: str) -> str:
    """`true-false and numeric`: the types that read `key`."""
    names = [NAMES[kind] for kind, fields in OWN.items() if key in fields]
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _foreign(entry: LineDict, kind: str, allowed: set[str], where: str, path: Path, problems: Problems) -> None:
    known = set().union(*OWN.values())
    for key in [k for k in entry if k in known and k not in allowed]:
        article = "an" if NAMES[kind][0] in "aeiou" else "a"
        hint = TYPED_HINTS.get((key, kind), f"{article} {NAMES[kind]} question {HOW[kind]}")
        problems.add(path, entry.line_of(key), "quiz.field_not_for_type",
                     f"{where}: '{key}' belongs to {owners(key)} questions and {hint}: remove '{key}'")
        del entry[key]


def drop_foreign_fields(data: Any, path: Path, problems: Problems) -> None:
    """Report, then remove, every field a question (or one of its wrong answers) has but its type never reads."""
    questions = data.get("questions") if isinstance(data, LineDict) else None
    for question in questions if isinstance(questions, list) else []:
        kind = question.get("type") if isinstance(question, LineDict) else None
        if not isinstance(kind, str) or kind not in OWN:
            continue  # no type, or an unknown one: the schema says so
        where = f"question '{question.get('id')}'"
        _foreign(question, kind, COMMON | OWN[kind], where, path, problems)
        wrong = question.get("wrong_answers")
        for entry in wrong if kind in WRONG_OWN and isinstance(wrong, list) else []:
            if isinstance(entry, LineDict):
                _foreign(entry, kind, WRONG_OWN[kind], where, path, problems)


def check_tolerances(question: LineDict, path: Path, problems: Problems) -> None:
    """A tolerance below zero, on a numeric question or one of its wrong answers (after the schema)."""
    entries = [question, *[w for w in question.get("wrong_answers", []) if isinstance(w, LineDict)]]
    for entry in entries:
        tolerance = entry.get("tolerance")
        if isinstance(tolerance, (int, float, str)) and str(tolerance).strip().startswith("-"):
            problems.add(path, entry.line_of("tolerance"), "quiz.negative_tolerance",
                         f"question '{question['id']}': tolerance {tolerance} is below zero: write how far from the "
                         "answer a reply may be, as 0 or more (0.5) or a percentage (5%)")
