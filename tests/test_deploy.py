"""`coursegen deploy nginx|apache`: what it writes, for the shipped course too, and what it refuses.

The servers themselves run the written files in tests/test_hosting.py and tests/test_hosting_languages.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.exports.server import Portal, render_config
from tests.conftest import REPO
from tests.hosting import SERVERS, free_port, nginx_argv
from tests.shared import Shared


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.fixture(scope="session")
def built_shipped(shared: Shared) -> Path:
    """The shipped course built as `make site` builds it (default brand, no site_url): the hashes of its
    pages' inline scripts depend on the address (Material's 404 page names its base)."""
    def make(folder: Path) -> None:
        done = run("--root", str(REPO), "build", "--site-dir", str(folder / "site"), cwd=REPO)
        assert done.returncode == 0, done.stderr

    return shared.build("shipped-plain", make) / "site"


@pytest.mark.parametrize("server", ["nginx", "apache"])
def test_the_shipped_files_are_what_the_command_writes(built_shipped: Path, tmp_path: Path, server: str) -> None:
    # pages/deploy.md shows deploy/*.conf: they must be what a host gets from the command for this course.
    written = tmp_path / f"{server}.conf"
    done = run("deploy", server, "-o", str(written), "--site-dir", str(built_shipped), cwd=REPO)
    assert done.returncode == 0, done.stderr
    # `make site` sets no address: the command says what that costs the 404 pages.
    assert 'notice: the "page not found" pages of en, fr were built without the portal\'s address' in done.stderr
    shipped = (REPO / "deploy" / f"{server}.conf").read_text(encoding="utf-8")
    assert written.read_text(encoding="utf-8") == shipped, (
        f"deploy/{server}.conf is stale: `make site`, then `coursegen deploy {server} -o deploy/{server}.conf`")


def test_a_course_whose_languages_do_not_load_gets_the_problems_of_check(course: Path, built_mini: Path,
                                                                        tmp_path: Path) -> None:
    yml = course / "course.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("name: Français", "nom: Français"), encoding="utf-8")
    checked = run("check", cwd=course)
    target = tmp_path / "nginx.conf"
    deployed = run("deploy", "nginx", "-o", str(target), "--site-dir", str(built_mini), cwd=course)
    problems = [line for line in checked.stderr.splitlines() if "[course." in line]
    assert problems and checked.returncode == 1
    assert deployed.returncode == 1
    assert [line for line in deployed.stderr.splitlines() if "[course." in line] == problems
    assert not target.exists()


def test_without_a_build_it_says_to_build_first_and_writes_nothing(course: Path, tmp_path: Path) -> None:
    target = tmp_path / "apache.conf"
    result = run("deploy", "apache", "-o", str(target), cwd=course)
    assert result.returncode == 2
    assert "no index.html, en/404.html, fr/404.html" in result.stderr and "coursegen build" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_a_portal_under_a_path_is_served_there_with_a_not_found_page_per_language(built_mini: Path,
                                                                                 tmp_path: Path) -> None:
    brand = tmp_path / "brand.yml"
    brand.write_text((REPO / "brands" / "default.yml").read_text(encoding="utf-8")
                     + "site_url: https://learn.example.org/social-media/\ncompletion_stats: true\n", encoding="utf-8")
    done = run("deploy", "nginx", "--brand", str(brand), "--site-dir", str(built_mini), cwd=built_mini.parent)
    assert done.returncode == 0, done.stderr
    text = done.stdout  # without -o: printed
    assert "server_name learn.example.org;" in text
    assert "location /social-media/fr/ {\n        error_page 404 /social-media/fr/404.html;" in text
    assert "error_page 404 /social-media/en/404.html;" in text
    assert '"~^/social-media/stats/" "no-store";' in text  # completion counts: never cached
    # And nginx reads it (its own syntax check, the `nginx -t` the file's comment asks for).
    if not Path(SERVERS["nginx"]).exists():
        pytest.fail("Debian's nginx is missing: run `make test`, which installs it")
    (tmp_path / "work").mkdir()
    argv = nginx_argv(tmp_path / "work", free_port(), built_mini, text)
    tested = subprocess.run([*argv, "-t"], capture_output=True, text=True, timeout=60, check=False)
    assert tested.returncode == 0, tested.stderr


def test_each_language_after_the_first_gets_its_own_location() -> None:
    portal = Portal(("en", "es", "ar"), "learn.example.org", "/", False, (("X-Content-Type-Options", "nosniff"),))
    apache = render_config("apache", portal)
    assert "ErrorDocument 404 /en/404.html" in apache
    for lang in ("es", "ar"):
        assert f'<Location "/{lang}/">\n        ErrorDocument 404 /{lang}/404.html\n    </Location>' in apache
    assert 'Header always set X-Content-Type-Options "nosniff"' in apache
    assert "stats" not in apache.split("<VirtualHost")[1]  # no completion counts, no rule for them


def test_the_command_line_offers_the_servers_the_writer_knows() -> None:
    """cli/deploy.py names them itself, so that starting any command does not import the config writer."""
    from generator.cli.deploy import SERVERS as offered
    from generator.exports.server import SERVERS as written

    assert offered == written
