"""Put a brand into one language's site: config settings, colour CSS, logo files, the legal page.

Nothing here imports the site engine: `apply_brand` edits the plain configuration mapping
that engine.language_config builds, and the rest writes files into the docs tree.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.course.catalogue import Section
from generator.render.docs import DocsTree, write_tree

if TYPE_CHECKING:
    from generator.course.brand import Brand

ASSETS = "assets/brand"
LEGAL_DOCS = "legal.md"

STRINGS = Section("brand")  # the legal page's texts, theme/strings/<code>.yml


def _mix(color: str, other: str, amount: float) -> str:
    """`color` moved `amount` (0..1) of the way towards `other`: Material wants light and dark variants."""
    a = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def brand_css(brand: Brand) -> str:
    """Material's custom palette properties for the brand's colours."""
    return (
        "/* Generated from " + brand.path.name + ": Material's `custom` palette, see its docs on colours. */\n"
        ":root > * {\n"
        f"  --md-primary-fg-color: {brand.primary};\n"
        f"  --md-primary-fg-color--light: {_mix(brand.primary, '#ffffff', 0.2)};\n"
        f"  --md-primary-fg-color--dark: {_mix(brand.primary, '#000000', 0.2)};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        "  --md-primary-bg-color--light: #ffffffb3;\n"
        f"  --md-accent-fg-color: {brand.accent};\n"
        f"  --md-accent-fg-color--transparent: {brand.accent}1a;\n"
        "  --md-accent-bg-color: #ffffff;\n"
        "  --md-accent-bg-color--light: #ffffffb3;\n"
        "}\n"
    )


def write_brand_assets(brand: Brand, docs_dir: Path) -> None:
    """Copy the logo and favicon and write the colour CSS into the docs tree."""
    folder = docs_dir / ASSETS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brand.css").write_text(brand_css(brand), encoding="utf-8")
    for source, name in ((brand.logo, "logo.svg"), (brand.favicon, "favicon.svg")):
        if source is not None:
            shutil.copyfile(source, folder / name)


def apply_brand(config: dict[str, Any], brand: Brand, lang: str) -> None:
    """Edit one language's MkDocs configuration for `brand` (scalars and our own keys only)."""
    theme = config.setdefault("theme", {})
    theme["palette"] = {**(theme.get("palette") or {}), "primary": "custom", "accent": "custom"}
    if brand.logo is not None:
        theme["logo"] = f"{ASSETS}/logo.svg"
    if brand.favicon is not None:
        theme["favicon"] = f"{ASSETS}/favicon.svg"
    if brand.copyright:
        config["copyright"] = brand.copyright[lang]
    # Before the quiz styles, so a course stylesheet can still refine what the brand sets.
    config["extra_css"] = [f"{ASSETS}/brand.css", *config.get("extra_css", [])]
    t = STRINGS[lang]
    config.setdefault("extra", {})["brand"] = {
        "id": brand.id, "name": brand.name[lang], "email": brand.email, "url": brand.url or "",
        "hosted_by": t["hosted_by"], "contact": t["contact"], "legal_title": t["legal_title"],
        "legal_page": LEGAL_DOCS,
        # The footer (theme/partials/copyright.html) links it from every page; the portable build names the file.
        "legal_url": LEGAL_DOCS.removesuffix(".md") + "/",
    }


def legal_page(brand: Brand, lang: str) -> str:
    """The legal notice and privacy page of one language, as Markdown for the docs tree."""
    t = STRINGS[lang]
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


def add_brand_pages(tree: DocsTree, brand: Brand) -> None:
    """Add the legal page to a rendered docs tree and to the end of its navigation."""
    tree.files[LEGAL_DOCS] = legal_page(brand, tree.lang)
    tree.nav.append({STRINGS[tree.lang]["legal_title"]: LEGAL_DOCS})


def write_docs(tree: DocsTree, docs_dir: Path, brand: Brand | None) -> None:
    """Write a language's docs tree with the brand's pages and assets, when there is a brand."""
    if brand is not None:
        add_brand_pages(tree, brand)
    write_tree(tree, docs_dir)
    if brand is not None:
        write_brand_assets(brand, docs_dir)
