"""`coursegen deploy`: the nginx server block or Apache virtual host of a built portal.

What a configuration holds comes from the course and its built site, never from a list in the code:
the declared languages (one "page not found" page each, in its language and direction), the brand
(its address gives the server name and the path the portal lives under; completion counts add a rule
that keeps their images out of caches), and the built pages (the hashes of their inline scripts for
the Content-Security-Policy, see csp.py). deploy/ in this repository holds what it writes for the
shipped course, and pages/deploy.md shows those files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.course.brand import Brand
from generator.course.model import Course
from generator.errors import UsageError
from generator.exports.csp import inline_sources, security_headers

SERVERS = ("nginx", "apache")
# The placeholder a host replaces when the brand gives no address (the same as the hosting page's).
PLACEHOLDER_HOST = "learn.my-chamber.example"
NOT_FOUND = "404.html"


@dataclass(frozen=True)
class Portal:
    """What a server configuration needs to know of one built portal."""

    languages: tuple[str, ...]  # the first is the default: the 404 page outside any language folder
    server_name: str
    prefix: str  # the path the portal lives under: "/" or "/course/"
    stats: bool
    headers: tuple[tuple[str, str], ...]
    notices: list[str] = field(default_factory=list)  # what the host should know, said by the command


def address(site_url: str | None) -> tuple[str, str]:
    """The server name and the path prefix ("/" or "/a/b/") of the portal's public address."""
    if not site_url:
        return PLACEHOLDER_HOST, "/"
    parts = urlsplit(site_url)
    path = "/" + parts.path.strip("/") + "/" if parts.path.strip("/") else "/"
    return parts.hostname or PLACEHOLDER_HOST, path


class _Stylesheets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = dict(attrs)
        if tag == "link" and given.get("rel") == "stylesheet" and given.get("href"):
            self.hrefs.append(str(given["href"]))


def astray_not_found(site: Path, languages: tuple[str, ...], prefix: str) -> list[str]:
    """The languages whose 404 page loads its styles from outside the language's folder.

    MkDocs writes the 404 page's links from the site's address, because it is served at any depth;
    without `site_url` that address is `/`, so the page asks for /assets/… where no language has its
    files (measured: every language's 404 page unstyled and without its scripts under nginx).
    """
    astray = []
    for lang in languages:
        reader = _Stylesheets()
        reader.feed((site / lang / NOT_FOUND).read_text(encoding="utf-8"))
        if any(href.startswith("/") and not href.startswith(f"{prefix}{lang}/") for href in reader.hrefs):
            astray.append(lang)
    return astray


def read_portal(course: Course, site: Path, brand: Brand | None, site_url: str | None = None) -> Portal:
    """The portal as built in `site`; UsageError naming what is missing when `site` is not a build of `course`
    (every declared language's folder, with its "page not found" page)."""
    missing = [f"{lang}/{NOT_FOUND}" for lang in course.languages if not (site / lang / NOT_FOUND).is_file()]
    if not (site / "index.html").is_file():
        missing.insert(0, "index.html")
    if missing:
        raise UsageError(f"{site} is not a build of this course (no {', '.join(missing)}): deploy reads the built "
                         "pages for the hashes of their scripts; run `coursegen build` first (with the same "
                         "--brand), or give the built folder with --site-dir")
    name, prefix = address(site_url or (brand.site_url if brand else None))
    languages = tuple(course.languages)
    astray = astray_not_found(site, languages, prefix)
    notices = [f"the \"page not found\" pages of {', '.join(astray)} were built without the portal's address: "
               f"they would load their styles and scripts from {prefix}assets/, where there are none; build with "
               "--site-url (or the brand's site_url) so that they look like every other page"] if astray else []
    return Portal(languages=languages, server_name=name, prefix=prefix, stats=bool(brand and brand.completion_stats),
                  headers=tuple(security_headers(inline_sources(site))), notices=notices)


def render_config(server: str, portal: Portal) -> str:
    """The configuration file of `server` ("nginx" or "apache") for `portal`."""
    # Not the HTML environment: a configuration file is text, and escaping would break its quotes.
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=False, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    return env.get_template(f"{server}.conf.j2").render(
        languages=portal.languages, server_name=portal.server_name, prefix=portal.prefix, stats=portal.stats,
        headers=portal.headers, cache_variable="$coursegen_cache_" + portal.server_name.replace(".", "_").replace(
            "-", "_"))
