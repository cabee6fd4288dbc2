"""An updated portal replaces the learner's offline copy whole (issue 22): after a rebuild, the lesson the learner
reloads is the new one, and the offline reader's cache holds the new build's files only, no page of the old one.

The host sends `Cache-Control: max-age=600`, as GitHub Pages does for every file: the browser's own HTTP cache
then still holds the old build's files when the new worker downloads the course, the trap of an update."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser_wait import until
from tests.conftest import PROFILES, make_course

pytestmark = pytest.mark.browser

LESSON = "01-basics/01-goal-first/"
NEW_TEXT = "A florist set a goal first and counted her orders each week."

# Every entry of every cache of this origin: {cache name: {address: SHA-256 of the body}}.
CACHED = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name), entries = {};
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
      entries[request.url] = [...digest].map(b => b.toString(16).padStart(2, "0")).join("");
    }
    out[name] = entries;
  }
  return out;
}"""


class _Host(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def host(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A course, built, and served as a host with a 10-minute cache would: (course folder, base URL)."""
    from generator.build import BuildOptions, build

    root = make_course(tmp_path / "course")
    build(root, root / "site", BuildOptions(langs=("en",)))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Host, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def worker_build(site: Path) -> tuple[str, list[str]]:
    """The cache name and the files of the worker a build wrote."""
    text = (site / "en" / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'VERSION="cq-"\+"([0-9a-f]+)"', text)
    files = re.search(r"FILES=(\[.*?\]);", text)
    assert version and files, text[:200]
    return f"cq-{version.group(1)}", json.loads(files.group(1))


def wait_for_cache(page: Any, name: str, count: int) -> None:
    """Until the worker of cache `name` is in control of the page, its cache filled and no other cache left."""
    until(page, """([name, count]) => caches.keys().then(keys => keys.length === 1 && keys[0] === name
                     && caches.open(name).then(c => c.keys()).then(r => r.length >= count))
                   .then(ok => ok && navigator.serviceWorker.controller
                               && navigator.serviceWorker.controller.state === "activated")""",
          [name, count], what=f"the worker of {name} in control, its cache filled, no other cache")


def on_disk(site: Path, base: str, url: str) -> str:
    path = url.removeprefix(f"{base}/").split("?", 1)[0]
    file = site / (path + "index.html" if path.endswith("/") else path)
    return hashlib.sha256(file.read_bytes()).hexdigest()


def test_an_update_replaces_the_offline_copy_whole(browser: Any, host: tuple[Path, str]) -> None:
    from generator.build import BuildOptions, build

    root, base = host
    old_cache, old_files = worker_build(root / "site")
    context = browser.new_context(**PROFILES["phone"])
    page = context.new_page()
    try:
        page.goto(f"{base}/en/{LESSON}")
        wait_for_cache(page, old_cache, len(old_files))
        assert NEW_TEXT not in page.locator("article").inner_text()

        lesson = root / "modules" / "01-basics" / "01-goal-first.md"
        lesson.write_text(lesson.read_text(encoding="utf-8").replace(
            "## Why it matters\n", f"## Why it matters\n\n{NEW_TEXT}\n"), encoding="utf-8")
        build(root, root / "site", BuildOptions(langs=("en",)))
        new_cache, new_files = worker_build(root / "site")
        assert new_cache != old_cache

        # The learner comes back: the page opens from the copy on the phone, the browser finds the new build.
        page.reload()
        until(page, "name => caches.has(name).then(has => has && navigator.serviceWorker.getRegistration()"
                    ".then(r => !r.installing))", new_cache, what="the new build installed")
        # The next time the learner opens the lesson, it is the new one, and only the new build is kept.
        page.reload()
        wait_for_cache(page, new_cache, len(new_files))
        assert NEW_TEXT in page.locator("article").inner_text()
        cached = page.evaluate(CACHED)
        assert list(cached) == [new_cache]
        stale = [url for url, digest in cached[new_cache].items()
                 if "?" not in url and digest != on_disk(root / "site", base, url)]
        assert not stale, f"the offline copy mixes in files of the old build: {stale[:5]}"
        page.goto(f"{base}/en/01-basics/02-smart/")
        assert page.locator("article h1").count() == 1
    finally:
        context.close()
