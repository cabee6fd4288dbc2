"""`coursegen serve`: the engine's preview settings and the hook that re-renders the docs tree on each rebuild.

The hook runs inside MkDocs' rebuild loop; the first tests call its events as MkDocs calls them, with the
configuration the preview writes; the last one runs a real preview process and talks to it over HTTP.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.course.load import load_valid_course
from generator.engine import hook
from generator.engine.serve import HOOK, serve_options
from tests.conftest import REPO


def test_the_preview_rerenders_the_tree_and_writes_the_language_into_the_scripts(course: Path,
                                                                                 tmp_path: Path) -> None:
    loaded = load_valid_course(course)
    options = serve_options(loaded, "fr")
    assert options["hooks"] == [str(HOOK)] and options["strict"] is False
    assert options["watch"] == [str(course / d) for d in ("modules", "quizzes", "pages", "theme/strings", "course.yml")]
    docs, site = tmp_path / "docs", tmp_path / "site"
    (site / "assets" / "cq").mkdir(parents=True)
    shutil.copy(REPO / "theme" / "assets" / "cq" / "quiz.js", site / "assets" / "cq" / "quiz.js")
    config = {"docs_dir": str(docs), "site_dir": str(site), "extra": {"coursegen_serve": options["coursegen_serve"]}}
    hook.on_pre_build(config)
    assert loaded.strings["fr"].site["quiz_intro"] in (docs / "01-basics" / "quiz.md").read_text(encoding="utf-8")
    hook.on_post_build(config)
    script = (site / "assets" / "cq" / "quiz.js").read_text(encoding="utf-8")
    assert "{/*strings:" not in script
    assert '"Pas tout à fait."' in script  # fr.yml's quiz_js texts, not English


def test_a_broken_edit_keeps_the_last_good_preview_and_its_texts(course: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    options = serve_options(load_valid_course(course), "fr")
    docs = tmp_path / "docs"
    config = {"docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
              "extra": {"coursegen_serve": options["coursegen_serve"]}}
    hook.on_pre_build(config)
    before = (docs / "index.md").read_text(encoding="utf-8")
    quiz = next((course / "quizzes").glob("*.yml"))
    quiz.write_text(quiz.read_text(encoding="utf-8") + "\n  - broken: [\n", encoding="utf-8")
    hook.on_pre_build(config)
    assert "the preview shows the last good version" in capsys.readouterr().out
    assert (docs / "index.md").read_text(encoding="utf-8") == before
    assert config["extra"]["coursegen_serve"]["strings"] == options["coursegen_serve"]["strings"]


def _get(url: str) -> tuple[int, str]:
    """The status and text of a GET (an error status too)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode("utf-8", "replace")


def _until(condition: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"the preview never {what}"
        time.sleep(0.5)


def _ready(url: str) -> bool:
    try:
        return _get(url)[0] == 200
    except (urllib.error.URLError, ConnectionError):
        return False


@pytest.mark.browser
def test_a_real_preview_switches_language_reloads_strings_and_cleans_up_on_sigterm(course: Path, tmp_path: Path,
                                                                                    page: Any) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    temp = tmp_path / "tmp"  # the preview's temporary folders go here, so that the test sees what is left
    temp.mkdir()
    log = tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    with log.open("w", encoding="utf-8") as out, subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--lang", "fr", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=course, stdout=out, stderr=subprocess.STDOUT, env=os.environ | {"TMPDIR": str(temp)}) as server:
        try:
            _until(lambda: _ready(f"{base}/fr/"), "answered")
            lesson = f"{base}/fr/01-basics/02-smart/"
            status, text = _get(lesson)
            switcher = BeautifulSoup(text, "html.parser").select(".md-select a[hreflang]")
            assert [a["hreflang"] for a in switcher] == ["en", "fr"]
            for link in switcher:  # the same lesson in each language, as a learner clicks it
                status, text = _get(urllib.parse.urljoin(lesson, str(link["href"])))
                landed = BeautifulSoup(text, "html.parser")
                assert status == 200 and landed.html["lang"] == link["hreflang"], link["href"]
                assert landed.h1.get_text() in ("SMART goals", "Objectifs SMART")
            # Material reads each language's sitemap to keep the page when switching: no 404 to log.
            assert _get(f"{base}/en/sitemap.xml")[0] == _get(f"{base}/fr/sitemap.xml")[0] == 200
            # In Chromium, as a translator clicks it: the switcher, then English in its list.
            page.goto(lesson)
            page.locator(".md-select button").hover()
            page.locator("a.md-select__link[hreflang=en]").click()
            page.wait_for_url(f"{base}/en/01-basics/02-smart/")
            assert page.locator("h1").inner_text() == "SMART goals" and page.errors == []

            # An edit of a quiz, then of a lesson, shows without a restart (this was test_cli's own serve test).
            quiz = course / "quizzes" / "01-basics.yml"
            quiz.write_text(quiz.read_text(encoding="utf-8").replace("Quel objectif est SMART",
                                                                     "Quel objectif est le plus SMART"),
                            encoding="utf-8")
            _until(lambda: "Quel objectif est le plus SMART" in _get(f"{base}/fr/01-basics/quiz/")[1],
                   "showed the quiz's new text")
            french = course / "modules" / "01-basics" / "02-smart.fr.md"
            french.write_text(french.read_text(encoding="utf-8") + "\nUn paragraphe tout neuf.\n", encoding="utf-8")
            _until(lambda: "Un paragraphe tout neuf." in _get(lesson)[1], "showed the lesson's new paragraph")
            # A translator's edit of the catalogue, then of course.yml, shows without a restart.
            strings = course / "theme" / "strings" / "fr.yml"
            strings.write_text(strings.read_text(encoding="utf-8").replace(
                "check: Vérifier ma réponse", "check: Vérifier ma réponse maintenant"), encoding="utf-8")
            _until(lambda: "Vérifier ma réponse maintenant" in _get(f"{base}/fr/01-basics/quiz/")[1],
                   "showed the catalogue's new text")
            declared = course / "course.yml"
            declared.write_text(declared.read_text(encoding="utf-8").replace(
                "name: Français", "name: Français du Québec"), encoding="utf-8")
            _until(lambda: "Français du Québec" in _get(lesson)[1], "showed course.yml's new name")
        finally:
            server.send_signal(signal.SIGTERM)
            code = server.wait(timeout=30)
    said = log.read_text(encoding="utf-8")
    assert code == 0, said
    assert " 404" not in said and "sitemap" not in said, said
    assert sorted(p.name for p in temp.iterdir()) == [], "SIGTERM cleans up like Ctrl-C"


def test_the_other_languages_are_served_from_their_folder_and_nothing_above_it(tmp_path: Path) -> None:
    from generator.engine.serve_others import with_other_languages

    (tmp_path / "others" / "en" / "lesson").mkdir(parents=True)
    (tmp_path / "others" / "en" / "lesson" / "index.html").write_text("<h1>Lesson</h1>", encoding="utf-8")
    (tmp_path / "others" / "en" / "404.html").write_text("<h1>Not here</h1>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    app = with_other_languages(lambda environ, start: [b"live"], tmp_path / "others", ["en"])

    def get(path: str) -> tuple[str, bytes]:
        said: list[str] = []
        body = b"".join(app({"PATH_INFO": path}, lambda status, headers: said.append(status)))
        return said[0] if said else "live", body

    assert get("/en/lesson/") == ("200 OK", b"<h1>Lesson</h1>")
    assert get("/en/lesson")[0] == "302 Found"
    assert get("/en/missing/") == ("404 Not Found", b"<h1>Not here</h1>")
    assert get("/en/../secret.txt")[0] == "404 Not Found" and get("/en/../../secret.txt")[0] == "404 Not Found"
    assert get("/fr/lesson/") == ("live", b"live") and get("/livereload/1/2") == ("live", b"live")
