"""Shared fixtures: small courses in tmp_path, built sites, a local web server and Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "data" / "mini"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pdf_text(page: object) -> str:
    """A PDF page's text as a reader sees it: NFKC folds the ligatures (ﬁ, ﬂ) some fonts draw."""
    return unicodedata.normalize("NFKC", page.extract_text())  # type: ignore[attr-defined]


def make_course(dest: Path, source: Path = MINI) -> Path:
    """A course folder: the given content plus the project's mkdocs.yml and theme."""
    shutil.copytree(source, dest, dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "theme", dest / "theme", dirs_exist_ok=True)
    return dest


TYPED = Path(__file__).resolve().parent / "data" / "typed"


def make_typed_course(dest: Path) -> Path:
    """The mini course with numeric and short-answer questions added to its module quiz and its
    check questions (embedded in the SMART lesson): tests/data/typed/."""
    root = make_course(dest)
    for quiz, extra in (("01-basics", "module-questions.yml"), ("01-basics-checks", "check-questions.yml")):
        path = root / "quizzes" / f"{quiz}.yml"
        path.write_text(path.read_text(encoding="utf-8") + (TYPED / extra).read_text(encoding="utf-8"),
                        encoding="utf-8")
    for name in ("02-smart.md", "02-smart.fr.md"):
        lesson = root / "modules" / "01-basics" / name
        lesson.write_text(lesson.read_text(encoding="utf-8").rstrip("\n")
                          + "\n\n[[question:01-basics-checks/budget]]\n\n[[question:01-basics-checks/acronym]]\n",
                          encoding="utf-8")
    return root


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course")


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini course built once for the session; returns its site/ folder."""
    from generator.build import build

    root = make_course(tmp_path_factory.mktemp("mini") / "course")
    build(root, root / "site")
    return root / "site"


@pytest.fixture(scope="session")
def built_typed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini course with typed questions (make_typed_course), built once; returns its site/ folder."""
    from generator.build import build

    root = make_typed_course(tmp_path_factory.mktemp("typed") / "course")
    build(root, root / "site")
    return root / "site"


@pytest.fixture(scope="session")
def built_real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped course built once for the session (outside the repository's own site/)."""
    from generator.build import build

    site = tmp_path_factory.mktemp("real") / "site"
    # Built for the address it is served at, as a host would set site_url: the 404 page
    # needs absolute links to reach its styles and scripts from any depth.
    build(REPO, site, site_url=_serve(str(site)) + "/")
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(socketserver.ThreadingTCPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that navigates away closes its connection mid-file: not a failure of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@functools.cache
def _serve(directory: str) -> str:
    handler = functools.partial(_QuietHandler, directory=directory)
    server = _QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def serve() -> object:
    """serve(folder) -> base URL of a static server on 127.0.0.1 for that folder."""
    return lambda folder: _serve(str(folder))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh context and page that records every request and every uncaught error."""
    # The offline reader's service worker would fetch the whole course behind every test page: blocked here,
    # tests/test_phone.py lets it run where it is the subject.
    context = browser.new_context(service_workers="block")  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.requests = []
    pg.errors = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


@pytest.fixture(autouse=True, scope="session")
def _own_course_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Validated courses are cached in a folder of the test session, not in the user's cache."""
    import os

    old = os.environ.get("COURSEGEN_CACHE_DIR")
    os.environ["COURSEGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("course-cache"))
    yield
    if old is None:
        del os.environ["COURSEGEN_CACHE_DIR"]
    else:
        os.environ["COURSEGEN_CACHE_DIR"] = old


def build_every_output(source: Path, dest: Path) -> Path:
    """A course of tests/data built as a host builds one, through the command line: `check --strict`, the
    portal with its PDFs and offline copies, a SCORM package per language, GIFT and Moodle XML banks.
    Returns the course folder: site/, trainer/, scorm/course-LANG.zip, banks/gift/, banks/moodle-xml/."""
    from generator.cli.main import main
    from generator.course.load import load_valid_course

    root = make_course(dest, source)
    assert main(["--root", str(root), "check", "--strict"]) == 0
    assert main(["--root", str(root), "build", "--downloads"]) == 0
    for lang in load_valid_course(root).languages:
        package = root / "scorm" / f"course-{lang}.zip"
        assert main(["--root", str(root), "scorm", "--lang", lang, "-o", str(package)]) == 0
    for fmt in ("gift", "moodle-xml"):
        assert main(["--root", str(root), "export", "--format", fmt, "-o", str(root / "banks" / fmt)]) == 0
    return root
