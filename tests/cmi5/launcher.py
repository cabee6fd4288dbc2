"""A test LMS for cmi5 packages: it does the LMS's part of a launch (cmi5 spec, section 8) and stands in front of Ralph.

What it does, per the spec: serves the unzipped package; writes the `LMS.LaunchData` state document before a launch
(launchMode, masteryScore, the context template with the session id and the publisher id, moveOn, returnURL); builds
the launch URL (endpoint, fetch, actor, registration, activityId); answers the `fetch` URL once with an
authorization token (a second POST gets cmi5's error "already in use"); and checks that token on every xAPI call.

What it stands in for: Ralph 5.1 serves statements only, no State API, so this launcher keeps the State API documents
itself (in memory: `LMS.LaunchData` and the AU's own resume document), as any LRS would, and forwards every statement
to Ralph unchanged. Ralph's answer goes back to the AU as it came (a statement Ralph refuses is an error the AU sees)
and is kept in `answers`, which the tests check. `fail_next` makes the next statement POSTs answer 503 without
reaching Ralph: an LRS that fails.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PUBLISHER = "https://lms.example.org/publisher/test"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"


@dataclass
class Launch:
    """One AU session the LMS started: its token, whether `fetch` was used, and its session id."""

    token: str
    session: str
    fetched: bool = False


@dataclass
class Launcher:
    """The LMS side; `serve()` starts it on 127.0.0.1 and returns its base URL."""

    folder: Path  # served at /: the unzipped package is under package/
    ralph: str  # Ralph's base URL
    ralph_auth: str  # "Basic ..." for Ralph
    launches: dict[str, Launch] = field(default_factory=dict)
    state: dict[tuple[str, str, str, str], tuple[str, bytes]] = field(default_factory=dict)
    answers: list[tuple[int, str]] = field(default_factory=list)  # Ralph's status and body, statement by statement
    requests: list[str] = field(default_factory=list)  # "METHOD path" of every xAPI and fetch call
    fail_next: int = 0
    base: str = ""

    def launch(self, au: str, activity: str, actor: dict[str, Any], registration: str, mode: str = "Normal",
               mastery: float | None = None) -> str:
        """Write LaunchData for a new session and return the AU's launch URL (spec 8.1)."""
        key, session = secrets.token_hex(8), str(uuid.uuid4())
        self.launches[key] = Launch(base64.b64encode(f"au:{secrets.token_hex(16)}".encode()).decode(), session)
        data = {"contextTemplate": {"contextActivities": {"grouping": [{"id": PUBLISHER}]},
                                    "extensions": {SESSION: session}},
                "launchMode": mode, "moveOn": "CompletedOrPassed", "returnURL": f"{self.base}/returned.html",
                **({"masteryScore": mastery} if mastery is not None else {})}
        self.state[("LMS.LaunchData", activity, _agent(actor), registration)] = ("application/json",
                                                                                 json.dumps(data).encode())
        query = urllib.parse.urlencode({"endpoint": f"{self.base}/xapi/", "fetch": f"{self.base}/fetch/{key}",
                                        "actor": json.dumps(actor), "registration": registration,
                                        "activityId": activity})
        return f"{self.base}/package/{au}?{query}"

    def serve(self) -> tuple[ThreadingHTTPServer, str]:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        return server, self.base

    def statements(self, registration: str) -> list[dict[str, Any]]:
        """The registration's statements as Ralph stored them, oldest first (by `stored`, which Ralph sets: its
        file backend ignores xAPI's default order and reverses the file on `ascending`)."""
        query = urllib.parse.urlencode({"registration": registration, "limit": 500})
        headers = {"Authorization": self.ralph_auth, "X-Experience-API-Version": "1.0.3"}
        request = urllib.request.Request(f"{self.ralph}/xAPI/statements?{query}", headers=headers)
        with urllib.request.urlopen(request, timeout=10) as answer:
            found: list[dict[str, Any]] = json.loads(answer.read())["statements"]
        return sorted(found, key=lambda statement: str(statement["stored"]))


def _agent(actor: dict[str, Any] | str) -> str:
    """An agent as a key: its JSON with sorted keys (the AU sends it as it got it)."""
    return json.dumps(json.loads(actor) if isinstance(actor, str) else actor, sort_keys=True)


def _handler(lms: Launcher) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(lms.folder), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _answer(self, status: int, body: bytes = b"", kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _authorized(self) -> bool:
            tokens = {f"Basic {launch.token}" for launch in lms.launches.values() if launch.fetched}
            return self.headers.get("Authorization") in tokens

        def _xapi(self, method: str) -> None:
            url = urllib.parse.urlsplit(self.path)
            lms.requests.append(f"{method} {url.path}")
            body = self._body() if method in ("POST", "PUT") else b""
            if not self._authorized():
                return self._answer(401, b'{"error": "unknown token"}')
            if url.path == "/xapi/statements" and method == "POST":
                return self._statements(body)
            if url.path == "/xapi/activities/state":
                q = dict(urllib.parse.parse_qsl(url.query))
                key = (q.get("stateId", ""), q.get("activityId", ""), _agent(q.get("agent", "{}")),
                       q.get("registration", ""))
                if method == "GET":
                    kind, stored = lms.state.get(key, ("", b""))
                    return self._answer(200, stored, kind) if kind else self._answer(404)
                if method == "PUT" and key[0] != "LMS.LaunchData":  # the AU may not write LaunchData (spec 10.2)
                    lms.state[key] = (self.headers.get("Content-Type") or "application/octet-stream", body)
                    return self._answer(204)
            return self._answer(400, b'{"error": "not served by the test launcher"}')

        def _statements(self, body: bytes) -> None:
            if lms.fail_next > 0:
                lms.fail_next -= 1
                return self._answer(503, b'{"error": "the test made the LRS fail"}')
            request = urllib.request.Request(f"{lms.ralph}/xAPI/statements", data=body, method="POST", headers={
                "Authorization": lms.ralph_auth, "Content-Type": "application/json",
                "X-Experience-API-Version": "1.0.3"})
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    status, text = answer.status, answer.read()
            except urllib.error.HTTPError as refused:
                status, text = refused.code, refused.read()
            lms.answers.append((status, text.decode("utf-8", "replace")))
            self._answer(status, text)

        def do_GET(self) -> None:
            if self.path.startswith("/xapi/"):
                return self._xapi("GET")
            super().do_GET()

        def do_PUT(self) -> None:
            self._xapi("PUT")

        def do_POST(self) -> None:
            if self.path.startswith("/xapi/"):
                return self._xapi("POST")
            key = self.path.removeprefix("/fetch/")
            lms.requests.append(f"POST /fetch/{key}")
            launch = lms.launches.get(key)
            if launch is None or launch.fetched:  # spec 8.2.3: the fetch URL gives its token once
                return self._answer(200, b'{"error-code": "1", "error-text": "already in use"}')
            launch.fetched = True
            self._answer(200, json.dumps({"auth-token": launch.token}).encode())

    return Handler
