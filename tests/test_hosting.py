"""The portal as a host serves it: Debian's nginx and Apache, workers as www-data, the files `coursegen deploy` wrote.

The site is built once by the real CLI into a folder that only the build's own permissions make
readable to www-data; each server runs with the configuration `coursegen deploy` wrote for it
(tests/hosting.py), TLS lines aside, on 127.0.0.1. Completion counts are read back from each server's
real access log. The three-language course and the security policy: tests/test_hosting_languages.py.
"""

from __future__ import annotations

import json
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

from tests.hosting import SERVERS, deploy, fetch, free_port, running, worker_users
from tests.test_browser import answer_all_right
from tests.test_pdf import two_module_course

BRAND = """\
name: {en: Example chamber, fr: Chambre exemple}
colors: {primary: "#0b5c7a", accent: "#0b5c7a"}
contact: {email: learn@example.org}
legal: {en: Published by the example chamber., fr: Publié par la chambre exemple.}
privacy: {en: No cookie., fr: Aucun cookie.}
completion_stats: true
"""


@dataclass
class Built:
    url: str  # both servers take turns on this address, the portal's site_url
    site: Path
    root: Path  # the course sources
    work: Path  # the host's folder, open to www-data


@dataclass
class Host:
    server: str
    url: str
    site: Path
    access_log: Path
    root: Path
    pid: int


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The two-module course under a brand that counts completions, built by the CLI into a host's folder."""
    if os.geteuid() != 0:
        pytest.skip("web servers switch their workers to www-data only when started as root (CI runs as root)")
    root = two_module_course(tmp_path_factory.mktemp("hosting") / "course")
    (root / "brands").mkdir()
    (root / "brands" / "chamber.yml").write_text(BRAND, encoding="utf-8")
    # The host's own folder, like /srv: open to www-data. What the build writes inside must be, too.
    work = Path(tempfile.mkdtemp(prefix="coursegen-hosting-"))
    work.chmod(0o755)
    site = work / "site"
    url = f"http://127.0.0.1:{free_port()}"
    made = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build", "--downloads",
                           "--brand", str(root / "brands" / "chamber.yml"), "--site-dir", str(site),
                           "--site-url", url + "/"],
                          capture_output=True, text=True, timeout=600, check=False, env={**os.environ, "LANG": "C"})
    assert made.returncode == 0, made.stderr
    yield Built(url, site, root, work)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module", params=list(SERVERS))
def host(request: pytest.FixtureRequest, built: Built) -> Iterator[Host]:
    server = str(request.param)
    written = deploy(built.root, built.site, server, built.work / f"{server}-deploy.conf",
                     "--brand", str(built.root / "brands" / "chamber.yml"), "--site-url", built.url + "/")
    port = int(built.url.rsplit(":", 1)[1])
    with running(server, built.work / server, port, built.site, written) as pid:
        yield Host(server, built.url, built.site, built.work / server / "access.log", built.root, pid)


def test_workers_run_as_www_data(host: Host) -> None:
    assert worker_users(host.pid) == {"www-data"}


@pytest.mark.parametrize(("path", "content_type", "contains"), [
    ("/", "text/html; charset=utf-8", b'lang="en"'),
    ("/en/", "text/html; charset=utf-8", b'<html lang="en"'),
    ("/fr/", "text/html; charset=utf-8", b'<html lang="fr"'),
    ("/en/01-basics/quiz/", "text/html; charset=utf-8", b'data-cq-quiz="01-basics"'),
    ("/fr/02-more/quiz/", "text/html; charset=utf-8", b'data-cq-quiz="02-more"'),
    ("/en/search/search_index.json", "application/json; charset=utf-8", b'"docs"'),
    ("/stats/passed/01-basics.svg", "image/svg+xml; charset=utf-8", b"<svg"),
])
def test_pages_of_each_kind_are_served_with_their_type(host: Host, path: str, content_type: str,
                                                       contains: bytes) -> None:
    status, headers, body = fetch(host.url + path)
    assert status == 200
    assert headers["Content-Type"] == content_type
    assert contains in body


def test_downloads_are_served(host: Host) -> None:
    names = sorted(p.name for p in (host.site / "downloads").iterdir())
    pdf = next(n for n in names if n.endswith(".pdf"))
    archive = next(n for n in names if n.endswith(".zip"))
    for name, content_type, magic in ((pdf, "application/pdf", b"%PDF-"), (archive, "application/zip", b"PK\x03\x04")):
        status, headers, body = fetch(f"{host.url}/downloads/{name}")
        assert (status, headers["Content-Type"]) == (200, content_type), name
        assert body.startswith(magic)
        assert body == (host.site / "downloads" / name).read_bytes()


def test_text_is_compressed_and_cache_headers_are_as_the_page_promises(host: Host) -> None:
    bundle = next((host.site / "en" / "assets" / "javascripts").glob("bundle.*.min.js")).name
    style = next((host.site / "en" / "assets" / "stylesheets").glob("main.*.min.css")).name
    cases = {
        "/en/": "no-cache",
        f"/en/assets/javascripts/{bundle}": "public, max-age=31536000, immutable",
        f"/en/assets/stylesheets/{style}": "public, max-age=31536000, immutable",
        "/en/search/search_index.json": "no-cache",
        "/en/assets/cq/quiz.js": "no-cache",
        "/stats/certificate.svg": "no-store",
    }
    for path, cache in cases.items():
        status, headers, _ = fetch(host.url + path)
        assert (status, headers.get("Cache-Control")) == (200, cache), path
    for path in ("/en/", f"/en/assets/javascripts/{bundle}", f"/en/assets/stylesheets/{style}",
                 "/en/search/search_index.json", "/en/assets/cq/quiz.js"):
        _, headers, _ = fetch(host.url + path)
        assert headers.get("Content-Encoding") == "gzip", path
        assert "Accept-Encoding" in headers.get("Vary", ""), path


def test_a_missing_page_gets_the_not_found_page_of_its_language(host: Host) -> None:
    for lang, title in (("en", b"404"), ("fr", b"404")):
        status, headers, body = fetch(f"{host.url}/{lang}/no-such-page/")
        assert status == 404
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert f'<html lang="{lang}"'.encode() in body and title in body


@pytest.mark.browser
def test_two_passes_through_the_server_are_remembered_and_counted(host: Host, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for module in ("01-basics", "02-more"):
        page.goto(f"{host.url}/en/{module}/quiz/")
        # The pass is counted by a request sent once the score shows: wait for it before reloading (on a busy
        # machine the reload came first, and the request was cancelled before the server saw it).
        with page.expect_request(f"{host.url}/stats/passed/{module}.svg"):
            answer_all_right(page, f"cq-{module}")
            page.wait_for_selector(f"[data-cq-quiz='{module}'].cq-passed")
        page.reload()
        assert "Passed" in page.locator(f"[data-cq-quiz='{module}'] .cq-score").inner_text()
    page.goto(f"{host.url}/en/certificate/")
    page.wait_for_selector(".cq-cert:not([hidden])")
    page.wait_for_timeout(300)  # the count request is sent after the certificate shows
    context.close()
    ours = [u for u in requested if "/stats/" in u]
    assert ours == [f"{host.url}/stats/passed/01-basics.svg", f"{host.url}/stats/passed/02-more.svg",
                    f"{host.url}/stats/certificate.svg"]
    assert all(u.startswith(host.url) for u in requested)  # nothing to any other host

    result = subprocess.run([sys.executable, "-m", "generator", "stats", str(host.access_log), "--format", "json"],
                            capture_output=True, text=True, timeout=60, check=False, cwd=host.root)
    assert result.returncode == 0, result.stderr
    counted = json.loads(result.stdout)
    assert [(c["event"], c["count"]) for c in counted["completions"]] == [("01-basics", 1), ("02-more", 1),
                                                                           ("certificate", 1)]
    assert len({c["month"] for c in counted["completions"]}) == 1
    assert counted["malformed"] == 0
    table = subprocess.run([sys.executable, "-m", "generator", "stats", str(host.access_log)],
                           capture_output=True, text=True, timeout=60, check=False, cwd=host.root).stdout
    assert "127.0.0.1" not in table and "01-basics" in table
    print(table)
