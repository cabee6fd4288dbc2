"""Shared fixtures: small courses in tmp_path, built sites, a local web server and Chromium."""

from __future__ import annotations

import functools
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.shared import Owner, Shared, from_worker, open_shared, start_server, to_worker

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


ARABIC = Path(__file__).resolve().parent / "data" / "arabic"

# The two devices of issue 22's walk: a learner's phone and an old office laptop.
PROFILES: dict[str, dict[str, object]] = {
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
    "laptop": {"viewport": {"width": 1366, "height": 768}},
}


def catalogue(lang: str) -> dict[str, dict[str, Any]]:
    """A language's interface strings, as shipped: theme/strings/<lang>.yml."""
    import yaml

    table: dict[str, dict[str, Any]] = yaml.safe_load(
        (REPO / "theme" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
    return table


def fill(text: str, **values: object) -> str:
    """A catalogue string with its {placeholders} filled, as the browser scripts fill them."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), text)


def count(forms: dict[str, str], lang: str, n: int, **values: object) -> str:
    """A counted string (CLDR plural forms) for `n`, as core.js fills it: the form of n, n as the language writes it."""
    from generator.course import cldr
    from generator.course.plural_forms import choose

    return fill(choose(forms, lang, n), n=cldr.format_number(n, lang), **values)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return make_course(tmp_path / "course")


OWNER = pytest.StashKey[Owner]()
SHARED = pytest.StashKey[Shared]()


def pytest_configure(config: pytest.Config) -> None:
    """The run's shared folder and server: owned by the controller, handed to each worker (tests/shared.py)."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        config.stash[SHARED] = from_worker(workerinput)
    else:
        config.stash[OWNER] = owner = open_shared()
        config.stash[SHARED] = owner.shared


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist, in the controller, before it starts a worker: tell the worker where the shared builds are."""
    node.workerinput.update(to_worker(node.config.stash[SHARED]))


# The files whose setup is longest (a whole course's PDFs, packs, several languages), collected first. xdist's
# `--dist loadfile` hands each worker whole files in collection order, so one of these collected last (the
# alphabet put test_workshop.py there) ran alone at the end while the other worker sat idle. The first two
# share no build with each other, so neither waits on the other's lock.
SLOW_FIRST = ("test_workshop.py", "test_no_english.py", "test_offline.py", "test_projector.py",
              "test_lang_arabic.py", "test_phone.py", "test_attempts.py", "test_release.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(SLOW_FIRST)))  # stable: the rest keep their order


def pytest_unconfigure(config: pytest.Config) -> None:
    if OWNER in config.stash:
        config.stash[OWNER].close()


@pytest.fixture(scope="session")
def shared(pytestconfig: pytest.Config) -> Shared:
    return pytestconfig.stash[SHARED]


def _build_mini(folder: Path) -> None:
    from generator.build import build

    root = make_course(folder / "course")
    build(root, root / "site")


def _build_typed(folder: Path) -> None:
    from generator.build import build

    root = make_typed_course(folder / "course")
    build(root, root / "site")


def make_exam(root: Path, time_limit: int | None = None) -> Path:
    """The mini course at `root` with its module quiz in exam mode, timed when `time_limit` (minutes) is given."""
    quiz = root / "quizzes" / "01-basics.yml"
    timed = f"time_limit: {time_limit}\n" if time_limit else ""
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("pass_mark: 75\n", f"pass_mark: 75\nmode: exam\n{timed}"),
                    encoding="utf-8")
    return root


def _build_arabic(folder: Path) -> None:
    from generator.build import BuildOptions, build

    root = make_exam(make_course(folder / "course", ARABIC), time_limit=10)
    quiz = root / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + (TYPED / "arabic-question.yml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    build(root, root / "site", BuildOptions(langs=("ar",)))


@pytest.fixture(scope="session")
def built_mini(shared: Shared) -> Path:
    """The mini course built once for the run (shared by the workers); returns its site/ folder."""
    return shared.build("mini", _build_mini) / "course" / "site"


@pytest.fixture(scope="session")
def built_typed(shared: Shared) -> Path:
    """The mini course with typed questions (make_typed_course), built once for the run; its site/ folder."""
    return shared.build("typed", _build_typed) / "course" / "site"


@pytest.fixture(scope="session")
def built_real(shared: Shared) -> Path:
    """The shipped course built once for the run (outside the repository's own site/)."""
    from generator.build import BuildOptions, build

    def make(folder: Path) -> None:
        # Built for the address it is served at, as a host would set site_url: the 404 page
        # needs absolute links to reach its styles and scripts from any depth.
        build(REPO, folder / "site", BuildOptions(site_url=f"{shared.url_of(folder / 'site')}/"))

    return shared.build("real", make) / "site"


@pytest.fixture(scope="session")
def built_arabic(shared: Shared) -> Path:
    """The right-to-left course (tests/data/arabic) with a number to type (tests/data/typed/arabic-question.yml)
    and its module quiz a 10-minute exam, built once for the run in Arabic only; returns its site/ folder."""
    return shared.build("arabic-exam", _build_arabic) / "course" / "site"


@functools.cache
def _serve(directory: str) -> str:
    return start_server(Path(directory))[1]


@pytest.fixture(scope="session")
def serve(shared: Shared) -> object:
    """serve(folder) -> base URL of a static server on 127.0.0.1 for that folder (the run's shared server for
    a shared build, so that every worker sees the address the build was made for)."""
    return lambda folder: shared.url_of(Path(folder)) or _serve(str(folder))


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


def _device_page(browser: object, profile: str) -> Iterator[object]:
    """A page on the device PROFILES names, recording uncaught errors; its context closes after the test."""
    context = browser.new_context(**PROFILES[profile])  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.profile = profile
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


@pytest.fixture
def device(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A page on the device PROFILES names (parametrize "device" indirectly)."""
    yield from _device_page(browser, request.param)


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """A page on the phone profile (390×844, touch)."""
    yield from _device_page(browser, "phone")


@pytest.fixture(autouse=True, scope="session")
def _own_course_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Validated courses are cached in a folder of the test session, not in the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COURSEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("course-cache")))
        yield


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
