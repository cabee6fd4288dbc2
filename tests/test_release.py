"""The course as a host receives it: a release archive without git, and `pip install` outside the repository."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

import pytest

from tests.conftest import MINI, REPO


@pytest.fixture(scope="module")
def host_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The shell of a host: no SOURCE_DATE_EPOCH from a Makefile, another locale and time zone.

    Made when the tests run, not when this file is imported: its caches (coursegen's, pip's) go to a
    folder of the test session, never the user's ~/.cache."""
    cache = tmp_path_factory.mktemp("host-cache")
    return {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"} | {
        "LANG": "C.UTF-8", "TZ": "Pacific/Auckland", "XDG_CACHE_HOME": str(cache),
        "COURSEGEN_CACHE_DIR": str(cache / "coursegen")}


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`git archive HEAD` unpacked: the committed sources, without .git."""
    if not (REPO / ".git").exists():
        pytest.skip("this copy has no git history to make a release archive from")
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", "HEAD"], capture_output=True,
                             check=True, timeout=60).stdout
    folder = tmp_path_factory.mktemp("release") / "course-release"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    assert not (folder / ".git").exists()
    # A host runs `npm install` in the release for the offline bundle's search shim.
    (folder / "node_modules").symlink_to(REPO / "node_modules")
    return folder


def run(folder: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # `-m generator` from the release folder runs the release's own generator, not the repository's.
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=folder, capture_output=True, text=True,
                          timeout=600, check=False, env=env)


def test_a_release_without_git_builds_every_output(release: Path, host_env: dict[str, str]) -> None:
    """The shipped course's portal, SCORM package and banks, and a course's downloads (PDFs, offline zip).

    The downloads are made for the mini course, from the release's own files (tests/data/mini, mkdocs.yml and
    theme/ as the archive holds them): laying out the shipped course's 200-page workbooks twice took most of
    this test's time, and its print content is checked in tests/test_pdf.py."""
    out = release / "out"
    mini = release / "tests" / "data" / "mini"
    shutil.copy(release / "mkdocs.yml", mini / "mkdocs.yml")
    shutil.copytree(release / "theme", mini / "theme")
    steps = [
        ("build", "--lang", "en", "--site-dir", str(out / "site")),
        ("scorm", "--lang", "fr", "--module", "01-goals", "-o", str(out / "scorm-fr.zip")),
        ("export", "--format", "gift", "-o", str(out / "banks")),
        ("export", "--format", "moodle-xml", "--lang", "fr", "-o", str(out / "banks")),
        ("--root", str(mini), "build", "--lang", "en", "--downloads", "--site-dir", str(out / "mini")),
    ]
    for step in steps:
        result = run(release, *step, env=host_env | {"SOURCE_DATE_EPOCH": ""})  # what the old Makefile exported
        assert result.returncode == 0, (step, result.stderr)
        assert "Traceback" not in result.stderr
        # Said where a date is needed (the site, the zips), and not by `export`, whose banks carry no date.
        said = "notice: no git history here: outputs are dated by the newest source file" in result.stdout
        assert said == ("export" not in step), step
    assert any(Path(host_env["COURSEGEN_CACHE_DIR"]).iterdir())  # the host's cache is the one the fixture made
    downloads = sorted(p.name for p in (out / "mini" / "downloads").iterdir())
    assert downloads == ["course-en-learner.pdf", "course-en-offline.zip"]
    # The trainer edition holds every answer: beside the site, not in it (issue 14).
    assert [p.name for p in (out / "trainer").iterdir()] == ["course-en-trainer.pdf"]
    assert (out / "site" / "en" / "01-goals" / "quiz" / "index.html").is_file()
    assert (out / "mini" / "en" / "01-basics" / "quiz" / "index.html").is_file()
    assert (out / "scorm-fr.zip").stat().st_size > 0
    assert (out / "banks" / "en" / "all-quizzes.gift").is_file()
    assert (out / "banks" / "fr" / "all-quizzes.xml").is_file()
    # The commands above ran the release's own generator, not the repository's (an uncommitted change
    # in the working tree is not in the archive, and must not make this test fail).
    used = subprocess.run([sys.executable, "-c", "import generator; print(generator.__file__)"], cwd=release,
                          capture_output=True, text=True, check=True, env=host_env).stdout.strip()
    assert Path(used).resolve() == (release / "generator" / "__init__.py").resolve()


def test_an_installed_coursegen_builds_a_course_that_lives_elsewhere(release: Path, tmp_path: Path,
                                                                    host_env: dict[str, str]) -> None:
    wheels = tmp_path / "wheels"
    # Built with this venv's setuptools (the test extra asks for one that satisfies [build-system]).
    made = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "-w", str(wheels), str(release)], capture_output=True, text=True, timeout=300, check=False,
                          env=host_env)
    assert made.returncode == 0, made.stderr
    # A venv of its own holding the wheel. Its dependencies are this venv's, linked by a .pth line, not downloaded
    # and unpacked again (a quarter of a minute): `make test` resolves them from the registry when it installs
    # the project, and tests/test_dependencies.py proves they cover every import. A path line in a .pth file
    # does not run that folder's own .pth files, so the repository's editable install stays out of this venv.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120, env=host_env)
    python = str(venv / "bin" / "python")
    wheel = next(wheels.glob("coursegen-*.whl"))
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
                                str(wheel)], capture_output=True, text=True, timeout=600, check=False, env=host_env)
    assert installed.returncode == 0, installed.stderr
    own = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                              capture_output=True, text=True, check=True).stdout.strip())
    (own / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    used = subprocess.run([python, "-c", "import generator; print(generator.__file__)"], cwd=tmp_path,
                          capture_output=True, text=True, check=True, env=host_env).stdout.strip()
    assert Path(used).resolve() == (own / "generator" / "__init__.py").resolve()  # the wheel's, not the repository's
    # A course of its own, elsewhere: lessons, quizzes and a mkdocs.yml, but no theme/ folder.
    course = tmp_path / "my-course"
    subprocess.run(["cp", "-r", str(MINI), str(course)], check=True)
    (course / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    coursegen = str(venv / "bin" / "coursegen")
    for args in (["check"], ["new", "module", "pricing-posts"], ["check"],
                 ["build", "--site-dir", str(tmp_path / "site")]):
        result = subprocess.run([coursegen, "--root", str(course), *args], cwd=elsewhere, capture_output=True,
                                text=True, timeout=600, check=False, env=host_env)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    site = tmp_path / "site"
    assert (site / "en" / "assets" / "cq" / "quiz.js").is_file()  # the theme came with the package
    assert 'data-cq-quiz="01-basics"' in (site / "fr" / "01-basics" / "quiz" / "index.html").read_text(
        encoding="utf-8")
    assert (site / "en" / "02-pricing-posts" / "index.html").is_file()
    assert sorted(p.name for p in elsewhere.iterdir()) == []  # nothing written where the command ran
    # The authoring guide came with the package: written outside any course.
    guide = subprocess.run([coursegen, "guide", "--lang", "fr", "-o", str(tmp_path / "guide.html")], cwd=elsewhere,
                           capture_output=True, text=True, timeout=60, check=False, env=host_env)
    assert guide.returncode == 0, guide.stderr
    assert "<h1>Guide de rédaction</h1>" in (tmp_path / "guide.html").read_text(encoding="utf-8")
