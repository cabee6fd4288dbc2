"""The offline bundle: the portal built for file:// (a USB stick), zipped.

Each language is built again with Material's `offline` plugin (no directory URLs, search
index inlined as a script) and the iframe-worker shim, which lets the search worker run
from file://. The shim comes from npm (package.json) and is copied into the build here,
never committed, and `extra.polyfills` points at that copy so that the plugin does not add
its CDN address. The web build in site/ is not touched.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import generator
from generator.course.brand import Brand
from generator.course.model import Course
from generator.output import zip_tree
from generator.render.brand import write_docs
from generator.render.chooser import write_chooser
from generator.render.docs import render_docs

Progress = Callable[[str], None]
# The file name must contain "iframe-worker": the offline plugin adds its CDN copy otherwise.
SHIM_URL = "assets/cq/iframe-worker-shim.js"
SHIM_IN_PACKAGE = Path("iframe-worker") / "shim" / "index.js"


class OfflineError(Exception):
    """The bundle cannot be made on this machine (a missing npm package), with what to do."""


@dataclass(frozen=True)
class OfflineResult:
    path: Path
    languages: tuple[str, ...]
    files: int
    size: int
    seconds: float


def offline_name(lang: str | None) -> str:
    """File name of the bundle: `course-en-offline.zip`, or `course-offline.zip` for every language."""
    return f"course-{lang}-offline.zip" if lang else "course-offline.zip"


def find_shim(root: Path) -> Path:
    """The iframe-worker shim installed by npm, beside the course or beside the generator."""
    for base in (root, Path(generator.__file__).resolve().parent.parent):
        candidate = base / "node_modules" / SHIM_IN_PACKAGE
        if candidate.is_file():
            return candidate
    raise OfflineError("the npm package iframe-worker is not installed: run `npm install` in the project folder "
                       "(`make site` does it); offline search needs it")


def build_offline_language(course: Course, lang: str, out_dir: Path, bundled: tuple[str, ...],
                           brand: Brand | None = None) -> None:
    """Build one language for file:// into `out_dir`; `bundled` are the languages in the same bundle."""
    from generator.engine import adapter as engine  # the site engine is imported only where a site is built

    shim = find_shim(course.root)
    tree = render_docs(course, lang, directory_urls=False)
    with tempfile.TemporaryDirectory(prefix=f"coursegen-offline-{lang}-") as work:
        docs = Path(work) / "docs"
        write_docs(tree, docs, brand)
        (docs / SHIM_URL).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, docs / SHIM_URL)
        config = engine.language_config(course.root, lang, docs, out_dir, tree.nav, bundled,
                                        site_name=course.title(lang), brand=brand)
        plugins = list(config.get("plugins") or [])
        if not any(p == "offline" or (isinstance(p, dict) and "offline" in p) for p in plugins):
            plugins.append("offline")
        config["plugins"] = plugins
        config["use_directory_urls"] = False
        # Instant navigation fetches pages, which file:// refuses; worse, Material's instant setup
        # returns an empty stream on file:// that completes document$, so scripts subscribed to it
        # (quiz.js) would never run. Measured: with the feature on, no quiz mounts from a USB stick.
        config.pop("site_url", None)
        theme = config.setdefault("theme", {})
        theme["features"] = [f for f in theme.get("features") or [] if not str(f).startswith("navigation.instant")]
        config["extra"]["polyfills"] = [SHIM_URL]
        if len(bundled) == 1:
            config["extra"]["alternate"] = []  # nothing to switch to in a one-language bundle
        if isinstance(config["extra"].get("brand"), dict):  # the footer's legal link names its file, too
            config["extra"]["brand"]["legal_url"] = "legal.html"
        engine.build_site(engine.write_config(config, Path(work) / "mkdocs.yml"))


def _left_out(path: Path) -> bool:
    # Source maps (a megabyte) help only someone debugging Material, and 404.html only a web server
    # (its links are absolute, so from a disk they lead nowhere): neither belongs on a USB stick.
    return path.suffix == ".map" or path.name == "404.html"


def build_offline(course: Course, target: Path, lang: str | None = None,
                  progress: Progress = lambda _: None, brand: Brand | None = None) -> OfflineResult:
    """Write the offline bundle of one language (or of every language, with the chooser) to `target`."""
    started = time.perf_counter()
    langs = (lang,) if lang else course.languages
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="coursegen-offline-") as work:
        site = Path(work) / "site"
        if lang:
            progress(f"offline {lang}: building for file://")
            build_offline_language(course, lang, site, langs, brand)
        else:
            for one in langs:
                progress(f"offline {one}: building for file://")
                build_offline_language(course, one, site / one, langs, brand)
            write_chooser(course, site, index="index.html")
        files = zip_tree(site, target, target.name.removesuffix(".zip"), skip=_left_out)
    result = OfflineResult(target, langs, files, target.stat().st_size, time.perf_counter() - started)
    progress(f"offline: wrote {target.name}, {files} files, {result.size / 1e6:.1f} MB in {result.seconds:.1f} s")
    return result
