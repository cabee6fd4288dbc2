"""QTI packages: one zip per quiz and language (imsmanifest.xml, an assessment test, one file per question).

Two versions of the same package: QTI 3.0, which current assessment platforms (TAO...) read, and
QTI 2.1, which Canvas, Blackboard and Brightspace import. The items are written once in QTI 3.0
(qti_items.py); QTI 2.1 differs in names only for what we write (camelCase elements and attributes,
no <qti-content-body> in a modal feedback, its own namespaces and resource types), so the 2.1 files are
the 3.0 ones renamed. tests/test_qti.py checks that this gives what citolab-qti-convert (the
reference converter between the two) makes of our 3.0 package.
"""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from generator.course.catalogue import Strings
from generator.course.model import Course, Quiz
from generator.course.problems import ContentError, Problems
from generator.exports.banks import publish_banks, staged
from generator.exports.qti_items import QTI3, QTI3_XSD, TYPES, XSI, ident, item_id, qti3_item
from generator.output import build_epoch, zip_tree


@dataclass(frozen=True)
class Version:
    """What differs between the two QTI versions in a package."""

    name: str  # the --format value
    item_type: str
    test_type: str
    manifest_ns: str
    manifest_xsd: str
    schema_version: str
    qti_ns: str
    qti_xsd: str


VERSIONS = {
    "qti3": Version("qti3", "imsqti_item_xmlv3p0", "imsqti_test_xmlv3p0",
                    "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1",
                    "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd",
                    "3.0.0", QTI3, QTI3_XSD),
    "qti21": Version("qti21", "imsqti_item_xmlv2p1", "imsqti_test_xmlv2p1",
                     "http://www.imsglobal.org/xsd/imscp_v1p1",
                     "http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd",
                     "1.0.0", "http://www.imsglobal.org/xsd/imsqti_v2p1",
                     "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"),
}
KEEP = ("xmlns", "xml:", "xsi:")  # attribute names that are not QTI's own and keep their spelling


def camel(name: str) -> str:
    """QTI 3.0's kebab-case name as QTI 2.1 spells it: qti-choice-interaction -> choiceInteraction."""
    head, *rest = name.removeprefix("qti-").split("-")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def to_qti21(node: ET.Element) -> ET.Element:
    """A copy of a QTI 3.0 element in QTI 2.1 names (HTML elements inside keep theirs)."""
    qti = node.tag.startswith("qti-")
    out = ET.Element(camel(node.tag) if qti else node.tag)
    for key, value in node.attrib.items():
        out.set(camel(key) if qti and not key.startswith(KEEP) else key, value)
    out.text, out.tail = node.text, node.tail
    for child in node:
        if child.tag == "qti-content-body":  # 2.1's modalFeedback holds its content directly
            out.text = child.text
            out.extend(to_qti21(grand) for grand in child)
        else:
            out.append(to_qti21(child))
    return out


def _namespaced(root: ET.Element, version: Version) -> ET.Element:
    if version.name == "qti21":
        root = to_qti21(root)
    root.set("xmlns", version.qti_ns)
    root.set("xsi:schemaLocation", f"{version.qti_ns} {version.qti_xsd}")
    return root


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    node.text = text
    return node


def _outcome(parent: ET.Element, name: str, kind: str, default: str) -> None:
    node = _el(parent, "qti-outcome-declaration", identifier=name, cardinality="single", base_type=kind)
    _el(_el(node, "qti-default-value"), "qti-value", default)


def assessment_id(quiz: Quiz) -> str:
    return ident(f"{quiz.id}-test")


def qti3_test(quiz: Quiz, lang: str) -> ET.Element:
    """The assessment test: every question (or a pool's draw), the summed score and the pass mark."""
    test = ET.Element("qti-assessment-test", {"xmlns": QTI3, "xmlns:xsi": XSI, "identifier": assessment_id(quiz),
                                              "title": quiz.title[lang]})
    for name, kind, default in (("SCORE", "float", "0"), ("MAXSCORE", "float", "0"), ("PASS", "boolean", "false")):
        _outcome(test, name, kind, default)
    part = _el(test, "qti-test-part", identifier="part", navigation_mode="nonlinear",
               submission_mode="simultaneous")
    section = _el(part, "qti-assessment-section", identifier="questions", title=quiz.title[lang], visible="true")
    if quiz.draw:
        _el(section, "qti-selection", select=str(quiz.draw))
    for q in quiz.questions:
        _el(section, "qti-assessment-item-ref", identifier=item_id(quiz, q), href=f"items/{q.id}.xml")
    processing = _el(test, "qti-outcome-processing")
    for name in ("SCORE", "MAXSCORE"):
        total = _el(_el(processing, "qti-set-outcome-value", identifier=name), "qti-sum")
        _el(total, "qti-test-variables", variable_identifier=name)
    compare = _el(_el(processing, "qti-set-outcome-value", identifier="PASS"), "qti-gte")
    ratio = _el(compare, "qti-divide")
    _el(ratio, "qti-variable", identifier="SCORE")
    _el(ratio, "qti-variable", identifier="MAXSCORE")
    _el(compare, "qti-base-value", f"{quiz.pass_mark / 100:g}", base_type="float")
    return test


def manifest(quiz: Quiz, version: Version) -> ET.Element:
    """imsmanifest.xml: the test first, depending on its items, then one resource per item."""
    root = ET.Element("manifest", {"xmlns": version.manifest_ns, "xmlns:xsi": XSI,
                                   "identifier": ident(f"{quiz.id}-package"),
                                   "xsi:schemaLocation": f"{version.manifest_ns} {version.manifest_xsd}"})
    meta = _el(root, "metadata")
    _el(meta, "schema", "QTI Package" if version.name == "qti3" else "QTIv2.1 Package")
    _el(meta, "schemaversion", version.schema_version)
    _el(root, "organizations")
    resources = _el(root, "resources")
    test = _el(resources, "resource", identifier=assessment_id(quiz), type=version.test_type, href="test.xml")
    _el(test, "file", href="test.xml")
    for q in quiz.questions:
        _el(test, "dependency", identifierref=item_id(quiz, q))
    for q in quiz.questions:
        href = f"items/{q.id}.xml"
        _el(_el(resources, "resource", identifier=item_id(quiz, q), type=version.item_type, href=href), "file",
            href=href)
    return root


def _write(root: ET.Element, path: Path) -> None:
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n",
                    encoding="utf-8")


def package_files(quiz: Quiz, strings: Strings, version: Version, folder: Path) -> None:
    """Write the files of one quiz's package into `folder`."""
    _write(manifest(quiz, version), folder / "imsmanifest.xml")
    _write(_namespaced(qti3_test(quiz, strings.lang), version), folder / "test.xml")
    for q in quiz.questions:
        _write(_namespaced(qti3_item(quiz, q, strings), version), folder / "items" / f"{q.id}.xml")


def check_expressible(course: Course) -> None:
    """Every question must become a QTI item: one that cannot is a problem at its line, never left out."""
    problems = Problems(course.root)
    for quiz in course.quizzes.values():
        for q in quiz.questions:
            if q.type not in TYPES:
                problems.add(quiz.path, q.line, "qti.inexpressible",
                             f"question '{q.id}': a {q.type} question has no QTI interaction in this export; "
                             f"QTI packages take {', '.join(TYPES)} questions: leave it out of the quiz used for "
                             "QTI or ask for its type to be added")
    if problems:
        raise ContentError(problems.sorted())


def package_name(quiz: Quiz, fmt: str) -> str:
    return f"{quiz.id}-{fmt}.zip"


def export_qti(course: Course, out: Path, fmt: str, langs: tuple[str, ...], epoch: int | None = None) -> list[Path]:
    """Write one QTI package per quiz and language under `out/<lang>/`; return the files written.

    Nothing is written when a question cannot be expressed (ContentError with each problem's line).
    """
    check_expressible(course)
    version = VERSIONS[fmt]
    epoch = build_epoch(course.root) if epoch is None else epoch
    with staged(out) as staging:
        made: list[Path] = []
        for lang in langs:
            for quiz in course.quizzes.values():
                with tempfile.TemporaryDirectory(dir=staging) as tmp:
                    package_files(quiz, course.strings[lang], version, Path(tmp))
                    target = staging / lang / package_name(quiz, fmt)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    zip_tree(Path(tmp), target, epoch=epoch)
                made.append(target)
        return publish_banks(staging, out, made)
