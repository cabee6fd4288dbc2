"""Run Ralph's LRS (the real learning record store of the cmi5 tests) on 127.0.0.1 with its file backend.

`running_ralph(folder)` starts `python tests/cmi5/ralph_server.py PORT FOLDER`: statements go to
FOLDER/fs_lrs.jsonl, its one user is FOLDER/auth.json. Started from Python rather than `ralph runserver`, because
the file backend's default operation is CREATE: measured, `ralph runserver -b fs` answers 500 to every POST after
the first (its file then exists). APPEND, set before ralph.api is imported, stores every statement.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def running_ralph(folder: Path) -> Iterator[tuple[str, str]]:
    """Ralph on a free port of 127.0.0.1 until the block ends: its URL and the Authorization header of its user."""
    import bcrypt  # Ralph's own dependency (its lrs extra), imported here only: the server below does not need it

    secret = uuid.uuid4().hex.encode()
    (folder / "auth.json").write_text(json.dumps([{
        "username": "lms", "hash": bcrypt.hashpw(secret, bcrypt.gensalt(4)).decode(), "scopes": ["all"],
        "agent": {"mbox": "mailto:lms@example.org"}}]), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = folder / "ralph.log"
    with log.open("wb") as errors:
        server = subprocess.Popen([sys.executable, __file__, str(port), str(folder)], stderr=errors,
                                  env={**os.environ, "PYTHONWARNINGS": "ignore"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60  # measured: about 6 s on a busy two-core machine
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/__heartbeat__", timeout=2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Ralph did not start: {log.read_text(errors='replace')[-2000:]}")
                time.sleep(0.2)
        yield url, "Basic " + base64.b64encode(b"lms:" + secret).decode()
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.environ.update({"RALPH_RUNSERVER_BACKEND": "fs", "RALPH_AUTH_FILE": os.path.join(folder, "auth.json"),
                       "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": folder})
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend

    FSDataBackend.default_operation_type = BaseOperationType.APPEND
    import uvicorn
    from ralph.api import app

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
