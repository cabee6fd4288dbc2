"""Item-writing warnings: options that hand a learner the right answer without the content.

Test-wise learners pick the odd one out, the option that repeats the question's words, the true
statement that hedges ("can", "may") and the false one that overclaims ("always", "never"), and
they follow a steady rhythm in answer positions. Each rule below finds one such cue in the author's
text; like the position and length rules (guessable.py) they are warnings, fatal with `--strict`.

Words are compared after `normalise_answer` (no case, accents or punctuation) and cut to a short
stem, so "photo"/"photos" or "partage"/"partager" meet. Which words count as content is learned
from the course itself: a word found in many of the course's texts of one language is a function
word there ("the", "une", "der"), so no language is named in the code. The hedge and absolute words
of true/false statements are data: the `item_writing` section of each language's catalogue.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator

from generator.course.model import Course, Question, Quiz, normalise_answer
from generator.course.problems import Problems

STEM = 5  # letters kept of a word: "sharing" and "share" differ, "photos" and "photo" do not
MIN_WORD = 4  # shorter words are function words in every language the course has met
COMMON_SHARE = 0.02  # a word in more than 2 % of a language's texts is a function word...
COMMON_MIN = 5  # ...once it is in at least five of them (a small course has few texts)
STEP_MIN_MOVES = 4  # fewer moves than this make any sequence look regular
STEP_SHARE = 0.75  # one move between consecutive right positions in 75 % of moves or more is a rhythm


def _words(text: str) -> list[str]:
    return normalise_answer(text).split()


def _stems(text: str, common: set[str]) -> set[str]:
    return {w[:STEM] for w in _words(text) if len(w) >= MIN_WORD and w[:STEM] not in common}


def _texts(quiz: Quiz, lang: str) -> Iterator[str]:
    for q in quiz.questions:
        yield q.prompt.get(lang, "")
        yield from (c.text.get(lang, "") for c in q.choices)
        for item in q.items:
            yield item.text.get(lang, "")
            if item.right:
                yield item.right.get(lang, "")


def common_stems(quizzes: Iterable[Quiz], lang: str) -> set[str]:
    """Stems found in many texts of `lang`: the function words of that language in this course."""
    texts = [t for quiz in quizzes for t in _texts(quiz, lang) if t]
    counts = Counter(stem for t in texts for stem in {w[:STEM] for w in _words(t)})
    floor = max(COMMON_MIN, COMMON_SHARE * len(texts))
    return {stem for stem, n in counts.items() if n >= floor}


def _single(q: Question) -> bool:
    return q.type == "single" and len(q.choices) >= 3 and sum(c.correct for c in q.choices) == 1


def _opening(text: str, common: set[str]) -> str:
    """The stem of the first content word: "Keep it, and…" opens with "keep", "La publication…" with "publi"."""
    return next((w[:STEM] for w in _words(text) if len(w) >= MIN_WORD and w[:STEM] not in common), "")


def key_opening(q: Question, lang: str, common: set[str]) -> str | None:
    """The key's opening when every wrong option opens with one same other word."""
    key = next(c for c in q.choices if c.correct)
    others = {_opening(c.text[lang], common) for c in q.choices if not c.correct}
    opening = _opening(key.text[lang], common)
    return opening if len(others) == 1 and opening not in others else None


def key_echo(q: Question, lang: str, common: set[str]) -> set[str]:
    """Stems the key shares with the prompt that no wrong option shares."""
    stem = _stems(q.prompt[lang], common)
    key = next(c for c in q.choices if c.correct)
    wrong = set().union(*(_stems(c.text[lang], common) for c in q.choices if not c.correct))
    return (_stems(key.text[lang], common) & stem) - wrong


def matching_echoes(q: Question, lang: str, common: set[str]) -> list[str]:
    """The left items whose right item repeats one of their words, and no other left item's."""
    found = []
    lefts = [_stems(item.text[lang], common) for item in q.items]
    for n, item in enumerate(q.items):
        right = _stems(item.right[lang], common) if item.right else set()
        others = set().union(*(s for m, s in enumerate(lefts) if m != n))
        if (right & lefts[n]) - others:
            found.append(item.text[lang])
    return found


def cue_words(course: Course, lang: str, key: str) -> set[str]:
    """The hedge or absolute words of `lang` (catalogue section item_writing), normalised."""
    listed = course.strings[lang].table("item_writing").get(key, "") if lang in course.strings else ""
    return {normalise_answer(w) for w in listed.split(",") if w.strip()}


def hedged(q: Question, lang: str, hedges: set[str], absolutes: set[str]) -> str | None:
    """The cue a true/false statement carries: a hedge when it is true, an absolute when false."""
    if q.type != "true_false":
        return None
    text = " " + normalise_answer(q.prompt[lang]) + " "
    is_true = next(c.correct for c in q.choices if c.id == "true")
    return next((w for w in sorted(hedges if is_true else absolutes) if f" {w} " in text), None)


def step_share(quiz: Quiz) -> tuple[int, int]:
    """How many moves between consecutive right positions (author order) repeat the commonest move."""
    singles = [q for q in quiz.questions if _single(q)]
    size = max((len(q.choices) for q in singles), default=1)
    positions = [next(i for i, c in enumerate(q.choices) if c.correct) for q in singles]
    moves = Counter((b - a) % size for a, b in itertools.pairwise(positions))
    return (moves.most_common(1)[0][1] if moves else 0), sum(moves.values())


Cues = dict[str, tuple[set[str], set[str]]]  # by language: (hedges, absolutes)


def check_quiz(quiz: Quiz, course: Course, common: dict[str, set[str]], cues: Cues, problems: Problems) -> None:
    for q in quiz.questions:
        for lang in course.languages:
            if _single(q) and (opening := key_opening(q, lang, common[lang])):
                problems.add(quiz.path, q.id_line or q.line, "quiz.key_opening",
                             f"question '{q.id}' ({lang}): only the right option opens with '{opening}…', every "
                             "wrong one opens alike; open the options the same way or each differently")
            if _single(q) and (echo := key_echo(q, lang, common[lang])):
                problems.add(quiz.path, q.id_line or q.line, "quiz.key_echo",
                             f"question '{q.id}' ({lang}): only the right option repeats the question's "
                             f"'{sorted(echo)[0]}…'; reword it, or let a wrong option use the word too")
            if q.type == "matching" and (echoes := matching_echoes(q, lang, common[lang])):
                problems.add(quiz.path, q.id_line or q.line, "quiz.match_echo",
                             f"question '{q.id}' ({lang}): the match of {echoes[0]!r} repeats its words; a learner "
                             "can pair them without the lesson: reword one side")
            cue = hedged(q, lang, *cues[lang])
            if cue:
                state = "a true statement hedges" if q.choices[0].correct else "a false statement overclaims"
                problems.add(quiz.path, q.id_line or q.line, "quiz.true_false_cue",
                             f"question '{q.id}' ({lang}): {state} with '{cue}', which gives the answer away; "
                             "state it plainly")
    same, moves = step_share(quiz)
    if moves >= STEP_MIN_MOVES and same >= STEP_SHARE * moves:
        first = next(q for q in quiz.questions if _single(q))
        problems.add(quiz.path, first.line, "quiz.answer_step",
                     f"the right answers follow one step from question to question in {same} of {moves} moves "
                     "(in the author's order, as the PDFs and banks print them): break the rhythm")


def item_writing(course: Course, problems: Problems) -> None:
    """Record the item-writing warnings of every quiz of the course."""
    common = {lang: common_stems(course.quizzes.values(), lang) for lang in course.languages}
    cues = {lang: (cue_words(course, lang, "hedges"), cue_words(course, lang, "absolutes"))
            for lang in course.languages}
    for quiz in course.quizzes.values():
        check_quiz(quiz, course, common, cues, problems)
