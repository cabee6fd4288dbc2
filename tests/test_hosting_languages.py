"""A course in English, Spanish and Arabic served by nginx and Apache with what `coursegen deploy` wrote.

The course is what `coursegen init --languages en,es,ar` writes, plus a second module (`coursegen new
module`) whose quiz is a timed exam, built by the CLI into a folder open to www-data. Its Spanish and
Arabic interface strings are the copies of en.yml that init writes into the course while coursegen
ships none for those languages (once it does, init uses coursegen's and so does this test): this file
tests serving, not translation.

Each server starts once for the module (the `host` fixture) and answers: every kind of file with
its type, compressed and cached as the hosting page says, every response with the security headers,
and a missing page in each language with that language's "page not found" page. A browser then
walks every template through the server (home, lesson, quiz, exam, progress, certificate, search,
404) and must meet no Content-Security-Policy violation.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.browser_wait import until
from tests.hosting import SERVERS, deploy, fetch, free_port, running, worker_users

LANGUAGES = {"en": "ltr", "es": "ltr", "ar": "rtl"}
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy")


@dataclass
class Host:
    server: str
    url: str
    site: Path
    pid: int
    config: str  # the file `coursegen deploy` wrote


def cli(*argv: str, cwd: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "generator", *argv], cwd=cwd, capture_output=True, text=True,
                          timeout=600, check=False, env={**os.environ, "LANG": "C"})
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """(course folder, built site, the address it was built for), the site in a host's folder."""
    if os.geteuid() != 0:
        pytest.skip("web servers switch their workers to www-data only when started as root (CI runs as root)")
    parent = tmp_path_factory.mktemp("languages")
    cli("init", "course", "--languages", ",".join(LANGUAGES), "--title", "Course", "--brand-name", "Org", cwd=parent)
    root = parent / "course"
    cli("new", "module", "second", cwd=root)
    quiz = root / "quizzes" / "02-second.yml"
    text = quiz.read_text(encoding="utf-8")
    assert "\npass_mark: 80\n" in text
    quiz.write_text(text.replace("\npass_mark: 80\n", "\npass_mark: 80\nmode: exam\ntime_limit: 10\n"),
                    encoding="utf-8")
    work = Path(tempfile.mkdtemp(prefix="coursegen-hosting-languages-"))
    work.chmod(0o755)  # like /srv: open to www-data
    url = f"http://127.0.0.1:{free_port()}"
    cli("build", "--site-dir", str(work / "site"), "--site-url", url + "/", cwd=root)
    yield root, work / "site", url
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module", params=list(SERVERS))
def host(request: pytest.FixtureRequest, built: tuple[Path, Path, str]) -> Iterator[Host]:
    root, site, url = built
    server = str(request.param)
    written = deploy(root, site, server, site.parent / f"{server}.conf", "--site-url", url + "/")
    with running(server, site.parent / server, int(url.rsplit(":", 1)[1]), site, written) as pid:
        yield Host(server, url, site, pid, written)


def test_workers_run_as_www_data(host: Host) -> None:
    assert worker_users(host.pid) == {"www-data"}


def test_every_kind_of_file_is_served_with_its_type_compressed_and_cached(host: Host) -> None:
    bundle = next((host.site / "ar" / "assets" / "javascripts").glob("bundle.*.min.js")).name
    style = next((host.site / "es" / "assets" / "stylesheets").glob("main.*.min.css")).name
    year, again = "public, max-age=31536000, immutable", "no-cache"
    script = "javascript; charset=utf-8"  # Debian's Apache says text/javascript (RFC 9239), its nginx application/
    cases = [  # path, type, cache, compressed (nginx and Apache leave files under 1 KB as they are)
        ("/", "text/html; charset=utf-8", again, True),
        ("/ar/", "text/html; charset=utf-8", again, True),
        ("/es/01-first-module/01-first-lesson/", "text/html; charset=utf-8", again, True),
        ("/ar/02-second/quiz/", "text/html; charset=utf-8", again, True),
        (f"/ar/assets/javascripts/{bundle}", script, year, True),
        (f"/es/assets/stylesheets/{style}", "text/css; charset=utf-8", year, True),
        ("/ar/assets/cq/quiz.js", script, again, True),
        ("/es/search/search_index.json", "application/json; charset=utf-8", again, True),
        ("/ar/sw.js", script, again, True),
    ]
    for path, content_type, cache, compressed in cases:
        status, headers, body = fetch(host.url + path)
        served = headers["Content-Type"].removeprefix("text/").removeprefix("application/")
        if content_type != script:
            served = headers["Content-Type"]
        assert (status, served, headers.get("Cache-Control")) == (200, content_type, cache), path
        assert body == (host.site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))).read_bytes()
        assert (headers.get("Content-Encoding") == "gzip") == compressed, path
        assert "Accept-Encoding" in headers.get("Vary", ""), path
        assert all(name in headers for name in SECURITY), path


@pytest.mark.parametrize(("lang", "missing"), [
    ("en", "/en/no-such-page/"), ("es", "/es/no/such/page.html"), ("ar", "/ar/01-first-module/nope/"),
    ("en", "/nowhere/"),  # outside any language: the first language's
])
def test_a_missing_page_gets_the_not_found_page_of_its_language(host: Host, lang: str, missing: str) -> None:
    status, headers, body = fetch(host.url + missing)
    assert (status, headers["Content-Type"]) == (404, "text/html; charset=utf-8")
    page = BeautifulSoup(body, "html.parser")
    assert page.html is not None and page.body is not None
    assert (page.html["lang"], page.body["dir"]) == (lang, LANGUAGES[lang])
    assert body == (host.site / lang / "404.html").read_bytes()
    # The security headers go with errors too; the policy there is the same one.
    status, ok, _ = fetch(f"{host.url}/{lang}/")
    assert all(headers[name] == ok[name] for name in SECURITY)


def test_the_policy_lists_the_inline_scripts_of_the_built_pages_and_nothing_else(host: Host) -> None:
    _, headers, _ = fetch(host.url + "/ar/")
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    scripts = policy["script-src"].split()
    # Read here with another parser: every script a served page runs inline, hashed as CSP hashes it.
    inline = {script.string or "" for page in host.site.rglob("*.html")
              for script in BeautifulSoup(page.read_bytes(), "html.parser").find_all("script")
              if not script.get("src") and script.get("type") in (None, "", "text/javascript", "module")}
    assert len(inline) >= 5  # Material's, at each depth of page, and the chooser's
    assert scripts == ["'self'", *sorted(
        f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'" for text in inline)]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in headers["Content-Security-Policy"]
    assert policy["frame-ancestors"] == "'self'" and policy["default-src"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"] and "microphone=()" in headers["Permissions-Policy"]
    assert headers["Content-Security-Policy"] in host.config  # sent as the written file says


def walk_every_template(page: Any, url: str, lang: str) -> list[str]:
    """Open each template the way a learner does; return the addresses visited."""
    visited: list[str] = []

    def go(path: str) -> None:
        page.goto(url + path)
        page.wait_for_load_state("load")
        visited.append(path)

    go(f"/{lang}/")
    go(f"/{lang}/01-first-module/01-first-lesson/")
    go(f"/{lang}/01-first-module/quiz/")
    page.check("#cq-01-first-module-first-question-b")
    page.click("#cq-01-first-module-first-question .cq-check")
    page.wait_for_function("document.querySelector('#cq-01-first-module-first-question-result').textContent.trim()")
    go(f"/{lang}/02-second/quiz/")
    page.locator(".cq-start").click()
    page.wait_for_selector(".cq-timer .cq-clock")
    assert page.evaluate("getComputedStyle(document.querySelector('.cq-clock')).fontWeight") == "700"
    go(f"/{lang}/progress/")
    page.wait_for_selector(".cq-tools:not([hidden])")
    with page.expect_download() as saved:  # the progress file is a blob: address, which the policy leaves alone
        page.click(".cq-download")
    assert saved.value.suggested_filename.endswith(".json")
    go(f"/{lang}/certificate/")
    go(f"/{lang}/")
    page.click("label.md-search__icon, .md-search__input")
    page.locator(".md-search__input").press_sequentially("lesson", delay=30)
    page.wait_for_selector(".md-search-result__item")
    go(f"/{lang}/no-such-page/")
    go("/")
    return visited


@pytest.mark.browser
def test_no_page_breaks_the_security_policy(host: Host, browser: Any) -> None:
    # One walk per server, one direction each: the policy is the same for every language of a portal.
    lang = {"nginx": "en", "apache": "ar"}[host.server]
    # Service workers on: the offline reader registers and fetches under the policy like anything else.
    context = browser.new_context()
    context.add_init_script("document.addEventListener('securitypolicyviolation', function (e) {"
                            " console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI"
                            " + ' ' + (e.sample || '')); });")
    page = context.new_page()
    said: list[str] = []
    page.on("console", lambda m: said.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: said.append(str(e)))
    visited = walk_every_template(page, host.url, lang)
    # The offline reader installed under the policy and stored the course (its caches are named cq-…).
    page.goto(f"{host.url}/{lang}/")
    assert page.evaluate("navigator.serviceWorker.ready.then(function (r) { return Boolean(r.active); })")
    until(page, "caches.keys().then(function (k) { return k.some(function (n) { return /^cq-/.test(n) }) })")
    context.close()
    assert len(visited) == 9
    refused = [m for m in said if "CSP violation" in m or "Content Security Policy" in m or "Refused to" in m
               or "Permissions-Policy" in m]
    assert refused == []
