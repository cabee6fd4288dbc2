"""QTI packages of every quiz: their structure, our QTI 2.1 against the reference converter, bad input, the command.

No registry package ships the QTI XSDs (searched PyPI and npm: citolab-qti-convert and
citolab-qti-json-schema-models carry none), so the structure is checked here in code, and the QTI 2.1
packages are compared with what citolab-qti-convert, the reference converter, makes of our QTI 3.0 ones.
tests/test_qti_player.py plays the QTI 3.0 items in a real QTI player.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from qti_convert import downgrade_package

from generator.course.load import load_valid_course
from generator.course.problems import ContentError
from generator.exports.qti_items import TYPES
from generator.exports.qti_package import export_qti
from tests.conftest import REPO

NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")
NS = {"qti3": "http://www.imsglobal.org/xsd/imsqtiasi_v3p0", "qti21": "http://www.imsglobal.org/xsd/imsqti_v2p1"}
CP = {"qti3": "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1", "qti21": "http://www.imsglobal.org/xsd/imscp_v1p1"}
INTERACTION = {"qti3": "qti-{}-interaction", "qti21": "{}Interaction"}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    """The shipped course's packages, both versions, every language (no site build: seconds)."""
    course = load_valid_course(REPO)
    out = tmp_path_factory.mktemp("qti")
    for fmt in ("qti3", "qti21"):
        export_qti(course, out, fmt, course.languages, epoch=0)
    return course, out


def _canon(data: bytes | str) -> str:
    root = ET.fromstring(data)
    for node in root.iter():
        node.text = (node.text or "").strip() or None
        node.tail = (node.tail or "").strip() or None
    return ET.canonicalize(ET.tostring(root, encoding="unicode"), strip_text=True)


def _check_package(path: Path, fmt: str, questions: int) -> None:
    """What an importer reads: the manifest's resources, each file there, identifiers, one interaction per item."""
    ns, cp = NS[fmt], CP[fmt]
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        assert manifest.tag == f"{{{cp}}}manifest"
        resources = manifest.findall(f"{{{cp}}}resources/{{{cp}}}resource")
        kinds = [r.get("type") for r in resources]
        suffix = "v3p0" if fmt == "qti3" else "v2p1"
        assert kinds == [f"imsqti_test_xml{suffix}"] + [f"imsqti_item_xml{suffix}"] * questions
        assert names == {"imsmanifest.xml", *(str(r.get("href")) for r in resources)}
        ids = [str(r.get("identifier")) for r in resources]
        assert len(set(ids)) == len(ids) and all(NCNAME.match(i) for i in ids)
        assert [d.get("identifierref") for d in resources[0].findall(f"{{{cp}}}dependency")] == ids[1:]
        test = ET.fromstring(archive.read("test.xml"))
        refs = [r.get("href") for r in test.iter() if r.tag.endswith(("qti-assessment-item-ref", "assessmentItemRef"))]
        assert refs == [r.get("href") for r in resources[1:]]
        for resource in resources[1:]:
            item = ET.fromstring(archive.read(str(resource.get("href"))))
            assert item.tag == f"{{{ns}}}" + ("qti-assessment-item" if fmt == "qti3" else "assessmentItem")
            assert item.get("identifier") == resource.get("identifier")
            interactions = [n for n in item.iter() if n.tag.endswith(("interaction", "Interaction"))]
            assert len(interactions) == 1, resource.get("href")
            attr = "response-identifier" if fmt == "qti3" else "responseIdentifier"
            assert interactions[0].get(attr) == "RESPONSE"
            choices = [n.get("identifier") for n in item.iter() if n.tag.endswith(("simple-choice", "simpleChoice"))]
            assert all(NCNAME.match(str(c)) for c in choices)


def test_every_quiz_in_both_versions_and_languages(shipped: tuple[object, Path]) -> None:
    course, out = shipped
    quizzes = course.quizzes  # type: ignore[attr-defined]
    for lang in course.languages:  # type: ignore[attr-defined]
        for fmt in ("qti3", "qti21"):
            made = sorted((out / lang).glob(f"*-{fmt}.zip"))
            assert [p.name for p in made] == sorted(f"{q}-{fmt}.zip" for q in quizzes)
            for path in made:
                _check_package(path, fmt, len(quizzes[path.name.removesuffix(f"-{fmt}.zip")].questions))
    assert "QTI 2.1" in (out / "README.txt").read_text(encoding="utf-8")


def test_our_qti21_is_what_the_reference_converter_makes_of_our_qti3(shipped: tuple[object, Path]) -> None:
    _, out = shipped
    compared = 0
    for qti3 in sorted(out.glob("*/*-qti3.zip")):
        theirs = downgrade_package(str(qti3))
        assert not theirs.warnings, [(w.code, w.message) for w in theirs.warnings]
        with zipfile.ZipFile(str(qti3).replace("-qti3.zip", "-qti21.zip")) as ours:
            assert set(ours.namelist()) == set(theirs.files)
            for name in ours.namelist():
                if name == "imsmanifest.xml":  # the converter adds the 2.1 metadata schemas we do not use
                    continue
                assert _canon(ours.read(name)) == _canon(theirs.files[name]), (qti3, name)
                compared += 1
    assert compared > 300  # 154 questions and a test per quiz, in two languages


def test_every_question_type_the_quiz_schema_allows_is_expressible() -> None:
    """How "no quiz today is left out of QTI" is known: the export takes every type a quiz file may hold."""
    schema = json.loads((REPO / "generator" / "schemas" / "quiz.schema.json").read_text(encoding="utf-8"))
    allowed = schema["$defs"]["question"]["properties"]["type"]["enum"]
    assert sorted(allowed) == sorted(TYPES)


def test_a_question_qti_cannot_take_is_a_problem_at_its_line(course: Path, tmp_path: Path) -> None:
    loaded = load_valid_course(course)
    question = loaded.quizzes["01-basics"].questions[0]
    question.type = "hotspot"  # a type the model may gain one day, which the QTI writer does not know
    line = question.line
    with pytest.raises(ContentError) as raised:
        export_qti(loaded, tmp_path / "out", "qti3", ("en",), epoch=0)
    assert [str(p) for p in raised.value.problems] == [
        f"quizzes/01-basics.yml:{line}: question 'single-1': a hotspot question has no QTI interaction in this "
        "export; QTI packages take single, multiple, true_false, ordering, matching, numeric, short_answer "
        "questions: leave it out of the quiz used for QTI or ask for its type to be added [qti.inexpressible]"]
    assert not (tmp_path / "out").exists()


def test_export_command_writes_qti21_packages(course: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "export", "--format", "qti21", "--lang", "fr",
                           "-o", str(tmp_path / "out")], cwd=course, capture_output=True, text=True, check=False,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "fr").iterdir()) == [
        "01-basics-checks-qti21.zip", "01-basics-qti21.zip"]
    assert not (tmp_path / "out" / "en").exists()
    with zipfile.ZipFile(tmp_path / "out" / "fr" / "01-basics-qti21.zip") as archive:
        item = ET.fromstring(archive.read("items/tf-1.xml"))
    assert item.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    prompt = item.find(".//{http://www.imsglobal.org/xsd/imsqti_v2p1}prompt")
    assert prompt is not None and prompt.text == "Supprimez les commentaires critiques."


def test_a_pool_draws_its_questions_and_the_test_holds_the_pass_mark(course: Path, tmp_path: Path) -> None:
    quiz = course / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("pass_mark: 75\n", "pass_mark: 75\ndraw: 3\n"),
                    encoding="utf-8")
    export_qti(load_valid_course(course), tmp_path, "qti3", ("en",), epoch=0)
    with zipfile.ZipFile(tmp_path / "en" / "01-basics-qti3.zip") as archive:
        test = ET.fromstring(archive.read("test.xml"))
    ns = {"q": NS["qti3"]}
    section = test.find("q:qti-test-part/q:qti-assessment-section", ns)
    assert section is not None and section.find("q:qti-selection", ns).get("select") == "3"
    assert len(section.findall("q:qti-assessment-item-ref", ns)) == 5, "the package holds the whole pool"
    pass_rule = "q:qti-outcome-processing/q:qti-set-outcome-value[@identifier='PASS']/q:qti-gte/q:qti-base-value"
    cut = test.find(pass_rule, ns)
    assert cut is not None and cut.text == "0.75"
