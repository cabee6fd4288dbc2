"""How Material shows a brand: its colours as Material's CSS properties, its logo and footer as config.

A brand is data (course/brand.py); what the engine draws with it lives here, so a second engine
needs a second file like this one and nothing else. Nothing here imports MkDocs: the functions
edit the plain configuration mapping that engine.adapter.language_config builds and write
files into the docs tree.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.course.brand import Backdrop
from generator.render.brand import LEGAL_DOCS

if TYPE_CHECKING:
    from generator.course.brand import Brand
    from generator.course.catalogue import Strings

ASSETS = "assets/brand"
# Material draws white text on the primary colour (the header) and shows both colours as text on
# a white page (links, and links or buttons under the pointer): what each must contrast with.
BACKDROPS = {
    "primary": Backdrop("#ffffff", "the white header text and the links drawn in it"),
    "accent": Backdrop("#ffffff", "the white page it is shown on (links and buttons under the pointer)"),
}


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


def apply_brand(config: dict[str, Any], brand: Brand, strings: Strings) -> None:
    """Edit one language's MkDocs configuration for `brand` (scalars and our own keys only)."""
    lang = strings.lang
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
    t = strings.brand
    config.setdefault("extra", {})["brand"] = {
        "id": brand.id, "name": brand.name[lang], "email": brand.email, "url": brand.url or "",
        "hosted_by": t["hosted_by"], "contact": t["contact"], "legal_title": t["legal_title"],
        "legal_page": LEGAL_DOCS,
        # The footer (theme/partials/copyright.html) links it from every page; the portable build names the file.
        "legal_url": LEGAL_DOCS.removesuffix(".md") + "/",
    }
