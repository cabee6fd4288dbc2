"""What one language build is asked for: one value handed from the exports to the engine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.course.brand import Brand


@dataclass(frozen=True)
class LanguageBuild:
    """One language of the course, built by the site engine into `out_dir` (which must not exist yet).

    `portable` is the build read without a web server's help, from disk (file://) or inside an LMS:
    the offline bundle and SCORM packages (engine/portable.py says what changes).
    """

    lang: str
    out_dir: Path
    epoch: int  # the build date, seconds since 1970 (output.build_epoch): pages and sitemap carry it
    languages: tuple[str, ...] = ()  # what the language switcher offers (default: every language of the course)
    site_url: str | None = None  # the portal's public address; each language lives in its own folder under it
    brand: Brand | None = None
    scripts: tuple[str, ...] = ()  # our scripts loaded before the shared ones (scorm.js before quiz.js)
    home_extra: str = ""  # Markdown added to the home page (the Downloads section)
    stats: bool = False  # load the completion-count script (a brand that opted in)
    portable: bool = False
    file_urls: bool = True  # portable: readable from disk too (offline zip); False for an LMS (SCORM), no npm shim
