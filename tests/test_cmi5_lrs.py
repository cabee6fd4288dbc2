"""A cmi5 package run by Chromium against a real learning record store: Ralph on 127.0.0.1, file backend.

The test launcher (tests/cmi5/launcher.py) does the LMS's part of the launch and serves the State API that Ralph
lacks (LaunchData and the AU's resume document); every statement goes to Ralph, and the statements checked here
are read back from Ralph. A statement Ralph refuses fails the test (`ralph_took_everything`).
"""

from __future__ import annotations

import time
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.course.load import load_valid_course
from generator.exports.cmi5 import build_package
from tests.cmi5.launcher import PUBLISHER, SESSION, Launcher
from tests.cmi5.ralph_server import running_ralph
from tests.conftest import make_course, make_exam
from tests.test_browser import answer_all_right, answer_all_wrong
from tests.test_cmi5_package import NS

VERB = "http://adlnet.gov/expapi/verbs/"
CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVE_ON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
ACTOR = {"objectType": "Agent", "account": {"homePage": "https://lms.example.org", "name": "learner-1"}}


@pytest.fixture(scope="module")
def ralph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Ralph's LRS on a free port of 127.0.0.1; yields its URL and the Authorization header of its one user."""
    with running_ralph(tmp_path_factory.mktemp("ralph")) as found:
        yield found


def unzipped_package(root: Path) -> Path:
    """The English cmi5 package of the course at `root`, unzipped under lms/package/; returns lms/."""
    package = build_package(load_valid_course(root), "en", root / "course-en.zip").path
    with zipfile.ZipFile(package) as archive:
        archive.extractall(root / "lms" / "package")
    return root / "lms"


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unzipped_package(make_course(tmp_path_factory.mktemp("cmi5") / "course"))


@pytest.fixture(scope="module")
def exam_unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini course with its module quiz in exam mode."""
    root = make_exam(make_course(tmp_path_factory.mktemp("cmi5-exam") / "course"))
    return unzipped_package(root)


@pytest.fixture
def lms(request: pytest.FixtureRequest, ralph: tuple[str, str]) -> Iterator[Launcher]:
    """The test LMS in front of Ralph, serving `unzipped` (or the fixture the test's `package` mark names).
    Afterwards Ralph must have taken every statement it was given: 200, or 204 for a batch whose statements it
    already holds (identical: the AU re-sends with terminated a statement still on its way as the page goes)."""
    mark = request.node.get_closest_marker("package")
    launcher = Launcher(request.getfixturevalue(mark.args[0] if mark else "unzipped"), *ralph)
    server, _ = launcher.serve()
    yield launcher
    server.shutdown()
    server.server_close()
    refused = [answer for answer in launcher.answers if answer[0] not in (200, 204)]
    assert refused == [], f"Ralph refused statements: {refused}"


def activity(lms: Launcher) -> str:
    """The AU's id in the package's cmi5.xml: the activity id an LMS launches it with."""
    root = ET.parse(lms.folder / "package" / "cmi5.xml").getroot()
    return next(au.get("id", "") for au in root.iter(f"{NS}au"))


def launch(page: Any, lms: Launcher, registration: str, mode: str = "Normal", mastery: float | None = None) -> Any:
    """Launch the AU as the LMS would; returns the frame showing the course, once the AU has started it."""
    page.goto(lms.launch("au/01-basics.html", activity(lms), ACTOR, registration, mode, mastery))
    page.wait_for_function("() => { const f = document.querySelector('iframe'); return f && f.src"
                           " && f.contentDocument && f.contentDocument.querySelector('.md-content'); }")
    content = next(f for f in page.frames if f.url.endswith("/01-basics/index.html"))
    content.wait_for_load_state()
    return content


def leave(page: Any, lms: Launcher, registration: str, sessions: int) -> list[dict[str, Any]]:
    """The learner closes the AU; returns the registration's statements once the session's terminated is in."""
    page.goto("about:blank")
    deadline = time.monotonic() + 15
    while True:
        found = lms.statements(registration)
        if sum(s["verb"]["id"] == VERB + "terminated" for s in found) >= sessions or time.monotonic() > deadline:
            return found


def open_quiz(content: Any) -> None:
    content.locator("nav.md-nav a", has_text="Module quiz").first.click()
    content.wait_for_url("**/01-basics/quiz.html")


def read_lessons(content: Any) -> None:
    for title, slug in (("Goal first", "01-goal-first"), ("SMART", "02-smart")):
        content.locator("nav.md-nav a", has_text=title).first.click()
        content.wait_for_url(f"**/01-basics/{slug}.html")


def wait_for_completed(lms: Launcher, registration: str) -> None:
    """A lesson counts as read once its end is seen, which may come after the page loads: wait for the AU to say so."""
    deadline = time.monotonic() + 15
    while "completed" not in verbs(lms.statements(registration)) and time.monotonic() < deadline:
        time.sleep(0.2)


def verbs(statements: list[dict[str, Any]]) -> list[str]:
    return [s["verb"]["id"].removeprefix(VERB) for s in statements]


def check_cmi5_rules(statements: list[dict[str, Any]], registration: str, lms: Launcher) -> None:
    """What cmi5 asks of every statement an AU sends (spec 9), and of each session (one initialized, first; one
    terminated, last)."""
    sessions: dict[str, list[str]] = {}
    for s in statements:
        context = s["context"]
        assert s["actor"]["account"] == ACTOR["account"] and s["object"]["id"] == activity(lms)
        assert context["registration"] == registration
        assert {"id": CMI5} in context["contextActivities"]["category"]
        assert context["contextActivities"]["grouping"] == [{"id": PUBLISHER}], "the LMS's context template"
        verb = s["verb"]["id"].removeprefix(VERB)
        assert ({"id": MOVE_ON} in context["contextActivities"]["category"]) == (verb in ("completed", "passed",
                                                                                           "failed"))
        sessions.setdefault(context["extensions"][SESSION], []).append(verb)
        if verb in ("passed", "failed"):
            result = s["result"]
            assert result["success"] is (verb == "passed") and 0 <= result["score"]["scaled"] <= 1
            assert result["duration"].startswith("PT")
        if verb == "completed":
            assert s["result"]["completion"] is True
    for session in sessions.values():
        assert session[0] == "initialized" and session[-1] == "terminated"
        assert session.count("initialized") == 1 and session.count("terminated") == 1
        assert sum(v in ("passed", "failed") for v in session) <= 1, "at most one passed or failed a session"


@pytest.mark.browser
def test_a_passed_quiz_reaches_the_lrs_as_cmi5_statements(page: Any, lms: Launcher) -> None:
    registration = str(uuid.uuid4())
    content = launch(page, lms, registration)
    assert [r for r in lms.requests if r.startswith("POST /fetch/")] and lms.requests[1:3] == [
        "GET /xapi/activities/state", "GET /xapi/activities/state"], "token, then LaunchData, then resume state"
    read_lessons(content)
    wait_for_completed(lms, registration)
    open_quiz(content)
    answer_all_right(content)
    assert content.locator(".cq-score").inner_text().startswith("Your score: 5 of 5 (100%). Passed")
    statements = leave(page, lms, registration, 1)
    assert verbs(statements) == ["initialized", "completed", "passed", "terminated"]
    check_cmi5_rules(statements, registration, lms)
    passed = statements[2]["result"]
    assert passed["score"]["scaled"] == 1 and passed["success"] is True
    assert sum(r.startswith("POST /fetch/") for r in lms.requests) == 1, "the fetch URL is used once"
    assert page.errors == []


@pytest.mark.browser
def test_a_failed_quiz_then_a_relaunch_that_resumes_and_passes(page: Any, lms: Launcher) -> None:
    registration = str(uuid.uuid4())
    content = launch(page, lms, registration)
    open_quiz(content)
    answer_all_wrong(content, first="a")
    content.click(".cq-retry-all")
    answer_all_right(content)  # the quiz stays retryable, but this session has already said failed
    statements = leave(page, lms, registration, 1)
    assert verbs(statements) == ["initialized", "failed", "terminated"]
    assert statements[1]["result"]["score"]["scaled"] < 0.75

    content = launch(page, lms, registration)  # the same registration: the answers come back from the State API
    open_quiz(content)
    assert content.locator("#cq-01-basics-tf-1-false").is_checked()
    assert content.locator(".cq-score").inner_text().startswith("Your score: 5 of 5 (100%). Passed")
    content.click(".cq-retry-all")
    answer_all_right(content)
    content.click(".cq-retry-all")
    answer_all_wrong(content)  # after passed in the registration, nothing more is judged
    statements = leave(page, lms, registration, 2)
    assert verbs(statements) == ["initialized", "failed", "terminated", "initialized", "passed", "terminated"]
    check_cmi5_rules(statements, registration, lms)
    assert page.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("mode", ["Browse", "Review"])
def test_browse_and_review_launches_send_no_completed_passed_or_failed(page: Any, lms: Launcher, mode: str) -> None:
    registration = str(uuid.uuid4())
    content = launch(page, lms, registration, mode=mode)
    read_lessons(content)
    open_quiz(content)
    answer_all_right(content)
    assert content.locator(".cq-score").inner_text().startswith("Your score: 5 of 5 (100%). Passed")
    statements = leave(page, lms, registration, 1)
    assert verbs(statements) == ["initialized", "terminated"]
    check_cmi5_rules(statements, registration, lms)
    writes = [r for r in lms.requests if r == "PUT /xapi/activities/state"]
    assert bool(writes) == (mode == "Browse"), "a review looks at the learner's answers and changes nothing"


@pytest.mark.browser
def test_the_lms_mastery_score_decides_passed(page: Any, lms: Launcher) -> None:
    # cmi5 10.2.2: the masteryScore of LaunchData, when the LMS sends one, is what the AU judges by.
    registration = str(uuid.uuid4())
    content = launch(page, lms, registration, mastery=0.0)  # any finished quiz passes
    open_quiz(content)
    answer_all_wrong(content)
    statements = leave(page, lms, registration, 1)
    assert verbs(statements) == ["initialized", "passed", "terminated"]
    assert statements[1]["result"]["success"] is True and statements[1]["result"]["score"]["scaled"] < 0.75


@pytest.mark.browser
def test_a_bad_launch_shows_a_plain_message_and_sends_nothing(page: Any, lms: Launcher) -> None:
    good = lms.launch("au/01-basics.html", activity(lms), ACTOR, str(uuid.uuid4()))
    for url in (f"{lms.base}/package/au/01-basics.html", good.replace("registration=", "registration=x")):
        page.goto(url)
        assert page.locator("[role=alert]").inner_text().startswith(
            "This page must be opened from your learning platform")
        assert page.locator("iframe").count() == 0
    assert lms.requests == [] and lms.answers == []
    page.goto(good)
    page.wait_for_function("() => document.querySelector('iframe').src")  # launched: the token was fetched
    page.goto(good)  # the same launch URL again: its fetch URL has given its token already (spec 8.2.3)
    assert page.locator("[role=alert]").inner_text().startswith("The course could not start with your learning")
    # The fetch URL was asked twice, the second time refused; the first page's exit statements may reach the LRS
    # after it (a busy run saw "POST /xapi/statements" last), so the order of the two is not asserted.
    assert len([r for r in lms.requests if r.startswith("POST /fetch/")]) == 2
    assert page.locator("iframe").count() == 0


@pytest.mark.browser
def test_an_lrs_error_is_retried_once_then_the_learner_is_told(page: Any, lms: Launcher) -> None:
    registration = str(uuid.uuid4())
    lms.fail_next = 1  # one error: the retry stores initialized, and the learner is not bothered
    launch(page, lms, registration)
    assert page.locator("[role=alert]").count() == 0
    assert verbs(leave(page, lms, registration, 1)) == ["initialized", "terminated"]
    lms.fail_next = 2  # two errors: the learner sees it, and the course stays open
    content = launch(page, lms, str(uuid.uuid4()))
    page.locator("[role=alert]").wait_for()
    assert page.locator("[role=alert]").inner_text().startswith("Your results could not be saved")
    assert content.locator(".md-content").count() == 1
    assert [status for status, _ in lms.answers] == [200, 200], "the failed initialized never reached Ralph"


@pytest.mark.browser
@pytest.mark.package("exam_unzipped")
def test_an_exam_is_judged_once_when_submitted_and_not_again_when_resumed(page: Any, lms: Launcher) -> None:
    registration = str(uuid.uuid4())
    content = launch(page, lms, registration)
    open_quiz(content)
    content.check("#cq-01-basics-single-1-c")
    content.check("#cq-01-basics-tf-1-false")  # answers kept, nothing judged before the learner submits
    content.click(".cq-submit")
    content.click(".cq-submit-now")
    assert content.locator(".cq-score").inner_text().startswith("Your score: 2 of 5 (40%). Not passed yet")
    statements = leave(page, lms, registration, 1)
    assert verbs(statements) == ["initialized", "failed", "terminated"]
    assert statements[1]["result"]["score"]["scaled"] == 0.4
    content = launch(page, lms, registration)  # resumed: the submitted exam is not judged a second time
    read_lessons(content)
    wait_for_completed(lms, registration)
    statements = leave(page, lms, registration, 2)
    assert verbs(statements)[3:] == ["initialized", "completed", "terminated"]
    check_cmi5_rules(statements, registration, lms)
