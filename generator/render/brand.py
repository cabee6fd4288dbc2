"""A brand's pages in one language's docs tree: the legal notice and privacy page.

How the engine shows the brand (colours, logo, footer) is the engine's business (engine/brand.py);
this page is plain Markdown that any engine builds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from generator.course.brand import Brand
    from generator.course.catalogue import Strings
    from generator.render.docs import DocsTree

LEGAL_DOCS = "legal.md"


def legal_page(brand: Brand, strings: Strings) -> str:
    """The legal notice and privacy page of one language, as Markdown for the docs tree."""
    t, lang = strings.brand, strings.lang
    meta = {"title": t["legal_title"], "description": t["description"]}
    contact = [f"**{brand.name[lang]}**"]
    contact += [line.strip() for line in brand.address.get(lang, "").split("\n") if line.strip()]
    contact.append(f"[{brand.email}](mailto:{brand.email})" + (f" · <{brand.url}>" if brand.url else ""))
    return ("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"
            f"# {t['legal_title']}\n\n"
            f"## {t['publisher']}\n\n" + "  \n".join(contact) + "\n\n"
            f"## {t['legal']}\n\n{brand.legal[lang].strip()}\n\n"
            f"## {t['privacy']}\n\n{brand.privacy[lang].strip()}\n"
            + (f"\n{t['stats']}\n" if brand.completion_stats else ""))


def add_brand_pages(tree: DocsTree, brand: Brand, strings: Strings) -> None:
    """Add the legal page to a rendered docs tree and to the end of its navigation."""
    tree.files[LEGAL_DOCS] = legal_page(brand, strings)
    tree.nav.append({strings.brand["legal_title"]: LEGAL_DOCS})
