"""The portal as a host serves it: Debian's nginx and Apache, workers as www-data, the hosting page's own files.

The site is built once by the real CLI into a folder that only the build's own permissions make
readable to www-data; each server runs with its file from deploy/ (the files pages/deploy.md
shows), TLS lines aside, on 127.0.0.1. Completion counts are read back from each server's real
access log.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.test_browser import answer_all_right
from tests.test_pdf import two_module_course

SERVERS = {"nginx": "/usr/sbin/nginx", "apache": "/usr/sbin/apache2"}
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def adapt(name: str, replace: dict[str, str], drop: tuple[str, ...]) -> str:
    """A file of deploy/ as a host would adapt it: no TLS on a test machine, our port and folder."""
    lines = []
    for line in (REPO / "deploy" / name).read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith(drop):
            continue
        for old, new in replace.items():
            if stripped == old:
                line = line.replace(old, new)
                replace = {k: v for k, v in replace.items() if k != old}
                break
        lines.append(line)
    # Every line the test adapts must still be in the file: a change to it shows up as a failure.
    assert replace == {}, f"deploy/{name} no longer has: {list(replace)}"
    return "\n".join(lines) + "\n"


def nginx_config(work: Path, port: int, site: Path) -> list[str]:
    block = adapt("nginx.conf", {"listen 443 ssl;": f"listen 127.0.0.1:{port};",
                                 "root /srv/course/site;": f"root {site};"}, ("ssl_certificate", "listen [::]:443"))
    (work / "server.conf").write_text(block, encoding="utf-8")
    temp = "\n".join(f"    {kind}_temp_path {work}/tmp/{kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                            "uwsgi", "scgi"))
    config = work / "nginx.conf"
    config.write_text(f"""\
user www-data;
worker_processes 1;
pid {work}/server.pid;
error_log {work}/error.log;
daemon off;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {work}/access.log combined;
{temp}
    include {work}/server.conf;
}}
""", encoding="utf-8")
    (work / "tmp").mkdir()
    return [SERVERS["nginx"], "-e", str(work / "error.log"), "-c", str(config)]


def apache_config(work: Path, port: int, site: Path) -> list[str]:
    host = adapt("apache.conf", {"<VirtualHost *:443>": f"<VirtualHost 127.0.0.1:{port}>",
                                 "DocumentRoot /srv/course/site": f"DocumentRoot {site}",
                                 "<Directory /srv/course/site>": f"<Directory {site}>"}, ("SSL",))
    (work / "vhost.conf").write_text(host, encoding="utf-8")
    modules = "\n".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so"
                         for name in ("mpm_event", "authz_core", "mime", "dir", "filter", "deflate", "headers"))
    config = work / "apache.conf"
    config.write_text(f"""\
ServerRoot {work}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
User www-data
Group www-data
PidFile {work}/server.pid
DefaultRuntimeDir {work}
ErrorLog {work}/error.log
LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{{Referer}}i\\" \\"%{{User-Agent}}i\\"" combined
CustomLog {work}/access.log combined
{modules}
TypesConfig /etc/mime.types
Include {work}/vhost.conf
""", encoding="utf-8")
    return [SERVERS["apache"], "-f", str(config), "-DFOREGROUND"]


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
    if not Path(SERVERS[server]).exists():
        pytest.fail(f"Debian's {server} is missing: run `make test`, which installs it")
    work = built.work / server
    work.mkdir()
    work.chmod(0o755)
    port = int(built.url.rsplit(":", 1)[1])
    argv = (nginx_config if server == "nginx" else apache_config)(work, port, built.site)
    with (work / "server.out").open("wb") as said:
        process = subprocess.Popen(argv, stdout=said, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    pass
                # Apache listens a moment before it writes its pid file: wait for both.
                pid_file = work / "server.pid"
                if pid_file.is_file() and pid_file.read_text(encoding="utf-8").strip():
                    break
                raise OSError("no pid file yet")
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    logs = [(work / n).read_text(encoding="utf-8", errors="replace")
                            for n in ("server.out", "error.log") if (work / n).exists()]
                    pytest.fail(f"{server} did not start: {logs}")
                time.sleep(0.1)
        pid = int((work / "server.pid").read_text(encoding="utf-8"))
        yield Host(server, built.url, built.site, work / "access.log", built.root, pid)
    finally:
        process.terminate()
        process.wait(timeout=20)


def fetch(url: str, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, headers, body = response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers.items()), error.read()
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return status, headers, body


def test_workers_run_as_www_data(host: Host) -> None:
    users = subprocess.run(["ps", "-o", "user=", "--ppid", str(host.pid)], capture_output=True, text=True,
                           check=True).stdout.split()
    assert users and set(users) == {"www-data"}


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
