"""One quiz question as a QTI 3.0 assessment item: its interaction, its scoring and its feedback.

Items are written once, in QTI 3.0 names (qti_package.py renames them for QTI 2.1). Each item scores
1 when answered right and 0 otherwise, as the portal counts a question; the response processing is
written out in full rather than as a standard template, since the per-option feedback and the numeric
ranges need more than `match_correct` gives. Per-option feedback is inline in each choice, shown for the
options chosen; the feedback of a typed answer is a block after the field, shown for the foreseen answer
the learner typed; the explanation (and for ordering and matching, each item's feedback, which QTI
cannot attach to a dragged item) is a modal feedback shown once the answer is processed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markupsafe import escape

from generator.course.catalogue import Strings
from generator.course.model import Question, Quiz
from generator.exports.banks import accepted, pairs, plain_number, prompt
from generator.render.quiz import inline, inline_text

# The types this writer expresses; any other is a problem at the question's line (qti_package.check_expressible).
TYPES = ("single", "multiple", "true_false", "ordering", "matching", "numeric", "short_answer")
QTI3 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"
QTI3_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def ident(text: str) -> str:
    """A QTI identifier: quiz and option ids may start with a digit, which an XML NCName may not."""
    return text if text[:1].isalpha() or text[:1] == "_" else "_" + text


def item_id(quiz: Quiz, q: Question) -> str:
    return ident(f"{quiz.id}-{q.id}")


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def _html(parent: ET.Element, tag: str, markup: str, **attrs: str) -> ET.Element:
    """An element holding the portal's inline HTML (escaped text, <strong>, <em lang>), parsed as XML."""
    node = ET.fromstring(f"<{tag}>{markup}</{tag}>")
    node.attrib.update({k.replace("_", "-"): v for k, v in attrs.items()})
    parent.append(node)
    return node


def _declare(item: ET.Element, q: Question, lang: str) -> str:
    """Response and outcome declarations; returns the response's base type."""
    base = {"ordering": "identifier", "matching": "directedPair", "numeric": "float",
            "short_answer": "string"}.get(q.type, "identifier")
    cardinality = {"multiple": "multiple", "matching": "multiple", "ordering": "ordered"}.get(q.type, "single")
    response = _el(item, "qti-response-declaration", identifier="RESPONSE", cardinality=cardinality, base_type=base)
    correct = _el(response, "qti-correct-response")
    for value in _correct_values(q, lang):
        _el(correct, "qti-value", value)
    for name, kind, default in (("SCORE", "float", "0"), ("MAXSCORE", "float", "1")):
        _el(_el(_el(item, "qti-outcome-declaration", identifier=name, cardinality="single", base_type=kind),
                "qti-default-value"), "qti-value", default)
    _el(item, "qti-outcome-declaration", identifier="FEEDBACK", cardinality="multiple", base_type="identifier")
    _el(item, "qti-outcome-declaration", identifier="EXPLANATION", cardinality="single", base_type="identifier")
    return base


def _correct_values(q: Question, lang: str) -> list[str]:
    if q.type in ("single", "multiple", "true_false"):
        return [ident(c.id) for c in q.choices if c.correct]
    if q.type == "ordering":
        return [f"i{n}" for n in range(1, len(q.items) + 1)]  # the author writes the items in the right order
    if q.type == "matching":
        rights = _rights(q, lang)
        return [f"l{n} r{rights.index((item.right or {}).get(lang, '')) + 1}" for n, item in enumerate(q.items, 1)]
    right = q.answers[0]
    return [plain_number(right.value or 0.0)] if q.type == "numeric" else right.texts[lang][:1]


def _rights(q: Question, lang: str) -> list[str]:
    """The distinct right-hand texts of a matching question, in order: two pairs may share one."""
    return list(dict.fromkeys((item.right or {}).get(lang, "") for item in q.items))


def _body(item: ET.Element, quiz: Quiz, q: Question, strings: Strings) -> None:
    lang = strings.lang
    body = _el(item, "qti-item-body")
    shuffle = "true" if quiz.shuffles(q) else "false"
    if q.typed:
        para = _html(body, "p", prompt(q, strings) + " ")
        _el(para, "qti-text-entry-interaction", response_identifier="RESPONSE", expected_length="20")
        for n, answer in enumerate(q.answers):
            block = _el(body, "qti-feedback-block", outcome_identifier="FEEDBACK", identifier=f"a{n}",
                        show_hide="show")
            _html(block, "p", str(inline(answer.feedback[lang])))
        return
    if q.type == "ordering":
        interaction = _el(body, "qti-order-interaction", response_identifier="RESPONSE", shuffle="true")
        _html(interaction, "qti-prompt", prompt(q, strings))
        for n, item_ in enumerate(q.items, 1):  # shuffled always: in author order it would show the answer
            _html(interaction, "qti-simple-choice", str(inline(item_.text[lang])), identifier=f"i{n}")
        return
    if q.type == "matching":
        interaction = _el(body, "qti-match-interaction", response_identifier="RESPONSE", shuffle=shuffle,
                          max_associations=str(len(q.items)))
        _html(interaction, "qti-prompt", prompt(q, strings))
        lefts = _el(interaction, "qti-simple-match-set")
        for n, item_ in enumerate(q.items, 1):
            _html(lefts, "qti-simple-associable-choice", str(inline(item_.text[lang])), identifier=f"l{n}",
                  match_max="1")
        rights = _el(interaction, "qti-simple-match-set")
        for n, text in enumerate(_rights(q, lang), 1):
            _html(rights, "qti-simple-associable-choice", str(inline_text(text)), identifier=f"r{n}",
                  match_max=str(len(q.items)))
        return
    most = "1" if q.type != "multiple" else "0"
    interaction = _el(body, "qti-choice-interaction", response_identifier="RESPONSE", shuffle=shuffle,
                      max_choices=most)
    _html(interaction, "qti-prompt", prompt(q, strings))
    for c in q.choices:
        text = str(escape(strings.site[c.id])) if q.type == "true_false" else str(inline(c.text[lang]))
        choice = _html(interaction, "qti-simple-choice", text + " ", identifier=ident(c.id))
        if q.type == "true_false" or not quiz.shuffles(q):
            choice.set("fixed", "true")
        _html(choice, "qti-feedback-inline", str(inline(c.feedback[lang])), outcome_identifier="FEEDBACK",
              identifier=ident(c.id), show_hide="show")


def _set(parent: ET.Element, outcome: str, value: ET.Element) -> None:
    _el(parent, "qti-set-outcome-value", identifier=outcome).append(value)


def _value(base: str, text: str) -> ET.Element:
    node = ET.Element("qti-base-value", {"base-type": base})
    node.text = text
    return node


def _feedback(ids: list[str]) -> ET.Element:
    node = ET.Element("qti-multiple")
    node.extend(_value("identifier", i) for i in ids)
    return node


def _variable() -> ET.Element:
    return ET.Element("qti-variable", {"identifier": "RESPONSE"})


def _answer_test(q: Question, n: int, strings: Strings) -> ET.Element:
    """True when the response is the n-th foreseen typed answer: in its range, or one of its texts."""
    answer = q.answers[n]
    if q.type == "numeric":
        test = ET.Element("qti-and")
        for op, bound in (("qti-gte", answer.low), ("qti-lte", answer.high)):
            compare = _el(test, op)
            compare.append(_variable())
            compare.append(_value("float", plain_number(bound)))
        return test
    test = ET.Element("qti-or")  # Moodle's rule too: no case, and each text also without its accents
    for text in accepted(answer.texts[strings.lang]):
        match = _el(test, "qti-string-match", case_sensitive="false")
        match.append(_variable())
        match.append(_value("string", text))
    return test


def _processing(item: ET.Element, q: Question, strings: Strings) -> None:
    rp = _el(item, "qti-response-processing")
    _set(rp, "EXPLANATION", _value("identifier", "explanation"))
    if q.typed:
        condition = _el(rp, "qti-response-condition")
        _el(_el(condition, "qti-response-if"), "qti-is-null").append(_variable())
        for n in range(len(q.answers)):
            branch = _el(condition, "qti-response-else-if")
            branch.append(_answer_test(q, n, strings))
            if q.answers[n].correct:
                _set(branch, "SCORE", _value("float", "1"))
            _set(branch, "FEEDBACK", _feedback([f"a{n}"]))
        return
    if q.type in ("single", "multiple", "true_false"):
        condition = _el(_el(rp, "qti-response-condition"), "qti-response-if")
        _el(_el(condition, "qti-not"), "qti-is-null").append(_variable())
        multiple = ET.Element("qti-multiple")
        multiple.append(_variable())
        _set(condition, "FEEDBACK", multiple)
    branch = _el(_el(rp, "qti-response-condition"), "qti-response-if")
    match = _el(branch, "qti-match")
    match.append(_variable())
    _el(match, "qti-correct", identifier="RESPONSE")
    _set(branch, "SCORE", _value("float", "1"))


def _modal(item: ET.Element, q: Question, strings: Strings) -> None:
    lang = strings.lang
    modal = _el(item, "qti-modal-feedback", outcome_identifier="EXPLANATION", identifier="explanation",
                show_hide="show")
    content = _el(modal, "qti-content-body")
    _html(content, "p", str(inline(q.explanation[lang])))
    if q.type in ("ordering", "matching"):
        listing = _el(content, "ul")
        for (left, right), entry in zip(pairs(q, strings), q.items, strict=True):
            _html(listing, "li", f"{inline(left)} → {inline(right)}: {inline(entry.feedback[lang])}")


def qti3_item(quiz: Quiz, q: Question, strings: Strings) -> ET.Element:
    """The QTI 3.0 assessment item of `q` in the language of `strings`."""
    item = ET.Element("qti-assessment-item", {
        "xmlns": QTI3, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{QTI3} {QTI3_XSD}",
        "identifier": item_id(quiz, q), "title": f"{quiz.id}/{q.id}", "adaptive": "false",
        "time-dependent": "false", "xml:lang": strings.lang})
    _declare(item, q, strings.lang)
    _body(item, quiz, q, strings)
    _processing(item, q, strings)
    _modal(item, q, strings)
    return item
