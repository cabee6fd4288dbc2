"""Lesson Markdown to HTML for the printed editions, with the same extensions as the site.

The extension list is read from the course's mkdocs.yml so that an admonition, a table or
a details block looks intended on paper exactly when it does on the web. A small extension
of our own then makes the HTML fit one printed document: heading ids get a per-page prefix
(every page is part of one HTML file), headings move down to nest under the page title,
and links are handed to a resolver that turns them into in-document references, printed
URLs or plain text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

# (new href or None for plain text, CSS class) for a link target written in a source file.
LinkResolver = Callable[[str], tuple[str | None, str]]


@dataclass(frozen=True)
class Extensions:
    """Markdown extension names and their settings, as listed in mkdocs.yml."""

    names: tuple[str, ...]
    configs: dict[str, dict[str, Any]]


def site_extensions(root: Path, listed: list[Any]) -> Extensions:
    """The `markdown_extensions` of the course's mkdocs.yml (the site's own list, as the engine read it)."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in listed:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, settings in entry.items():
                names.append(str(name))
                configs[str(name)] = dict(settings or {})
    return Extensions(tuple(names), configs)


class _PrintTree(Treeprocessor):
    def __init__(self, md: markdown.Markdown, prefix: str, shift: int, resolve: LinkResolver,
                 base_dir: Path) -> None:
        super().__init__(md)
        self.prefix, self.shift, self.resolve, self.base_dir = prefix, shift, resolve, base_dir

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            tag = element.tag
            if isinstance(tag, str) and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" and self.shift:
                element.tag = f"h{min(6, int(tag[1]) + self.shift)}"
            ident = element.get("id")
            if ident and not ident.startswith(f"{self.prefix}--"):  # ids written by hand: `## A number {#a-number}`
                element.set("id", f"{self.prefix}--{ident}")
            if tag == "a" and element.get("href") is not None:
                self._link(element)
            elif tag == "img" and element.get("src"):
                self._image(element)

    def _link(self, element: etree.Element) -> None:
        href = element.get("href", "")
        if href.startswith("#"):
            element.set("href", f"#{self.prefix}--{href[1:]}")
            element.set("class", "xref")
            return
        new, css = self.resolve(href)
        if new is None:
            # A page that is not in this document: keep the words, drop the dead link.
            element.tag = "span"
            element.attrib.pop("href", None)
            element.attrib.pop("title", None)
            return
        element.set("href", new)
        text = "".join(element.itertext()).strip()
        if css == "ext" and text in (new, new.removeprefix("mailto:")):
            css = "ext bare"  # the address is already the text: no need to print it twice
        element.set("class", css)

    def _image(self, element: etree.Element) -> None:
        src = element.get("src", "")
        if "://" not in src and not src.startswith(("data:", "/")):
            element.set("src", (self.base_dir / src).resolve().as_uri())


class PrintExtension(Extension):
    """Per-page adjustments that let many Markdown pages live in one printed document."""

    def __init__(self, prefix: str, shift: int, resolve: LinkResolver, base_dir: Path) -> None:
        super().__init__()
        self.prefix, self.shift, self.resolve, self.base_dir = prefix, shift, resolve, base_dir

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # the name Markdown calls
        # Low priority: runs after toc has given headings their ids, before serialisation.
        md.treeprocessors.register(_PrintTree(md, self.prefix, self.shift, self.resolve, self.base_dir),
                                   "coursegen_print", 1)


def to_html(text: str, extensions: Extensions, prefix: str, resolve: LinkResolver, base_dir: Path,
            shift: int = 0) -> str:
    """Convert one page's Markdown to HTML whose ids all start with `prefix--`."""
    configs = {name: dict(settings) for name, settings in extensions.configs.items()}
    names = list(extensions.names)
    if "toc" not in names:
        names.append("toc")
    # Heading ids must be unique in the whole printed document, and links written against the
    # web pages' anchors (`lesson.md#a-number`) must still find them: same slug, page prefix.
    configs["toc"] = {**configs.get("toc", {}), "permalink": False,
                      "slugify": lambda value, sep: f"{prefix}--{slugify(value, sep)}"}
    md = markdown.Markdown(extensions=[*names, PrintExtension(prefix, shift, resolve, base_dir)],
                           extension_configs=configs)
    return md.convert(text)
