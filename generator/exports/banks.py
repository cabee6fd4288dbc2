"""Question banks for Moodle: every quiz in GIFT and in Moodle XML, one language at a time.

Texts are rendered as the portal renders them (author text escaped, **bold** and *italics*
only) and marked as HTML. GIFT has no ordering question and Moodle's ordering type is a
plugin, so an ordering question becomes a matching question: each item is matched to its
position. Matching and ordering questions carry their per-item feedback in the general
feedback, since neither format has a place for it.
"""

from __future__ import annotations

import shutil
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from markupsafe import escape

from generator.course.catalogue import Strings
from generator.course.model import Course, Question, Quiz
from generator.output import publish_file, staging_dir
from generator.render.quiz import inline, inline_text

FORMATS = {"gift": ".gift", "moodle-xml": ".xml"}
ALL = "all-quizzes"  # the file holding every quiz; quiz ids are other slugs
GIFT_SPECIAL = "\\~=#{}:"  # the backslash first, so escapes are not escaped again
NOTES = """Question banks of the course: for Moodle (Question bank > Import), and QTI packages for other platforms.

- <lang>/all-quizzes{ext}: every quiz of the course, each in its own category.
- <lang>/<quiz>{ext}: one quiz.
- <lang>/<quiz>-qti21.zip and <lang>/<quiz>-qti3.zip (coursegen export --format qti21 / qti3): one quiz as a QTI
  2.1 or QTI 3.0 package (imsmanifest.xml, an assessment test, one item per question). Canvas, Blackboard and
  Brightspace import QTI 2.1; TAO and other assessment platforms QTI 3.0. Each item scores 1 when right, 0
  otherwise; each option keeps its feedback, and the explanation is shown once the answer is processed.
  QTI compares short answers without case, and each accepted answer is also given without its accents (as for
  Moodle); unlike the portal, it does not ignore punctuation.

Question pools (a quiz with `draw: N`): each pool is its own category, and its
category's description says how many questions to draw. In Moodle, add them to a quiz
with Add > a random question, choose that category and the number N (see the
deployment page of the course, "Question pools in Moodle").
Exams (`mode: exam`): set the Moodle quiz's review options to show feedback only
"After the quiz is closed" or "Immediately after the attempt".

Ordering questions: GIFT has no ordering type and Moodle's is a plugin, so each ordering
question is exported as a matching question that pairs each item with its position
("Position 1", "Position 2"...). Per-item feedback of matching and ordering questions is
in the question's general feedback.

Numeric questions are "numerical" questions: the answer with its tolerance (a percentage is turned
into a margin), typical wrong answers at 0 % with their feedback, and the unit as an optional unit
(Moodle XML) and in the question text. Short answers are "shortanswer" questions, not case-sensitive;
Moodle does not ignore accents and punctuation as the portal does, so each accepted answer is also
given without its accents.
"""


def gift_escape(text: str) -> str:
    """Escape the characters GIFT reserves (~ = # { } : and the backslash); keep text on one line."""
    for char in GIFT_SPECIAL:
        text = text.replace(char, "\\" + char)
    return " ".join(text.split("\n"))


def weight(count: int) -> str:
    """100/count as Moodle writes grades (33.33333, 12.5): one of the fractions it accepts."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def pairs(q: Question, strings: Strings) -> list[tuple[str, str]]:
    """Matching pairs (plain text on the right); an ordering question pairs items with positions."""
    lang = strings.lang
    if q.type == "ordering":
        return [(item.text[lang], strings.banks["position"].format(n=n)) for n, item in enumerate(q.items, 1)]
    return [(item.text[lang], (item.right or {}).get(lang, "")) for item in q.items]


def plain_number(value: float) -> str:
    """A number as GIFT and Moodle read it: a dot, no grouping, no trailing zeros, never 1e+06."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def prompt(q: Question, strings: Strings) -> str:
    """The question text as HTML; a numeric question's unit is named after it."""
    lang = strings.lang
    unit = q.unit.get(lang)
    return str(inline(q.prompt[lang])) + (str(escape(strings.banks["unit"].format(unit=unit))) if unit else "")


def accepted(texts: list[str]) -> list[str]:
    """Accepted short answers for Moodle, which keeps accents: each text, then itself without accents."""
    out: list[str] = []
    for text in texts:
        bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        out += [t for t in dict.fromkeys((text, unicodedata.normalize("NFC", bare))) if t not in out]
    return out


def general_feedback(q: Question, strings: Strings) -> str:
    """The explanation, followed for matching and ordering by each item's feedback."""
    lang = strings.lang
    parts = [str(inline(q.explanation[lang]))]
    if q.type in ("matching", "ordering"):
        parts += [f"{inline(left)} → {inline(right)}: {inline(item.feedback[lang])}"
                  for (left, right), item in zip(pairs(q, strings), q.items, strict=True)]
    return "<br>".join(parts)


def pool_note(quiz: Quiz, strings: Strings) -> str:
    """The random-question recipe of a pool, or "" for a quiz whose every question is asked."""
    return strings.banks["pool"].format(n=quiz.draw, m=len(quiz.questions)) if quiz.draw else ""


def category(course: Course, quiz: Quiz, lang: str) -> str:
    # Moodle reads a slash as a sub-category: a title's own slashes are doubled.
    return "$course$/top/" + "/".join(t.replace("/", "//") for t in (course.title(lang), quiz.title[lang]))


# -- GIFT --------------------------------------------------------------------------------------------

def gift_question(quiz: Quiz, q: Question, strings: Strings) -> str:
    lang = strings.lang
    head = f"::{gift_escape(quiz.id + '/' + q.id)}::[html]{gift_escape(prompt(q, strings))} {{"
    general = f"####{gift_escape(general_feedback(q, strings))}"
    if q.typed:
        # {#=answer:tolerance#feedback ...} and {=text#feedback ...}; typical wrong answers weigh 0 %.
        lines = [head + ("#" if q.type == "numeric" else "")]
        for a in q.answers:
            mark = "=" if a.correct else "=%0%"
            feedback = gift_escape(str(inline(a.feedback[lang])))
            if q.type == "numeric":
                lines.append(f"{mark}{plain_number(a.value or 0)}:{plain_number(a.tolerance)}#{feedback}")
            else:
                lines += [f"{mark}{gift_escape(text)}#{feedback}" for text in accepted(a.texts[lang])]
        return "\n".join([*lines, general, "}"])
    if q.type == "true_false":
        is_true = q.choices[0].correct  # the "true" choice
        fb_true, fb_false = (gift_escape(str(inline(c.feedback[lang]))) for c in q.choices)
        # GIFT: {TRUE#feedback when answered wrongly#feedback when answered rightly}
        wrong_fb, right_fb = (fb_false, fb_true) if is_true else (fb_true, fb_false)
        return f"{head}{'TRUE' if is_true else 'FALSE'}#{wrong_fb}#{right_fb}{general}}}"
    lines = [head]
    if q.type in ("single", "multiple"):
        correct = sum(c.correct for c in q.choices)
        wrong = len(q.choices) - correct
        for c in q.choices:
            text, feedback = gift_escape(str(inline(c.text[lang]))), gift_escape(str(inline(c.feedback[lang])))
            if q.type == "single":
                lines.append(f"{'=' if c.correct else '~'}{text}#{feedback}")
            else:
                share = weight(correct) if c.correct else "-" + weight(wrong)
                lines.append(f"~%{share}%{text}#{feedback}")
    else:
        for left, right in pairs(q, strings):
            lines.append(f"={gift_escape(str(inline(left)))} -> {gift_escape(str(inline_text(right)))}")
    lines.append(general)
    lines.append("}")
    return "\n".join(lines)


def gift_bank(course: Course, quizzes: list[Quiz], strings: Strings) -> str:
    """GIFT text of `quizzes` in `lang`, each under its own $CATEGORY."""
    lang = strings.lang
    out = [f"// {course.title(lang)}: question bank ({lang}), generated by coursegen.",
           "// Ordering questions are exported as matching questions (item -> position).", ""]
    for quiz in quizzes:
        out += [f"$CATEGORY: {category(course, quiz, lang)}", ""]
        if quiz.draw:
            out += [f"// {pool_note(quiz, strings)}", ""]
        out += [gift_question(quiz, q, strings) + "\n" for q in quiz.questions]
    return "\n".join(out)


# -- Moodle XML --------------------------------------------------------------------------------------

def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(node, "text").text = text
    return node


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def xml_question(quiz: Quiz, q: Question, strings: Strings) -> ET.Element:
    lang = strings.lang
    kind = {"single": "multichoice", "multiple": "multichoice", "true_false": "truefalse", "numeric": "numerical",
            "short_answer": "shortanswer"}.get(q.type, "matching")
    node = ET.Element("question", {"type": kind})
    _text(node, "name", f"{quiz.id}/{q.id}", None)
    _text(node, "questiontext", prompt(q, strings))
    _text(node, "generalfeedback", general_feedback(q, strings))
    _value(node, "defaultgrade", "1")
    _value(node, "penalty", "1" if kind == "truefalse" else "0.3333333")
    _value(node, "hidden", "0")
    _value(node, "idnumber", f"{quiz.id}/{q.id}")
    if q.typed:
        return _typed_answers(node, q, strings)
    if kind == "truefalse":
        for c in q.choices:
            answer = ET.SubElement(node, "answer", {"fraction": "100" if c.correct else "0",
                                                     "format": "moodle_auto_format"})
            ET.SubElement(answer, "text").text = c.id  # "true" / "false", as Moodle names them
            _text(answer, "feedback", str(inline(c.feedback[lang])))
        return node
    if kind == "multichoice":
        _value(node, "single", "true" if q.type == "single" else "false")
    _value(node, "shuffleanswers", "true" if kind == "matching" or quiz.shuffles(q) else "false")
    if kind == "multichoice":
        _value(node, "answernumbering", "abc")
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(node, tag, "")
    if kind == "matching":
        for left, right in pairs(q, strings):
            sub = _text(node, "subquestion", str(inline(left)))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = str(inline_text(right))
        return node
    correct = sum(c.correct for c in q.choices)
    wrong = len(q.choices) - correct
    for c in q.choices:
        if q.type == "single":
            fraction = "100" if c.correct else "0"
        else:
            fraction = weight(correct) if c.correct else "-" + weight(wrong)
        answer = _text(node, "answer", str(inline(c.text[lang])))
        answer.set("fraction", fraction)
        _text(answer, "feedback", str(inline(c.feedback[lang])))
    return node


def _typed_answers(node: ET.Element, q: Question, strings: Strings) -> ET.Element:
    """The answers of a numerical or shortanswer question, as Moodle's own XML export writes them."""
    lang = strings.lang
    if q.type == "short_answer":
        _value(node, "usecase", "0")
    for a in q.answers:
        texts = [plain_number(a.value or 0)] if q.type == "numeric" else accepted(a.texts[lang])
        for text in texts:
            answer = ET.SubElement(node, "answer", {"fraction": "100" if a.correct else "0",
                                                     "format": "moodle_auto_format"})
            ET.SubElement(answer, "text").text = text
            _text(answer, "feedback", str(inline(a.feedback[lang])))
            if q.type == "numeric":
                _value(answer, "tolerance", plain_number(a.tolerance))
    if q.type == "numeric":
        unit = q.unit.get(lang)
        if unit:
            unit_node = ET.SubElement(ET.SubElement(node, "units"), "unit")
            _value(unit_node, "multiplier", "1")
            _value(unit_node, "unit_name", unit)
        # Units optional (unitgradingtype 0, no penalty), typed in the same field (showunits 0); 3: no unit.
        _value(node, "unitgradingtype", "0")
        _value(node, "unitpenalty", "0")
        _value(node, "showunits", "0" if unit else "3")
        _value(node, "unitsleft", "0")
    return node


def xml_bank(course: Course, quizzes: list[Quiz], strings: Strings) -> str:
    """Moodle XML of `quizzes` in `lang`, each preceded by its category."""
    lang = strings.lang
    root = ET.Element("quiz")
    root.append(ET.Comment(f" {course.title(lang)}: question bank ({lang}), generated by coursegen. "
                           "Ordering questions are exported as matching questions (item -> position). "))
    for quiz in quizzes:
        cat = ET.SubElement(root, "question", {"type": "category"})
        _text(cat, "category", category(course, quiz, lang), None)
        if quiz.draw:  # Moodle shows a category's info in the question bank, beside the category
            _text(cat, "info", pool_note(quiz, strings), "html")
        for q in quiz.questions:
            root.append(xml_question(quiz, q, strings))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render_bank(course: Course, quizzes: list[Quiz], strings: Strings, fmt: str) -> str:
    """One bank of `quizzes` in the language of `strings`, as GIFT or Moodle XML."""
    return gift_bank(course, quizzes, strings) if fmt == "gift" else xml_bank(course, quizzes, strings)


def export_banks(course: Course, out: Path, fmt: str, langs: tuple[str, ...]) -> list[Path]:
    """Write the course bank and one bank per quiz, per language, under `out`; return the files.

    Files are written to a temporary folder beside `out` and moved in only when all are written.
    """
    ext = FORMATS[fmt]
    quizzes = list(course.quizzes.values())
    with staged(out) as staging:
        made: list[Path] = []
        for lang in langs:
            (staging / lang).mkdir()
            files = {ALL: quizzes, **{quiz.id: [quiz] for quiz in quizzes}}
            for name, chosen in files.items():
                path = staging / lang / f"{name}{ext}"
                path.write_text(render_bank(course, chosen, course.strings[lang], fmt), encoding="utf-8")
                made.append(path)
        return publish_banks(staging, out, made)


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A folder beside `out` to write a set of banks into (GIFT, Moodle XML and QTI alike), removed when done:
    publish_banks moves them into `out` only once every one is written."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_dir(out)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish_banks(staging: Path, out: Path, made: list[Path]) -> list[Path]:
    """Put the host's README.txt beside the banks `made` in `staging`, then move them all into `out`, each in
    place at once (GIFT, Moodle XML and QTI alike); the files written."""
    out = out.resolve()
    (staging / "README.txt").write_text(NOTES.replace("{ext}", ".gift or .xml"), encoding="utf-8")
    written = []
    for path in [*made, staging / "README.txt"]:
        target = out / path.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        publish_file(path, target)
        written.append(target)
    return written
