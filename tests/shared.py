"""Builds that every xdist worker of one run shares: made once under a file lock, served by one server.

`make test` runs two workers. Each used to build the shipped course, the mini course and the typed
course for itself (the shipped course alone costs about 8 s of a quiet core, twice). Now the first
worker that needs a build makes it in a folder of the run while the other waits on a file lock, and
reads the same files afterwards: the tests only read these sites.

The folder and its web server belong to the controller, the process that starts the workers and runs
no test, so both outlive any one worker (a worker stops as soon as it has no tests left, possibly
while the other still serves pages built for this server's address). The workers learn of them through
xdist's `workerinput`. Without xdist the one process plays both parts.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(socketserver.ThreadingTCPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that navigates away closes its connection mid-file: not a failure of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def start_server(directory: Path) -> tuple[QuietServer, str]:
    """A static server for `directory` on a free port of 127.0.0.1, in a daemon thread; and its base URL."""
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@dataclass(frozen=True)
class Shared:
    """The run's shared folder and the address its server serves it at."""

    folder: Path
    url: str

    def build(self, name: str, make: Callable[[Path], None]) -> Path:
        """`folder/name`, filled by `make(folder/name)` once per run: the first worker to ask builds it
        while any other waits on the lock. A build that fails leaves no mark, so the next one tries again."""
        folder = self.folder / name
        done = self.folder / f"{name}.done"
        with FileLock(self.folder / f"{name}.lock"):
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                make(folder)
                done.touch()
        return folder

    def url_of(self, folder: Path) -> str | None:
        """The address the shared server gives `folder`, or None for a folder outside the shared one."""
        try:
            relative = folder.resolve().relative_to(self.folder.resolve())
        except ValueError:
            return None
        return self.url if relative == Path(".") else f"{self.url}/{relative.as_posix()}"


@dataclass
class Owner:
    """The controller's side: the folder, its server, and how to stop both."""

    shared: Shared
    server: QuietServer

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        shutil.rmtree(self.shared.folder, ignore_errors=True)


def open_shared() -> Owner:
    """Make the run's shared folder and start its server (the controller, or a run without xdist)."""
    folder = Path(tempfile.mkdtemp(prefix="coursegen-tests-"))
    server, url = start_server(folder)
    return Owner(Shared(folder, url), server)


WORKER_KEYS = ("coursegen_shared_folder", "coursegen_shared_url")


def to_worker(shared: Shared) -> dict[str, str]:
    return dict(zip(WORKER_KEYS, (str(shared.folder), shared.url), strict=True))


def from_worker(workerinput: dict[str, str]) -> Shared:
    return Shared(Path(workerinput[WORKER_KEYS[0]]), workerinput[WORKER_KEYS[1]])
