"""The other languages of a preview: served beside the live one, so that the language switcher works.

`coursegen serve` previews one language live, mounted at `/<lang>/`; the switcher's links and Material's
sitemap requests go to `/<other>/…`, which MkDocs' live server does not know. The other languages are
built once when the preview starts, and this WSGI layer serves them from that folder, handing every
other request (the live language, live reload) to MkDocs' own application.
"""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

App = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def with_other_languages(live: App, folder: Path, codes: Iterable[str]) -> App:
    """A WSGI application: `/<code>/…` from `folder/<code>/` for each code of `codes`, the rest from `live`."""
    prefixes = tuple(f"/{code}/" for code in codes)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if not (path + "/").startswith(prefixes) or not prefixes:
            return live(environ, start_response)
        # normpath keeps a request inside the folder ("/fr/../../etc" becomes "/etc", not a served file).
        relative = posixpath.normpath(path).lstrip("/")
        target = folder / relative
        if target.is_dir():
            if not path.endswith("/"):
                start_response("302 Found", [("Location", path + "/")])
                return []
            target = target / "index.html"
        if not target.is_file() or folder.resolve() not in target.resolve().parents:
            page = folder / relative.split("/")[0] / "404.html"
            body = page.read_bytes() if page.is_file() else b"404 Not Found"
            start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8")])
            return [body]
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(body)))])
        return [body]

    return app
