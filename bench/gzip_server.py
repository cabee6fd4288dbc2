"""A static file server on 127.0.0.1 that compresses text with gzip, as a real host would.

Lighthouse judges transfer sizes; Python's SimpleHTTPRequestHandler sends everything raw,
which would make every page look heavier than on any sensible web server (the hosting
notes give nginx `gzip on`). Files are compressed once and kept in memory.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


@functools.lru_cache(maxsize=4096)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as every real host has: HTTP/1.0 would pay a new connection per file.
    protocol_version = "HTTP/1.1"
    compress = True  # False: a host that forgot `gzip on`, to measure what compression saves

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        wants_gzip = self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = _gzipped(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)
        return None


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


@contextmanager
def serving(folder: Path, compress: bool = True) -> Iterator[str]:
    """Serve `folder` on a free port of 127.0.0.1, text gzipped unless `compress` is False; yields the base URL."""
    handler = GzipHandler if compress else type("PlainHandler", (GzipHandler,), {"compress": False})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
