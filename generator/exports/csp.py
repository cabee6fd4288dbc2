"""The Content-Security-Policy of a built portal: hashes of what its pages write inline, and the policy.

A strict policy lets a browser run only the scripts the build wrote. Material writes a few small
inline scripts into every page (`__md_scope`, which varies with the page's depth, and the one that
opens a tab named in the address), the chooser at `/` has one, and JSON data blocks
(`type="application/json"`) are never run, so CSP does not apply to them. Measured on the shipped
course: 7 distinct inline scripts in 150 pages. Their sha256 hashes go into `script-src`; anything
injected later (a script in a lesson's Markdown, a browser extension, an attacker's markup) is refused.

The hashes are read from the built pages themselves, not from the templates: the pages are what the
server sends, whatever theme or Material version made them.

Styles: Material's pages have no inline `<style>`, its scripts style through the CSSOM (allowed),
the chooser has one `<style>` (hashed), and our quiz meter marks the pass mark with a `style`
attribute, which CSP allows only by hash with 'unsafe-hashes' (one hash per distinct value). exam.js
adds its styles as a constructed sheet (CSSOM) for the same reason. tests/test_hosting_languages.py
walks every template through nginx and Apache with this policy and finds no violation; without one of
the script hashes, the chooser's style hash, the style attributes' hashes or data: images it fails
(each measured).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# Script types a browser runs (HTML's "JavaScript MIME type essence match", and modules): any other
# type is a data block.
RUN_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}

# What a course never uses: no camera, microphone, location, payment, sensors or devices. Every name is
# one Chromium knows (an unknown name logs an error in the console).
PERMISSIONS_OFF = ("accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "hid",
                   "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
                   "screen-wake-lock", "serial", "usb", "xr-spatial-tracking")


@dataclass(frozen=True)
class Inline:
    """The sha256 sources ('sha256-...') of a site's inline scripts, `<style>` elements and style attributes."""

    scripts: tuple[str, ...]
    styles: tuple[str, ...]
    style_attributes: tuple[str, ...]


def source(text: str) -> str:
    """The CSP source that allows exactly `text`: 'sha256-' and the base64 of its UTF-8 digest."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


class _Collector(HTMLParser):
    """Collects inline script and style texts as the browser hashes them: raw text, no entity decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: set[str] = set()
        self.styles: set[str] = set()
        self.attributes: set[str] = set()
        self._open: str | None = None  # "script" or "style" while inside one that counts
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        if given.get("style") is not None:
            self.attributes.add(str(given["style"]))
        runs = tag == "script" and "src" not in given and (given.get("type") or "").strip().lower() in RUN_TYPES
        if runs or tag == "style":
            self._open, self._text = tag, []

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open == tag:
            (self.scripts if tag == "script" else self.styles).add("".join(self._text))
            self._open = None


def inline_sources(site: Path) -> Inline:
    """The hashes of every inline script and style in the HTML pages under `site`, each listed once."""
    collector = _Collector()
    for page in sorted(site.rglob("*.html")):
        collector.feed(page.read_text(encoding="utf-8"))
        collector.close()
        collector.reset()
    return Inline(tuple(sorted(source(t) for t in collector.scripts)),
                  tuple(sorted(source(t) for t in collector.styles)),
                  tuple(sorted(source(t) for t in collector.attributes)))


def content_security_policy(inline: Inline) -> str:
    """The portal's policy: everything from the portal's own address, inline code only by hash.

    data: images are Material's icons, written into its stylesheet as SVG data URLs (measured: without
    data:, Chromium refuses them on every page). Workers are the
    search worker and the offline reader, both files of the site. `frame-ancestors 'self'`: a host
    that embeds the portal in another site sets its own.
    """
    style = " ".join(["style-src 'self'", *inline.styles,
                      *(["'unsafe-hashes'", *inline.style_attributes] if inline.style_attributes else [])])
    return "; ".join([
        "default-src 'none'",
        " ".join(["script-src 'self'", *inline.scripts]),
        style,
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ])


def security_headers(inline: Inline) -> list[tuple[str, str]]:
    """Every header the server configurations send with every response, errors included."""
    return [
        ("Content-Security-Policy", content_security_policy(inline)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", ", ".join(f"{name}=()" for name in PERMISSIONS_OFF)),
    ]
