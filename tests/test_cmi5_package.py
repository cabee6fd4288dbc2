"""cmi5 packages: cmi5.xml checked against the course structure rules of the cmi5 spec, for the shipped course in
each language, and the command line. The launch itself, against a real LRS, is tests/test_cmi5_lrs.py.

No registry package ships the cmi5 course structure XSD (CourseStructure.xsd): the two cmi5 packages of PyPI and
npm (openedx-cmi5-xblock 0.1.3, @xapi/cmi5 1.4.0) hold none. So the spec's rules (section 13.1) are checked here:
the namespace, the element order the XSD fixes, IRIs unique across the file, moveOn and launchMethod from their
lists, masteryScore a decimal from 0 to 1, each title and description a langstring, and a relative url naming a
file of the package.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from rfc3987 import match as iri_match

from generator.course.load import load_valid_course
from generator.course.model import Course
from generator.exports.cmi5 import build_package
from tests.conftest import REPO

NS = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
MOVE_ON = {"Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"}
LAUNCH_METHODS = {"AnyWindow", "OwnWindow"}


def structure_problems(package: Path) -> list[str]:
    """What breaks the course structure rules of cmi5 (spec 13.1) in the package's cmi5.xml."""
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        root = ET.fromstring(archive.read("cmi5.xml"))
    problems: list[str] = []
    if root.tag != f"{NS}courseStructure":
        return [f"root element {root.tag}"]
    children = [child.tag.removeprefix(NS) for child in root]
    if children[:1] != ["course"] or any(tag not in ("au", "block", "objectives") for tag in children[1:]):
        problems.append(f"courseStructure holds {children}: course first, then AUs")
    ids = [el.get("id", "") for el in root.iter() if el.tag in (f"{NS}course", f"{NS}au", f"{NS}block")]
    problems += [f"id {i!r} is not an IRI" for i in ids if not iri_match(i, rule="IRI")]
    if len(ids) != len(set(ids)):
        problems.append("ids repeat")
    for node in root:
        parts = [child.tag.removeprefix(NS) for child in node]
        expected = ["title", "description"] + (["url"] if node.tag == f"{NS}au" else [])
        if parts != expected:
            problems.append(f"{node.tag.removeprefix(NS)} holds {parts}, not {expected}")
        for kind in ("title", "description"):
            strings = node.findall(f"{NS}{kind}/{NS}langstring")
            if not strings or any(not s.get("lang") or not (s.text or "").strip() for s in strings):
                problems.append(f"{node.get('id')}: {kind} needs langstrings with a lang and a text")
        if node.tag != f"{NS}au":
            continue
        if node.get("moveOn") not in MOVE_ON or node.get("launchMethod", "AnyWindow") not in LAUNCH_METHODS:
            problems.append(f"{node.get('id')}: moveOn {node.get('moveOn')}, launchMethod {node.get('launchMethod')}")
        mastery = float(node.get("masteryScore", "0"))
        if not 0 <= mastery <= 1:
            problems.append(f"{node.get('id')}: masteryScore {mastery}")
        url = node.findtext(f"{NS}url") or ""
        if ":" in url or url not in names:  # relative to cmi5.xml, and in the package
            problems.append(f"{node.get('id')}: url {url!r}")
    return problems


def aus(package: Path) -> list[tuple[str, str, str, str]]:
    """Each AU's title, masteryScore, moveOn and url."""
    with zipfile.ZipFile(package) as archive:
        root = ET.fromstring(archive.read("cmi5.xml"))
    return [(au.findtext(f"{NS}title/{NS}langstring") or "", au.get("masteryScore", ""), au.get("moveOn", ""),
             au.findtext(f"{NS}url") or "") for au in root.iter(f"{NS}au")]


@pytest.fixture
def shipped() -> Course:
    return load_valid_course(REPO)


def test_the_shipped_course_packages_in_each_language_with_one_au_per_module(shipped: Course, tmp_path: Path) -> None:
    assert len(shipped.languages) >= 2
    for lang in shipped.languages:
        check_shipped_package(shipped, lang, tmp_path)


def check_shipped_package(shipped: Course, lang: str, tmp_path: Path) -> None:
    package = build_package(shipped, lang, tmp_path / f"course-{lang}.zip").path
    assert structure_problems(package) == []
    expected = [(m.overview.title(lang), f"{shipped.quizzes[m.quiz_id].pass_mark / 100:g}", "CompletedOrPassed",
                 f"au/{m.slug}.html") for m in shipped.modules]
    assert aus(package) == expected
    with zipfile.ZipFile(package) as archive:
        root = ET.fromstring(archive.read("cmi5.xml"))
        assert {s.get("lang") for s in root.iter(f"{NS}langstring")} == {lang}
        assert root.findtext(f"{NS}course/{NS}title/{NS}langstring", "").startswith(shipped.title(lang))
        launch = archive.read("au/01-goals.html").decode()
        assert '<iframe data-src="../01-goals/index.html"' in launch, "the course waits for the launch"
        assert "../assets/cq/cmi5.js" in launch and "scorm.js" not in launch
        assert "imsmanifest.xml" not in archive.namelist()


def test_the_command_writes_one_module_and_refuses_an_unknown_one(course: Path, tmp_path: Path) -> None:
    run = [sys.executable, "-m", "generator", "cmi5", "--lang", "fr", "--module"]
    made = subprocess.run([*run, "01-basics", "-o", str(tmp_path / "m.zip")], cwd=course, capture_output=True,
                          text=True, check=False, timeout=300)
    assert made.returncode == 0, made.stderr
    assert "cmi5, 1 AU(s)" in made.stdout
    assert structure_problems(tmp_path / "m.zip") == []
    assert aus(tmp_path / "m.zip") == [("Les bases", "0.75", "CompletedOrPassed", "au/01-basics.html")]
    wrong = subprocess.run([*run, "09-nothing", "-o", str(tmp_path / "x.zip")], cwd=course, capture_output=True,
                           text=True, check=False, timeout=300)
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "error: no module '09-nothing': choose one of 01-basics"
    assert not (tmp_path / "x.zip").exists()


def test_the_rules_catch_a_broken_course_structure(tmp_path: Path) -> None:
    # The checker itself can fail: an AU whose url names no file and whose masteryScore is a percentage.
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("cmi5.xml", f"""<courseStructure xmlns="{NS[1:-1]}">
  <course id="urn:x:c"><title><langstring lang="en">C</langstring></title>
    <description><langstring lang="en">D</langstring></description></course>
  <au id="urn:x:c" moveOn="CompletedOrPassed" masteryScore="80">
    <title><langstring lang="en">A</langstring></title><description><langstring lang="en">B</langstring></description>
    <url>au/missing.html</url></au></courseStructure>""")
    assert structure_problems(bad) == ["ids repeat", "urn:x:c: masteryScore 80.0", "urn:x:c: url 'au/missing.html'"]
