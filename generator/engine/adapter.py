"""The only module that imports MkDocs: hands a rendered docs tree to the site engine.

The per-language configuration is built in Python from mkdocs.yml and written out in
full (no INHERIT), because a child config's list replaces the parent's list entirely.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.course.catalogue import STRINGS_DIR, installed_theme
from generator.engine.assets import minify_tree, script_order
from generator.engine.config import site_config
from generator.errors import CoursegenError
from generator.render.brand import apply_brand
from generator.render.docs import SLOT

if TYPE_CHECKING:
    from generator.course.brand import Brand
    from generator.course.model import Course

HOOK = Path(__file__).with_name("hook.py")
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


def language_config(course: Course, lang: str, docs_dir: Path, site_dir: Path, nav: list[Any],
                    languages: tuple[str, ...], extra: dict[str, Any] | None = None,
                    site_url: str | None = None, site_name: str | None = None, brand: Brand | None = None,
                    extra_javascript: list[str] | None = None, unlisted: list[str] | None = None) -> dict[str, Any]:
    """The full MkDocs configuration of one language, from the shared mkdocs.yml and course.yml.

    `languages` are the ones the switcher offers (a SCORM package holds one). `brand` sets the
    host's look (palette, logo, favicon, copyright, footer fields);
    `extra_javascript` lists scripts loaded before the shared ones (scorm.js before quiz.js), after core.js;
    `unlisted` pages are built but kept out of the menu (MkDocs' `not_in_nav`, so a strict build accepts them).
    """
    root = course.root
    config = site_config(root)
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["nav"] = nav
    if unlisted:
        config["not_in_nav"] = "\n".join(f"/{path}" for path in unlisted)
    if site_name:
        config["site_name"] = site_name
    # Each language lives in its own folder under the portal's address; Material's instant
    # navigation and the sitemap need the full address of each language.
    base = site_url or config.get("site_url")
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
    if brand is not None:
        apply_brand(config, brand, lang)
    config["extra_javascript"] = script_order([*(extra_javascript or []), *config.get("extra_javascript", [])])
    for key, value in (extra or {}).items():
        config[key] = value
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


def build_site(config_file: Path, strict: bool = True, slots: dict[str, str] | None = None) -> None:
    """Build one language with MkDocs, filling quiz `slots`; raise EngineError with every warning on failure."""
    with _captured_warnings() as messages:
        try:
            config = load_config(str(config_file), strict=strict)
            filler = _SlotFiller(slots or {})
            config.plugins["coursegen-slots"] = filler  # registers its events at once
            mkdocs_build(config)
            if filler.filled != len(slots or {}):
                raise RuntimeError(f"{len(slots or {})} quiz blocks rendered but {filler.filled} placed in the pages")
            minify_tree(Path(config["site_dir"]) / "assets" / "cq", config["theme"]["language"])
        except (Abort, ConfigurationError) as exc:
            raise EngineError([*messages, str(exc)]) from None
        if strict and messages:
            raise EngineError(messages)


def serve(config_file: Path, dev_addr: str) -> None:
    """Serve with live reload; the hook in the config re-renders the docs tree on each rebuild."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    mkdocs_serve(str(config_file), livereload=True, dev_addr=dev_addr)
