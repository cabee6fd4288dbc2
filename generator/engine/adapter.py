"""The only module that imports MkDocs: hands a rendered docs tree to the site engine.

The per-language configuration is built in Python from mkdocs.yml and written out in
full (no INHERIT), because a child config's list replaces the parent's list entirely.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.course.catalogue import STRINGS_DIR, installed_theme
from generator.engine.assets import minify_tree, script_order
from generator.engine.brand import apply_brand
from generator.engine.config import copyright_language, site_config
from generator.engine.options import LanguageBuild
from generator.engine.search import set_separator
from generator.errors import CoursegenError
from generator.render.docs import SLOT

if TYPE_CHECKING:
    from generator.course.catalogue import Strings
    from generator.course.model import Course

STATS_SCRIPT = "assets/cq/stats.js"
MATERIAL_LANGUAGES = files("material") / "templates" / "partials" / "languages"


class EngineError(CoursegenError):
    """The site engine refused the build; `messages` holds what it said."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("\n".join(messages))

    def lines(self) -> list[str]:
        return [*(f"mkdocs: {message}" for message in self.messages),
                "The site engine refused the build; site/ was not changed."]


def theme_dir(root: Path, custom_dir: str | None) -> Path:
    """The course's own theme folder when it has one, else the theme installed with the generator."""
    if custom_dir and (root / custom_dir).is_dir():
        return (root / custom_dir).resolve()
    return installed_theme()


def material_knows(lang: str) -> bool:
    """True when Material translates its own interface (search, navigation) into `lang`."""
    return (MATERIAL_LANGUAGES / f"{lang}.html").is_file()


def language_config(course: Course, build: LanguageBuild, docs_dir: Path, nav: list[Any],
                    unlisted: list[str] | None = None) -> dict[str, Any]:
    """The full MkDocs configuration of one language, from the shared mkdocs.yml and course.yml.

    The switcher offers `build.languages` (a SCORM package holds one); `build.brand` sets the
    host's look (palette, logo, favicon, copyright, footer fields); `build.scripts` lists
    scripts loaded before the shared ones (scorm.js before quiz.js), after core.js. The portable build's own
    settings are added after (portable.make_portable). `unlisted` pages are built but kept out of the menu
    (MkDocs' `not_in_nav`, so a strict build accepts them).
    """
    root, lang = course.root, build.lang
    languages = build.languages or course.languages
    config = site_config(root)
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(build.out_dir)
    config["nav"] = nav
    if course.title(lang):
        config["site_name"] = course.title(lang)
    if unlisted:
        config["not_in_nav"] = "\n".join(f"/{path}" for path in unlisted)
    # Each language lives in its own folder under the portal's address; Material's instant
    # navigation and the sitemap need the full address of each language.
    base = build.site_url or config.get("site_url")
    if base:
        config["site_url"] = base.rstrip("/") + f"/{lang}/"
    theme = config.setdefault("theme", {})
    theme["language"] = lang  # Material's own interface (search, navigation) in that language
    theme["direction"] = course.direction(lang)
    theme["custom_dir"] = str(theme_dir(root, theme.get("custom_dir")))
    config.setdefault("extra", {})
    if not material_knows(lang):
        # A language course.yml may declare but Material does not know: its few interface texts in
        # English (theme/partials/language.html) rather than a failed build.
        config["extra"]["cq_material_language"] = "en"
    # The switcher (theme/partials/alternate.html) lists the declared languages, and Material's
    # <link rel="alternate" hreflang> points at each language's home (`link`, relative to the site's
    # folder, as each language is a sibling folder). With one language there is nothing to offer.
    config["extra"]["alternate"] = [
        {"name": course.name(code), "lang": code, "dir": course.direction(code), "link": f"../{code}/"}
        for code in languages] if len(languages) > 1 else []
    if build.brand is not None:
        apply_brand(config, build.brand, course.strings[lang])
    # The footer's licence line (theme/partials/copyright.html), marked when left in another language, and
    # the 404 page's heading (theme/404.html: Material's own says "Not found" in English in every language).
    other = copyright_language(course, lang, build.brand)
    config["extra"]["cq_copyright_lang"] = {"lang": other, "dir": course.direction(other)} if other else None
    config["extra"]["cq_not_found"] = course.strings[lang].site["not_found"]
    set_separator(config, lang)
    scripts = [*build.scripts, *([STATS_SCRIPT] if build.stats else [])]
    config["extra_javascript"] = script_order([*scripts, *config.get("extra_javascript", [])])
    return config


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    handler = Collect()
    old_propagate, old_level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = old_propagate, old_level


def write_config(config: dict[str, Any], path: Path) -> Path:
    """Write a full configuration for MkDocs to read back.

    The full dumper writes the functions a Material configuration names (`!!python/name:`) back
    as the same tags, which MkDocs' loader reads; `safe_dump` would refuse them.
    """
    path.write_text(yaml.dump(config, Dumper=yaml.Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _SlotFiller(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    """Puts each quiz's HTML in place of its slot comment as MkDocs writes the page.

    The search plugin has indexed the page by then, so no index holds the answers; filling the
    slots here, rather than reading and writing every built page again, saves a pass over the site.
    It also keeps the theme's interface catalogues (strings/*.yml) out of the site: the build
    writes their texts into the pages and scripts, and MkDocs would copy them as static files.
    """

    def __init__(self, fragments: dict[str, str]) -> None:
        self.fragments = fragments
        self.filled = 0

    def on_files(self, files: Files, /, **_: Any) -> Files:
        for file in [f for f in files if f.src_uri.startswith(f"{STRINGS_DIR}/") and f.src_uri.endswith(".yml")]:
            files.remove(file)
        return files

    def on_post_page(self, output: str, /, **_: Any) -> str:
        if "<!--cq-slot-" not in output:
            return output
        new, count = SLOT.subn(lambda m: self.fragments[m.group(1)], output)
        self.filled += count
        return new


@contextmanager
def _dated(epoch: int) -> Iterator[None]:
    """MkDocs dates the pages, the sitemap (and its gzip header) and the templates with `epoch`.

    MkDocs reads SOURCE_DATE_EPOCH itself, through its one reader `mkdocs.utils.get_build_datetime`,
    when it creates each page and each template context: before any plugin event, and an empty or
    invalid value raises there (`int("")`, measured with the empty value an old Makefile exported).
    That reader answers with our value for the length of the build instead, so the environment is
    never written. Builds in one process run one at a time (languages in parallel are processes).
    """
    when = dt.datetime.fromtimestamp(epoch, dt.UTC)
    original = mkdocs_utils.get_build_datetime
    mkdocs_utils.get_build_datetime = lambda: when
    try:
        yield
    finally:
        mkdocs_utils.get_build_datetime = original


def build_site(config_file: Path, slots: dict[str, str], strings: Strings, epoch: int, strict: bool = True) -> None:
    """Build one language with MkDocs, dated `epoch`, filling quiz `slots` and writing in the scripts' `strings`.

    Raise EngineError with every warning on failure."""
    with _captured_warnings() as messages, _dated(epoch):
        try:
            config = load_config(str(config_file), strict=strict)
            filler = _SlotFiller(slots)
            config.plugins["coursegen-slots"] = filler  # registers its events at once
            mkdocs_build(config)
            if filler.filled != len(slots):
                raise RuntimeError(f"{len(slots)} quiz blocks rendered but {filler.filled} placed in the pages")
            minify_tree(Path(config["site_dir"]) / "assets" / "cq", strings)
        except (Abort, ConfigurationError) as exc:
            raise EngineError([*messages, str(exc)]) from None
        if strict and messages:
            raise EngineError(messages)
