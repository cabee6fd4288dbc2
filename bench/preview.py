"""Seconds from saving a quiz YAML file to the rebuilt page, during `coursegen serve`.

Runs `coursegen serve` on a copy of the course, rewrites a module quiz's title with a new
marker, and polls the quiz page until the marker is served. Polling every 50 ms bounds the
error of each reading; the server is stopped by its own process id.
"""

from __future__ import annotations

import contextlib
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import yaml


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, marker: str, limit: float) -> float | None:
    """Seconds until `url` serves a page holding `marker`, or None after `limit` seconds."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        page = fetch(url)
        if page is not None and marker in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def save_title(path: Path, data: dict[str, Any], title: str) -> None:
    data["title"]["en"] = title
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def measure(coursegen: Path, root: Path, quiz_file: Path, page: str, edits: int, log: Path) -> list[float]:
    """Seconds for each of `edits` saves of `quiz_file` to show on `page` (a path like '01-goals/quiz/')."""
    text = quiz_file.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    original = str(data["title"]["en"])
    token = uuid.uuid4().hex[:8]  # markers no earlier run can have left behind
    save_title(quiz_file, data, f"{original} (bench {token} 0)")
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    seconds: list[float] = []
    with log.open("ab") as sink:
        server = subprocess.Popen([str(coursegen), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  stdout=sink, stderr=subprocess.STDOUT)
        try:
            if wait_for(url, f"(bench {token} 0)", 300) is None:
                raise RuntimeError(f"coursegen serve did not serve {url}: see {log}")
            for index in range(1, edits + 1):
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                marker = f"(bench {token} {index})"
                start = time.perf_counter()
                save_title(quiz_file, data, f"{original} {marker}")
                found = wait_for(url, marker, 120)
                if found is None:
                    raise RuntimeError(f"the edit {marker} never reached {url}: see {log}")
                seconds.append(time.perf_counter() - start)
        finally:
            quiz_file.write_text(text, encoding="utf-8")
            server.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=20)
            if server.poll() is None:
                server.kill()
                server.wait()
    return seconds


def median(values: list[float]) -> float:
    return statistics.median(values)
