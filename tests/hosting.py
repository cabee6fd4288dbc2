"""Debian's nginx and Apache serving a built portal, workers as www-data, with what `coursegen deploy` wrote.

Shared by the hosting tests (tests/test_hosting.py: the two-module course, downloads and completion
counts; tests/test_hosting_languages.py: en, es and ar, and the security policy in a browser). Each
configuration is the command's own file as a host adapts it: no TLS on a test machine, our port and
folder; every line adapted must still be in the file, so a change to it shows up as a failure.
"""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SERVERS = {"nginx": "/usr/sbin/nginx", "apache": "/usr/sbin/apache2"}
SERVER_ROOT = "/srv/course/site"  # the folder the written configurations name, replaced by the test's


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def deploy(root: Path, site: Path, server: str, target: Path, *options: str) -> str:
    """Run `coursegen deploy SERVER -o TARGET` on the built `site` of the course at `root`; the file's text."""
    done = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "deploy", server, "-o", str(target),
                           "--site-dir", str(site), *options], capture_output=True, text=True, timeout=120,
                          check=False, env={**os.environ, "LANG": "C"})
    assert done.returncode == 0, done.stderr
    assert "notice" not in done.stderr  # built with its address: every 404 page finds its styles
    return target.read_text(encoding="utf-8")


def adapt(text: str, replace: dict[str, str], drop: tuple[str, ...]) -> str:
    """A written configuration as a host would adapt it: lines starting with `drop` left out, whole lines of
    `replace` (stripped) replaced."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(drop):
            continue
        for old, new in replace.items():
            if stripped == old:
                line = line.replace(old, new)
                replace = {k: v for k, v in replace.items() if k != old}
                break
        lines.append(line)
    assert replace == {}, f"the written configuration no longer has: {list(replace)}"
    return "\n".join(lines) + "\n"


def nginx_argv(work: Path, port: int, site: Path, written: str) -> list[str]:
    block = adapt(written, {"listen 443 ssl;": f"listen 127.0.0.1:{port};",
                            f"root {SERVER_ROOT};": f"root {site};"}, ("ssl_certificate", "listen [::]:443"))
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


def apache_argv(work: Path, port: int, site: Path, written: str) -> list[str]:
    host = adapt(written, {"<VirtualHost *:443>": f"<VirtualHost 127.0.0.1:{port}>",
                           f"DocumentRoot {SERVER_ROOT}": f"DocumentRoot {site}",
                           f"<Directory {SERVER_ROOT}>": f"<Directory {site}>"}, ("SSL",))
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


@contextmanager
def running(server: str, work: Path, port: int, site: Path, written: str) -> Iterator[int]:
    """`server` serving `site` on 127.0.0.1:`port` with the `written` configuration; yields its main pid."""
    if not Path(SERVERS[server]).exists():
        pytest.fail(f"Debian's {server} is missing: run `make test`, which installs it")
    work.mkdir()
    work.chmod(0o755)
    argv = (nginx_argv if server == "nginx" else apache_argv)(work, port, site, written)
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
        yield int((work / "server.pid").read_text(encoding="utf-8"))
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


def worker_users(pid: int) -> set[str]:
    """The users the server's worker processes run as, once they have dropped root: a worker just forked runs as
    root for a moment before it switches user (a busy run caught nginx there), so this waits up to 5 s for the
    workers to settle."""
    import time

    users: set[str] = set()
    for _ in range(50):
        users = set(subprocess.run(["ps", "-o", "user=", "--ppid", str(pid)], capture_output=True, text=True,
                                   check=True).stdout.split())
        if users and "root" not in users:
            break
        time.sleep(0.1)
    return users
