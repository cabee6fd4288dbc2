"""The offline bundle: the portal built for file:// (a USB stick), zipped.

Each language gets the portable build (engine/portable.py: no directory URLs, search index
inlined, the iframe-worker shim), the same one SCORM packages use. The web build in site/ is
not touched. A read-me in the bundle's language says how to open it and where the course lives online.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.course.brand import Brand
from generator.course.model import Course
from generator.engine.language import build_language
from generator.engine.options import LanguageBuild
from generator.output import build_epoch, zip_tree
from generator.render.chooser import write_chooser
from generator.render.way_home import course_address

Progress = Callable[[str], None]
# Beside index.html at the top of the unzipped folder, where a participant looks first; CRLF line ends
# so that Windows' Notepad, the likeliest reader on a training-room PC, shows its lines.
README = "README.txt"


@dataclass(frozen=True)
class OfflineResult:
    """What was written: where, which languages, how many files and bytes, in how many seconds."""

    path: Path
    languages: tuple[str, ...]
    files: int
    size: int
    seconds: float


def offline_name(lang: str | None) -> str:
    """File name of the bundle: `course-en-offline.zip`, or `course-offline.zip` for every language."""
    return f"course-{lang}-offline.zip" if lang else "course-offline.zip"


def readme(course: Course, langs: tuple[str, ...], brand: Brand | None) -> str:
    """The read-me beside index.html, in the bundle's language (each language in turn for a bundle of several):
    how to open the course without internet, where it lives online, and where progress is kept."""
    parts = []
    for lang in langs:
        t, site = course.strings[lang].table("workshop"), course.strings[lang].site
        title = course.title(lang) or site["course_title"]
        lines = [f"{title}{site['colon']} {t['readme_title']}", "", t["readme_open"], "", t["readme_progress"]]
        address = course_address(brand.site_url if brand else None, lang)
        if address:
            lines += ["", f"{t['readme_online']} {address}"]
        parts.append("\n".join(lines))
    return "\n\n----\n\n".join(parts) + "\n"


def _left_out(path: Path) -> bool:
    # Source maps (a megabyte) help only someone debugging Material, and 404.html only a web server
    # (its links are absolute, so from a disk they lead nowhere): neither belongs on a USB stick.
    return path.suffix == ".map" or path.name == "404.html"


def build_offline(course: Course, target: Path, lang: str | None = None,
                  progress: Progress = lambda _: None, brand: Brand | None = None,
                  epoch: int | None = None) -> OfflineResult:
    """Write the offline bundle of one language (or of every language, with the chooser) to `target`.

    `epoch` is the build date of every page and zip entry (default: the course's, output.build_epoch).
    """
    epoch = build_epoch(course.root) if epoch is None else epoch
    started = time.perf_counter()
    langs = (lang,) if lang else course.languages
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="coursegen-offline-") as work:
        site = Path(work) / "site"
        if lang:
            progress(f"offline {lang}: building for file://")
            build_language(course, LanguageBuild(lang, site, epoch, langs, brand=brand, portable=True))
        else:
            for one in langs:
                progress(f"offline {one}: building for file://")
                build_language(course, LanguageBuild(one, site / one, epoch, langs, brand=brand, portable=True))
            write_chooser(course, site, index="index.html")
        (site / README).write_text(readme(course, langs, brand), encoding="utf-8", newline="\r\n")
        files = zip_tree(site, target, target.name.removesuffix(".zip"), skip=_left_out, epoch=epoch)
    result = OfflineResult(target, langs, files, target.stat().st_size, time.perf_counter() - started)
    progress(f"offline: wrote {target.name}, {files} files, {result.size / 1e6:.1f} MB in {result.seconds:.1f} s")
    return result
