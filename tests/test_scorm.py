"""SCORM 1.2 packages: the manifest's structure, and a real runtime (scorm-again) hosting the package."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.course.brand import load_brand
from generator.course.load import load_valid_course
from generator.engine.brand import BACKDROPS
from generator.exports.scorm import build_package
from tests.conftest import REPO, make_course, make_exam, make_typed_course
from tests.test_browser import answer_all_right, answer_all_wrong

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
RUNTIME = REPO / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
LIMIT = 4096


@pytest.fixture(scope="module")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini course's English package under the example brand; returns the zip."""
    root = make_course(tmp_path_factory.mktemp("scorm") / "course")
    shutil.copytree(REPO / "brands", root / "brands")
    brand = load_brand(root, root / "brands" / "cci-example.yml", BACKDROPS)
    return build_package(load_valid_course(root), "en", root / "out" / "course-en.zip", brand=brand).path


def lms_folder(package: Path, folder: Path) -> Path:
    """A folder to serve over http: the test LMS page, scorm-again's runtime and the unzipped `package`."""
    if not RUNTIME.is_file():
        pytest.fail("scorm-again is missing: run `make test`, which runs npm install")
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "tests" / "scorm" / "lms.html", folder / "lms.html")
    shutil.copy(RUNTIME, folder / "scorm12.js")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "package")
    return folder


@pytest.fixture(scope="module")
def lms(packaged: Path) -> Path:
    """The mini course's package, served with the test LMS page."""
    return lms_folder(packaged, packaged.parent / "lms")


def manifest(package: Path) -> tuple[ET.Element, set[str]]:
    with zipfile.ZipFile(package) as archive:
        return ET.fromstring(archive.read("imsmanifest.xml")), set(archive.namelist())


def test_manifest_is_scorm_12_with_one_sco_per_module_and_every_file_present(packaged: Path) -> None:
    root, names = manifest(packaged)
    assert root.tag == f"{CP}manifest"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    ids = [el.get("identifier") for el in root.iter() if el.get("identifier")]
    assert len(ids) == len(set(ids)), "identifiers must be unique"
    organization = root.find(f"{CP}organizations/{CP}organization")
    assert organization is not None and root.find(f"{CP}organizations").get("default") == organization.get("identifier")
    assert organization.findtext(f"{CP}title") == "Mini course (Example Valley Chamber of Commerce)"
    items = organization.findall(f"{CP}item")
    assert [(i.findtext(f"{CP}title"), i.findtext(f"{ADLCP}masteryscore")) for i in items] == [("Basics", "75")]
    resources = {r.get("identifier"): r for r in root.iter(f"{CP}resource")}
    for item in items:
        sco = resources[item.get("identifierref")]
        assert sco.get(f"{ADLCP}scormtype") == "sco" and sco.get("href") == "sco/01-basics.html"
    hrefs = [el.get("href") for el in root.iter() if el.get("href")]
    assert [h for h in hrefs if h not in names] == []
    files = {f.get("href") for f in root.iter(f"{CP}file")}
    assert names - files == {"imsmanifest.xml"}, "every file of the package is declared"
    for dependency in root.iter(f"{CP}dependency"):
        assert dependency.get("identifierref") in resources


def test_every_link_in_the_package_names_a_file(packaged: Path) -> None:
    # An LMS serves files one by one: a link to a folder would not find its index.html.
    with zipfile.ZipFile(packaged) as archive:
        names = set(archive.namelist())
        pages = [n for n in names if n.endswith(".html")]
        broken = []
        for name in pages:
            html = BeautifulSoup(archive.read(name).decode("utf-8"), "html.parser")
            for node in html.find_all(["a", "link", "script", "img", "iframe"]):
                url = node.get("href") or node.get("src") or ""
                if not url or re.match(r"^([a-z][a-z0-9+.-]*:|#|/)", str(url)):
                    continue
                path = url.split("#")[0].split("?")[0]
                target = str(PurePosixPath(name).parent / path) if path else name
                resolved = PurePosixPath(*[p for p in _normal(target)])
                if str(resolved) not in names:
                    broken.append(f"{name}: {url}")
    assert broken == []
    launch = BeautifulSoup(zipfile.ZipFile(packaged).read("sco/01-basics.html"), "html.parser")
    scripts = [s.get("src") for s in launch.find_all("script") if s.get("src")]
    assert scripts == ["../assets/cq/core.js", "../assets/cq/suspend.js", "../assets/cq/scorm.js"]
    lesson = BeautifulSoup(zipfile.ZipFile(packaged).read("01-basics/quiz.html"), "html.parser")
    order = [s["src"] for s in lesson.find_all("script") if "assets/cq/" in str(s.get("src", ""))
             and "iframe-worker" not in str(s["src"])]  # Material's search shim, loaded by its own rule
    # early.js runs before Material's bundle (it holds the search index back until search is opened).
    assert order[:4] == ["../assets/cq/early.js", "../assets/cq/core.js", "../assets/cq/suspend.js",
                         "../assets/cq/scorm.js"], "early.js, core.js, then the codec, then scorm.js"
    assert order.index("../assets/cq/scorm.js") < order.index("../assets/cq/quiz.js"), \
        "scorm.js must run before quiz.js"
    assert order.count("../assets/cq/core.js") == 1
    assert lesson.select("a.md-select__link") == [], "a one-language package has no language switcher"


def _normal(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


def test_module_option_and_unknown_module(course: Path, tmp_path: Path) -> None:
    run = [sys.executable, "-m", "generator", "scorm", "--lang", "fr", "--module"]
    made = subprocess.run([*run, "01-basics", "-o", str(tmp_path / "m.zip")], cwd=course, capture_output=True,
                          text=True, check=False, timeout=300)
    assert made.returncode == 0, made.stderr
    assert "1 SCO(s)" in made.stdout
    root, _ = manifest(tmp_path / "m.zip")
    assert [i.findtext(f"{CP}title") for i in root.iter(f"{CP}item")] == ["Les bases"]
    wrong = subprocess.run([*run, "09-nothing", "-o", str(tmp_path / "x.zip")], cwd=course, capture_output=True,
                           text=True, check=False, timeout=300)
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "error: no module '09-nothing': choose one of 01-basics"
    assert not (tmp_path / "x.zip").exists()


# -- a real SCORM runtime --------------------------------------------------------------------------------

def to_quiz(content: Any) -> None:
    """Follow the module's link to its quiz, as a learner does, inside the LMS frame."""
    content.locator("article a", has_text="Module quiz").click()
    content.wait_for_url("**/01-basics/quiz.html")


def start(page: Any, base: str, saved: str = "", module: str = "01-basics") -> Any:
    """Open the test LMS, launch the module's SCO, and return the frame showing the course."""
    page.goto(base + "/lms.html")
    page.evaluate("([sco, saved]) => startLms(sco, saved)", [f"package/sco/{module}.html", saved])
    page.wait_for_function("() => window.received.some(r => r[0] === 'LMSInitialize')")
    content = next(f for f in _wait_frames(page) if f.url.endswith(f"/{module}/index.html"))
    content.wait_for_load_state()
    return content


def _wait_frames(page: Any) -> list[Any]:
    page.wait_for_function("() => { const f = document.getElementById('sco').contentDocument;"
                           " const i = f && f.querySelector('iframe');"
                           " return i && i.contentDocument && i.contentDocument.querySelector('.md-content'); }")
    return list(page.frames)


def received(page: Any) -> list[list[str]]:
    return list(page.evaluate("window.received"))


def last_value(calls: list[list[str]], element: str) -> str | None:
    values = [c[2] for c in calls if c[0] == "LMSSetValue" and c[1] == element]
    return values[-1] if values else None


@pytest.mark.browser
def test_the_lms_receives_the_score_and_resumes_the_learner(page: Any, lms: Path, serve: Any) -> None:
    base = serve(lms)
    content = start(page, base)
    assert last_value(received(page), "cmi.core.lesson_status") == "incomplete"
    to_quiz(content)
    answer_all_right(content)
    assert content.locator(".cq-score").inner_text().startswith("Your score: 5 of 5 (100%). Passed")
    calls = received(page)
    assert last_value(calls, "cmi.core.lesson_status") == "passed"
    assert [last_value(calls, f"cmi.core.score.{k}") for k in ("raw", "min", "max")] == ["100", "0", "100"]
    assert last_value(calls, "cmi.core.exit") == "suspend"
    saved = last_value(calls, "cmi.suspend_data") or ""
    assert 0 < len(saved) < LIMIT
    assert ["LMSCommit"] in calls and ["LMSFinish"] not in calls, "moving between pages keeps the session"
    assert content.evaluate("localStorage.getItem('cq:v1')") is None, "the LMS, not the browser, keeps the results"

    page.evaluate("leave()")
    page.wait_for_function("() => window.received.some(r => r[0] === 'LMSFinish')")
    calls = received(page)
    assert calls.index(["LMSFinish"]) > max(i for i, c in enumerate(calls) if c == ["LMSCommit"]) - 1
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}", last_value(calls, "cmi.core.session_time") or "")
    assert page.evaluate("API.cmi.suspend_data") == saved

    content = start(page, base, saved)  # a new attempt, resumed from what the LMS stored
    to_quiz(content)
    assert content.locator("#cq-01-basics-tf-1-false").is_checked()
    assert content.locator("#cq-01-basics-multi-1-b").is_checked()
    assert content.locator(".cq-score").inner_text().startswith("Your score: 5 of 5 (100%). Passed")
    assert page.errors == []


def statuses(page: Any) -> list[str]:
    return [c[2] for c in received(page) if c[:2] == ["LMSSetValue", "cmi.core.lesson_status"]]


@pytest.mark.browser
def test_the_lms_hears_the_course_rule_completed_when_every_lesson_is_read_passed_when_the_quiz_is(
        page: Any, lms: Path, serve: Any) -> None:
    # The web's rule (cq.standing in core.js), reported as SCORM 1.2's one status: the mini module has two lessons.
    base = serve(lms)
    content = start(page, base)
    content.locator("nav.md-nav a", has_text="Goal first").first.click()
    content.wait_for_url("**/01-basics/01-goal-first.html")
    page.wait_for_function("() => (window.API.cmi.suspend_data || '').includes('!')")  # its end is seen
    assert statuses(page)[-1] == "incomplete", "one lesson of two read"
    content.locator("nav.md-nav a", has_text="SMART").first.click()
    content.wait_for_url("**/01-basics/02-smart.html")
    page.wait_for_function("() => window.API.cmi.core.lesson_status === 'completed'")
    assert statuses(page)[-1] == "completed" and last_value(received(page), "cmi.core.score.raw") is None
    content.locator("nav.md-nav a", has_text="Module quiz").first.click()
    content.wait_for_url("**/01-basics/quiz.html")
    answer_all_wrong(content, first="a")
    assert statuses(page)[-1] == "failed", "a quiz done and not passed says so, lessons read or not"
    content.click(".cq-retry-all")
    assert statuses(page)[-1] == "completed", "a retried quiz: back to the lessons' word"
    answer_all_right(content)
    assert statuses(page)[-1] == "passed"
    saved = page.evaluate("API.cmi.suspend_data")
    assert saved.startswith("c2") and len(saved) < 200, saved  # lessons read packed, not spelled out
    assert "goal-first" not in saved
    page.evaluate("leave()")
    page.wait_for_function("() => window.received.some(r => r[0] === 'LMSFinish')")

    content = start(page, base, saved)  # relaunched: the lessons read come back from the LMS
    assert content.locator(".cq-resume-next").inner_text() == "You have read every lesson."
    assert content.locator(".cq-resume-stats").inner_text().startswith(
        "2 of 2 lessons read, 1 of 1 module quiz passed.")
    to_quiz(content)
    content.click(".cq-retry-all")
    assert statuses(page)[-1] == "completed", "the lessons read survived the relaunch"
    assert page.errors == []


@pytest.mark.browser
def test_practice_in_a_package_stays_in_the_browser_and_reports_nothing(page: Any, lms: Path, serve: Any) -> None:
    content = start(page, serve(lms))
    to_quiz(content)
    answer_all_wrong(content)
    before = received(page)
    content.goto(content.url.replace("01-basics/quiz.html", "practice.html"))
    content.wait_for_function("document.querySelector('.cq-practice-status').textContent !== ''")
    assert content.locator(".cq-practice-status").inner_text() == "Questions to practise today: 5."
    content.check("#cq-01-basics-single-1-c")
    content.click("#cq-01-basics-single-1 .cq-check")
    assert "01-basics/single-1" in (content.evaluate("localStorage.getItem('cq:practice')") or "")
    after = [c for c in received(page)[len(before):] if c[0] == "LMSSetValue"]
    # The page change may set the status and suspend data again, unchanged: practice adds nothing of its own.
    assert all(c[1] != "cmi.suspend_data" or c[2] == last_value(before, "cmi.suspend_data") for c in after)
    assert last_value(received(page), "cmi.core.score.raw") == last_value(before, "cmi.core.score.raw")
    assert page.errors == []


@pytest.mark.browser
def test_a_failed_quiz_and_a_retry_are_reported(page: Any, lms: Path, serve: Any) -> None:
    content = start(page, serve(lms))
    to_quiz(content)
    answer_all_right(content)
    content.click(".cq-retry-all")
    assert last_value(received(page), "cmi.core.lesson_status") == "incomplete"
    answer_all_wrong(content, first="a")
    calls = received(page)
    assert last_value(calls, "cmi.core.lesson_status") == "failed"
    assert last_value(calls, "cmi.core.score.raw") in ("0", "20")


@pytest.mark.browser
def test_without_an_lms_the_package_uses_local_storage(page: Any, lms: Path, serve: Any) -> None:
    base = serve(lms)
    page.goto(base + "/package/01-basics/quiz.html")
    answer_all_right(page)
    assert page.evaluate("JSON.parse(localStorage.getItem('cq:v1')).quizzes['01-basics'].answers['tf-1'].correct")
    assert page.errors == []


# Every question of the shipped course answered, choosing every option (the longest answers there are).
FULL_STATE = """config => {
  const state = {v: 1, quizzes: {}};
  for (const [quizId, kind, questions] of config.index) {
    const answers = {};
    questions.forEach(([qid, choices], i) => {
      const typed = choices === "t" ? ["indicateur clé de performance"] : null;  // a long typed answer
      answers[qid] = {value: typed || (choices ? choices.slice() : ["3", "0", "2", "1", "4", "5"].slice(0, 4)),
                      correct: i % 2 === 0};
    });
    // The largest attempt there can be: a four-character seed, and (were every module quiz a timed
    // exam and a pool drawing all its questions) its clock's start, the submitted flag and the draw.
    state.quizzes[quizId] = {answers, at: "2025-03-01T10:00:00.000Z", seed: 1679615,
                             ...(kind === "module" ? {started: 1740823200000, submitted: true,
                                                      draw: questions.map(q => q[0])} : {})};
  }
  return state;
}"""


@pytest.fixture(scope="module")
def real_lms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped course's English package, served with the test LMS page."""
    folder = tmp_path_factory.mktemp("real-lms")
    return lms_folder(build_package(load_valid_course(REPO), "en", folder / "course-en.zip").path, folder)


@pytest.mark.browser
def test_suspend_data_stays_under_4096_characters_with_every_question_answered(page: Any, real_lms: Path,
                                                                               serve: Any) -> None:
    start(page, serve(real_lms), module="01-goals")
    launch = next(f for f in page.frames if "/sco/" in f.url)
    config = launch.evaluate("JSON.parse(document.getElementById('cq-scorm').textContent)")
    assert sum(len(q[2]) for q in config["index"]) >= 120
    state = launch.evaluate(f"({FULL_STATE})(JSON.parse(document.getElementById('cq-scorm').textContent))")
    # A later feature's own key, small enough to keep, and one far too large to keep.
    launch.evaluate("s => window.cqScormSession.save(Object.assign(s, {certificate: {name: 'Ann'}}))", state)
    saved = page.evaluate("API.cmi.suspend_data")
    assert len(saved) < LIMIT
    back = launch.evaluate("text => window.cqScormSession.decode(text)", saved)
    assert back["quizzes"] == state["quizzes"] and back["certificate"] == {"name": "Ann"}
    launch.evaluate("s => window.cqScormSession.save(Object.assign(s, {notes: 'x'.repeat(20000)}))", state)
    saved = page.evaluate("API.cmi.suspend_data")
    assert len(saved) < LIMIT
    back = launch.evaluate("text => window.cqScormSession.decode(text)", saved)
    assert back["quizzes"] == state["quizzes"] and "notes" not in back
    # Everything a learner can store: every answer, every lesson read, the last one and a 120-character name.
    course = load_valid_course(REPO)
    lessons = [lesson.slug for m in course.modules for lesson in m.lessons]
    full = {**state, "visited": dict.fromkeys(lessons, 1), "last": lessons[-1], "name": "N" * 120}
    worst = launch.evaluate("s => window.cqScormSession.encode(s)", full)
    assert len(worst) < LIMIT
    back = launch.evaluate("text => window.cqScormSession.decode(text)", worst)
    assert back["quizzes"] == state["quizzes"] and back["visited"] == full["visited"] and back["name"] == full["name"]
    print(f"suspend_data worst case ({sum(len(q[2]) for q in config['index'])} questions answered, "
          f"{len(lessons)} lessons read, a 120-character name): {len(worst)} chars")


@pytest.fixture(scope="module")
def exam_lms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini course with its module quiz in exam mode, packaged and served with the test LMS page."""
    root = make_exam(make_course(tmp_path_factory.mktemp("scorm-exam") / "course"))
    return lms_folder(build_package(load_valid_course(root), "en", root / "course-en.zip").path, root / "lms")


@pytest.fixture(scope="module")
def typed_lms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English package of the mini course with typed questions (tests/data/typed), served with the test LMS."""
    folder = tmp_path_factory.mktemp("typed-lms")
    root = make_typed_course(folder / "course")
    return lms_folder(build_package(load_valid_course(root), "en", folder / "course-en.zip").path, folder)


@pytest.mark.browser
def test_an_exam_reports_its_score_once_at_submit(page: Any, exam_lms: Path, serve: Any) -> None:
    base = serve(exam_lms)
    content = start(page, base)
    to_quiz(content)
    content.check("#cq-01-basics-single-1-c")
    content.check("#cq-01-basics-tf-1-false")

    def scores() -> list[list[str]]:
        return [c for c in received(page) if c[:2] == ["LMSSetValue", "cmi.core.score.raw"]]

    assert last_value(received(page), "cmi.suspend_data"), "answers are kept before submitting"
    assert scores() == [] and last_value(received(page), "cmi.core.lesson_status") == "incomplete"
    content.click(".cq-submit")
    content.click(".cq-submit-now")
    assert content.locator(".cq-score").inner_text().startswith("Your score: 2 of 5 (40%). Not passed yet")
    assert scores() == [["LMSSetValue", "cmi.core.score.raw", "40"]]
    assert last_value(received(page), "cmi.core.lesson_status") == "failed"
    content.locator("nav.md-nav a", has_text="Goal first").first.click()  # more saves: a lesson read
    content.wait_for_url("**/01-basics/01-goal-first.html")
    assert len(scores()) == 1, "the score reaches the LMS once"
    saved = page.evaluate("API.cmi.suspend_data")
    page.evaluate("leave()")
    content = start(page, base, saved)  # resumed later: the submitted exam is not reported again
    content.locator("nav.md-nav a", has_text="SMART").first.click()
    content.wait_for_url("**/01-basics/02-smart.html")
    assert received(page).count(["LMSCommit"]) >= 2 and scores() == [], "a new launch (new log) reports nothing"


def test_typed_answers_count_in_the_lms_score_and_resume(page: Any, typed_lms: Path, serve: Any) -> None:
    base = serve(typed_lms)
    content = start(page, base)
    to_quiz(content)
    answer_all_right(content)
    content.fill("#cq-01-basics-rate-1 .cq-input", "4,5 %")
    content.click("#cq-01-basics-rate-1 .cq-check")
    content.fill("#cq-01-basics-term-1 .cq-input", "roi")  # a typical wrong answer
    content.click("#cq-01-basics-term-1 .cq-check")
    assert content.locator(".cq-score").inner_text().startswith("Your score: 6 of 7 (86%). Passed")
    calls = received(page)
    assert last_value(calls, "cmi.core.score.raw") == "86"
    assert last_value(calls, "cmi.core.lesson_status") == "passed"
    saved = last_value(calls, "cmi.suspend_data") or ""
    # Typed answers are packed as text after an apostrophe: the number as read, the words as typed.
    assert re.search(r"[0-9a-z]\+'4\.5(,|;|$)", saved) and re.search(r"[0-9a-z]-'roi(,|;|$)", saved), saved
    page.evaluate("leave()")
    page.wait_for_function("() => window.received.some(r => r[0] === 'LMSFinish')")
    content = start(page, base, saved)
    to_quiz(content)
    assert content.locator("#cq-01-basics-rate-1 .cq-input").input_value() == "4.5"
    assert content.locator("#cq-01-basics-term-1 .cq-input").input_value() == "roi"
    assert content.locator("#cq-01-basics-term-1 .cq-result").inner_text().startswith("Not quite. ROI is one")
    assert content.locator(".cq-score").inner_text().startswith("Your score: 6 of 7 (86%)")
    launch = next(f for f in page.frames if "/sco/" in f.url)
    text = "Taux d’engagement, 4,5 %; |x|"  # separators of the packed format, inside a typed answer
    back = launch.evaluate("""t => {
        const s = {v: 1, quizzes: {"01-basics": {answers: {"term-1": {value: [t], correct: false}}}}};
        return window.cqScormSession.decode(window.cqScormSession.encode(s)); }""", text)
    assert back["quizzes"]["01-basics"]["answers"]["term-1"] == {"value": [text], "correct": False}
    assert page.errors == []


def test_a_package_needs_no_npm_shim_which_only_file_urls_need(course: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.engine import portable
    from generator.exports.offline import build_offline

    # A machine without `npm install`: the iframe-worker shim is found neither beside the course nor the generator.
    monkeypatch.setattr(portable, "SHIM_IN_PACKAGE", Path("iframe-worker-not-installed") / "shim" / "index.js")
    loaded = load_valid_course(course)
    made = build_package(loaded, "en", tmp_path / "course-en.zip")
    with zipfile.ZipFile(made.path) as archive:
        names = set(archive.namelist())
        pages = [archive.read(n).decode("utf-8") for n in names if n.endswith(".html")]
    # Served over http by the LMS: the search worker loads its index itself, and no page names a CDN.
    assert portable.SHIM_URL not in names and "search/search_index.js" not in names
    assert "search/search_index.json" in names
    assert not [page for page in pages if "unpkg.com" in page or "iframe-worker" in page]
    with pytest.raises(portable.PortableError) as refused:  # the file:// copy does need it, and says so
        build_offline(loaded, tmp_path / "offline.zip", "en")
    assert refused.value.lines() == [
        "error: the npm package iframe-worker is not installed: run `npm install` in the project folder (`make site` "
        "does it); offline search needs it; nothing was written."]
