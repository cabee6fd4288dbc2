"""The authoring guide as one HTML page: `coursegen guide` writes or serves it.

The guide is package data (generator/guide/authoring[.<code>].md), so whoever installed coursegen with pip
has it, with no course and no site engine: one self-contained page (no script, no external file) that any
browser opens from disk. This repository's own portal shows the same files as its `pages/authoring*.md`.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import markdown
import yaml

from generator.errors import UsageError

GUIDES = Path(__file__).resolve().parent.parent / "guide"
STEM = "authoring"
BASE = "en"  # the language of authoring.md
# The Markdown the guide is written in: the subset of the portal's extensions it uses.
EXTENSIONS = ["tables", "fenced_code", "attr_list", "admonition", "toc"]
# Readable on a laptop and a phone, in light and dark mode: the browser's own fonts and colours.
STYLE = """
:root { color-scheme: light dark; }
body { font: 1rem/1.55 system-ui, sans-serif; max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
pre, code { font-family: ui-monospace, monospace; font-size: .9em; }
pre { overflow-x: auto; padding: .75rem; border: 1px solid color-mix(in srgb, currentColor 25%, transparent); }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid color-mix(in srgb, currentColor 25%, transparent); padding: .3rem .5rem;
         text-align: start; vertical-align: top; }
"""


def guide_languages() -> list[str]:
    """The languages the guide is written in: `en` (authoring.md) and each `authoring.<code>.md`."""
    others = sorted(p.suffixes[0][1:] for p in GUIDES.glob(f"{STEM}.*.md") if len(p.suffixes) == 2)
    return [BASE, *others]


def guide_file(lang: str) -> Path:
    """The guide's Markdown in `lang`; UsageError naming the languages it exists in."""
    if lang not in guide_languages():
        raise UsageError(f"--lang {lang}: the authoring guide is written in {', '.join(guide_languages())}")
    return GUIDES / (f"{STEM}.md" if lang == BASE else f"{STEM}.{lang}.md")


def guide_html(lang: str) -> str:
    """The whole guide in `lang` as one HTML document."""
    text = guide_file(lang).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)  # the guide is ours: it always opens with its front matter
    meta = yaml.safe_load(front)
    title = html.escape(str(meta["title"]))
    content = markdown.markdown(body, extensions=EXTENSIONS, output_format="html")
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="description" content="{html.escape(str(meta["description"]))}">\n'
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
            f"{content}\n</main>\n</body>\n</html>\n")


def serve_guide(lang: str, address: str, ready: Callable[[str], None]) -> None:
    """Serve the guide in `lang` on `address` (host:port) until interrupted; `ready` gets its URL.

    Served from memory: nothing is written, so nothing is left behind when the process is stopped."""
    page = guide_html(lang).encode("utf-8")

    class Guide(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            found = self.path.split("?")[0] in ("/", "/index.html")
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            body = page if found else b"Not found: the guide is at /"
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # one page: no request log to read
            return

    host, _, port = address.rpartition(":")
    with ThreadingHTTPServer((host or "127.0.0.1", int(port)), Guide) as server:
        ready(f"http://{host or '127.0.0.1'}:{server.server_address[1]}/")
        server.serve_forever()
