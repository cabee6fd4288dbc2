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
    from generator.course.model import Course
    from generator.render.docs import DocsTree

LEGAL_DOCS = "legal.md"


def legal_page(brand: Brand, strings: Strings, example: str) -> str:
    """The legal notice and privacy page of one language, as Markdown for the docs tree.

    `example` is the image a pass of this course's first module quiz requests: the completion-count
    paragraph names a file the reader's own course serves, not one of the course coursegen ships with.
    """
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
            + (f"\n{t['stats'].format(example=example)}\n" if brand.completion_stats else ""))


def stats_example(course: Course) -> str:
    """The completion image of the first module's quiz (the certificate's when the course has no module)."""
    return f"stats/passed/{course.modules[0].quiz_id}.svg" if course.modules else "stats/certificate.svg"


def add_brand_pages(tree: DocsTree, brand: Brand, strings: Strings, course: Course) -> None:
    """Add the legal page to a rendered docs tree and to the end of its navigation."""
    tree.files[LEGAL_DOCS] = legal_page(brand, strings, stats_example(course))
    tree.nav.append({strings.brand["legal_title"]: LEGAL_DOCS})
