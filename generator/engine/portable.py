"""One language built to work without a web server's help: from disk (file://) and inside an LMS.

The offline bundle (a USB stick) and the SCORM package both use this one build. Pages are built
without directory URLs (`slug.html`, `folder/index.html`), so every link names a file: an LMS
serves a package file by file (Moodle's pluginfile.php, for one) and a browser opening files from
disk shows a folder listing for a folder link. Material's `offline` plugin inlines the search
index as a script, and the iframe-worker shim (from npm, copied in at build time, never
committed) lets the search worker run from file://; `extra.polyfills` points at that copy so
that the plugin does not add its CDN address. Quiz HTML goes in after MkDocs, as in the web
build, so no search index holds the answers.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import generator
from generator.course.brand import Brand
from generator.course.model import Course
from generator.engine import adapter as engine
from generator.errors import CoursegenError
from generator.render.brand import write_docs
from generator.render.docs import render_docs

# The file name must contain "iframe-worker": the offline plugin adds its CDN copy otherwise.
SHIM_URL = "assets/cq/iframe-worker-shim.js"
SHIM_IN_PACKAGE = Path("iframe-worker") / "shim" / "index.js"


class PortableError(CoursegenError):
    """The portable build cannot be made on this machine (a missing npm package), with what to do."""

    def lines(self) -> list[str]:
        return [f"error: {self}; nothing was written."]


def find_shim(root: Path) -> Path:
    """The iframe-worker shim installed by npm, beside the course or beside the generator."""
    for base in (root, Path(generator.__file__).resolve().parent.parent):
        candidate = base / "node_modules" / SHIM_IN_PACKAGE
        if candidate.is_file():
            return candidate
    raise PortableError("the npm package iframe-worker is not installed: run `npm install` in the project folder "
                        "(`make site` does it); offline search needs it")


def build_portable(course: Course, lang: str, out_dir: Path, bundled: tuple[str, ...], brand: Brand | None = None,
                   extra_javascript: list[str] | None = None, file_urls: bool = True) -> None:
    """Build one language into `out_dir` for file:// and LMS packages; `bundled` are the languages shipped with it.

    `file_urls=False` (SCORM) leaves out what only file:// needs: an LMS serves the package over http, where the
    search worker runs as it is, so the package needs neither the npm shim nor the inlined index.
    """
    shim = find_shim(course.root) if file_urls else None
    tree = render_docs(course, lang, directory_urls=False, issuer=brand.name.get(lang) if brand else None, slots=True)
    with tempfile.TemporaryDirectory(prefix=f"coursegen-portable-{lang}-") as work:
        docs = Path(work) / "docs"
        write_docs(tree, docs, brand)
        if shim is not None:
            (docs / SHIM_URL).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shim, docs / SHIM_URL)
        config = engine.language_config(course, lang, docs, out_dir, tree.nav, bundled,
                                        site_name=course.title(lang), brand=brand, extra_javascript=extra_javascript,
                                        unlisted=tree.unlisted)
        plugins = list(config.get("plugins") or [])
        if shim is not None and not any(p == "offline" or (isinstance(p, dict) and "offline" in p) for p in plugins):
            plugins.append("offline")
        config["plugins"] = plugins
        config["use_directory_urls"] = False
        # Instant navigation fetches pages, which file:// refuses; worse, Material's instant setup
        # returns an empty stream on file:// that completes document$, so scripts subscribed to it
        # (quiz.js) would never run. Inside an LMS frame, plain page loads are what the launch page expects.
        config.pop("site_url", None)
        theme = config.setdefault("theme", {})
        theme["features"] = [f for f in theme.get("features") or [] if not str(f).startswith("navigation.instant")]
        config["extra"]["polyfills"] = [SHIM_URL] if shim is not None else []
        if len(bundled) == 1:
            config["extra"]["alternate"] = []  # nothing to switch to in a one-language copy
        if isinstance(config["extra"].get("brand"), dict):  # the footer's legal link names its file, too
            config["extra"]["brand"]["legal_url"] = "legal.html"
        engine.build_site(engine.write_config(config, Path(work) / "mkdocs.yml"), slots=tree.fragments)
