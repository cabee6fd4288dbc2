"""The course's mkdocs.yml, read once per process with MkDocs' own YAML loader.

MkDocs' loader understands the tags Material configurations use (`!ENV`, `!relative`,
`!!python/name:` for emoji and icon functions), which `yaml.safe_load` refuses. The file is
trusted exactly as far as `mkdocs build` trusts it. Renderers and exports get the values they
need from here; none of them parses the file again.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.utils.yaml import get_yaml_loader, yaml_load

if TYPE_CHECKING:
    from generator.course.brand import Brand
    from generator.course.model import Course


@cache
def _read(path: Path, mtime_ns: int, size: int) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        config: dict[str, Any] = yaml_load(handle, loader=get_yaml_loader()) or {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict) and isinstance(entry.get("pymdownx.snippets"), dict):
            # Included files (`--8<-- "deploy/nginx.conf"`) live in the course, wherever the build runs.
            entry["pymdownx.snippets"]["base_path"] = [str(path.parent)]
    return config


def site_config(root: Path) -> dict[str, Any]:
    """A fresh copy of the parsed mkdocs.yml of the course in `root` (callers may change it)."""
    path = (root / "mkdocs.yml").resolve()
    stat = path.stat()
    return copy.deepcopy(_read(path, stat.st_mtime_ns, stat.st_size))


def print_settings(root: Path) -> tuple[str, str]:
    """(organisation, copyright line) for the PDF cover: extra.organisation or site_author, and copyright."""
    config = site_config(root)
    extra = config.get("extra") or {}
    organisation = str(extra.get("organisation") or config.get("site_author") or "")
    return organisation, str(config.get("copyright") or "")


def copyright_language(course: Course, lang: str, brand: Brand | None) -> str:
    """The language of the licence line shown in `lang` when it is another one, else "".

    A brand's `copyright` gives a line per language. mkdocs.yml's `copyright` is one line, taken to be
    written in the course's default language: shown in another language, it is marked with that one
    (`lang`), so a screen reader reads it in its own language and nothing claims it is translated.
    """
    if brand is not None and brand.copyright.get(lang):
        return ""
    if not site_config(course.root).get("copyright") or lang == course.default_language:
        return ""
    return course.default_language


def markdown_extensions(root: Path) -> list[Any]:
    """The `markdown_extensions` list as written in mkdocs.yml, for renderers that convert Markdown themselves."""
    return list(site_config(root).get("markdown_extensions") or [])
