"""Host brands: read a brand file, check it (schema, logo files, colour contrast), return a Brand.

A brand is the organisation hosting the course (a chamber of commerce): its name, logo,
colours, contact and legal texts. It never changes a lesson; renderers read it beside the
Course model. Problems are collected like every other authoring problem. Which colour each
brand colour is drawn against is the site engine's knowledge: callers hand it in (`backdrops`,
engine/brand.py), so the check stays the same whatever engine shows the brand.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.course.model import Text
from generator.course.problems import ContentError, Problems
from generator.course.yamlfile import MAX_BYTES, LineDict, load_yaml_file

DEFAULT_BRAND = Path("brands") / "default.yml"
WCAG_AA = 4.5


@dataclass(frozen=True)
class Backdrop:
    """What a brand colour is shown with: the other colour (#rrggbb) and, for the author, where."""

    color: str
    where: str


# Brand colour key ("primary", "accent") -> what the engine draws it with or on.
Backdrops = Mapping[str, Backdrop]


@dataclass
class Brand:
    """The host's identity, in every language of the course."""

    id: str  # the brand file's stem: "default", "cci-example"
    path: Path
    name: Text
    primary: str
    accent: str
    email: str
    legal: Text
    privacy: Text
    logo: Path | None = None
    favicon: Path | None = None
    url: str | None = None
    address: Text = field(default_factory=dict)
    copyright: Text = field(default_factory=dict)
    site_url: str | None = None
    completion_stats: bool = False  # opt-in: passes and certificates request a file the server logs
    publish_trainer: bool = False  # the trainer edition holds every answer: published only on request
    time_factor: float = 1.0  # exam time limits multiplied, for learners who need more time (WCAG 2.2.1)
    certificate: str = "completion"  # or "attestation": France's attestation de fin de formation (L6353-1)
    offline_reading: bool = True  # a service worker keeps the course for reading offline (web portal only)
    funded_training: bool = False  # opt-in: `coursegen workshop` writes sign-in sheets, forms and certificates


# -- colour contrast (WCAG 2.x) --------------------------------------------------------------------

def _luminance(color: str) -> float:
    channels = [int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def darker_until(color: str, against: str, ratio: float = WCAG_AA) -> str:
    """The nearest darker shade of `color` that reaches `ratio` against `against` (a fix to suggest)."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(101):
        shade = "#" + "".join(f"{round(c * (1 - step / 100)):02x}" for c in rgb)
        if contrast(shade, against) >= ratio:
            return shade
    return "#000000"


def _check_contrast(data: LineDict, path: Path, problems: Problems, backdrops: Backdrops) -> None:
    colors = data["colors"]
    for key, backdrop in backdrops.items():
        against, what = backdrop.color, backdrop.where
        value = str(colors[key]).lower()
        ratio = contrast(value, against)
        if ratio < WCAG_AA:
            problems.add(path, colors.line_of(key), "brand.contrast",
                         f"colour '{key}' {value} has a contrast of {ratio:.1f}:1 against {what}; WCAG AA needs "
                         f"{WCAG_AA}:1: use a darker shade such as {darker_until(value, against)}")


# -- logo files -------------------------------------------------------------------------------------

def _check_svg(data: LineDict, key: str, path: Path, problems: Problems) -> Path | None:
    if key not in data:
        return None
    file = path.parent / str(data[key])
    line = data.line_of(key)
    if not file.is_file():
        problems.add(path, line, "brand.file_missing",
                     f"'{key}': {problems.rel(file)} does not exist: put the SVG file next to the brand file")
        return None
    if file.stat().st_size > MAX_BYTES:
        problems.add(path, line, "brand.file_too_large",
                     f"'{key}': {problems.rel(file)} is over {MAX_BYTES:,} bytes: simplify or compress the SVG")
        return None
    try:
        root = ET.fromstring(file.read_bytes())
    except ET.ParseError as exc:
        problems.add(path, line, "brand.svg_invalid", f"'{key}': {problems.rel(file)} is not valid SVG ({exc})")
        return None
    if root.tag not in ("svg", "{http://www.w3.org/2000/svg}svg"):
        problems.add(path, line, "brand.svg_invalid",
                     f"'{key}': {problems.rel(file)} is XML but not SVG (its root is <{root.tag}>)")
        return None
    # Browsers never run scripts of an SVG shown through <img>, but a logo has no need of one
    # and the file may be opened directly: refuse it rather than ship it.
    if any(el.tag.rsplit("}", 1)[-1] in ("script", "foreignObject") for el in root.iter()):
        problems.add(path, line, "brand.svg_script",
                     f"'{key}': {problems.rel(file)} holds a <script> or <foreignObject>: export a plain SVG")
        return None
    return file


# -- loading ----------------------------------------------------------------------------------------

def _text(value: object) -> Text:
    return {str(k): str(v).strip() for k, v in value.items()} if isinstance(value, dict) else {}


def read_brand(path: Path, problems: Problems, languages: tuple[str, ...], backdrops: Backdrops) -> Brand | None:
    """Read and check one brand file, whose texts give each of `languages` and whose colours must stand
    out against their `backdrops`; record every problem and return None when there is one."""
    # Imported here: a build without a brand file never pays for the schema validator.
    from generator.course.loader import french_in_yaml
    from generator.course.schema import check, load_schema

    before = len(problems)
    data = load_yaml_file(path, problems)
    if data is None:
        return None
    if not isinstance(data, LineDict):
        problems.add(path, getattr(data, "line", 1), "brand.type",
                     "a brand file is a mapping: 'name:', 'colors:', 'contact:', 'legal:'...")
        return None
    if not check(data, load_schema("brand.schema.json", languages), path, problems, "brand.schema"):
        return None
    _check_contrast(data, path, problems, backdrops)
    logo = _check_svg(data, "logo", path, problems)
    favicon = _check_svg(data, "favicon", path, problems)
    for line, message in french_in_yaml(data):
        problems.add(path, line, "fr.typography", message)
    if len(problems) > before:
        return None
    contact = data["contact"]
    return Brand(
        id=path.stem, path=path, name=_text(data["name"]), primary=str(data["colors"]["primary"]).lower(),
        accent=str(data["colors"]["accent"]).lower(), email=str(contact["email"]), legal=_text(data["legal"]),
        privacy=_text(data["privacy"]), logo=logo, favicon=favicon, url=contact.get("url"),
        address=_text(contact.get("address")), copyright=_text(data.get("copyright")),
        site_url=data.get("site_url"), completion_stats=data.get("completion_stats") is True,
        publish_trainer=bool(data.get("publish_trainer", False)),
        time_factor=float(data.get("exam_time_factor", 1.0)), certificate=str(data.get("certificate", "completion")),
        offline_reading=data.get("offline_reading") is not False,
        funded_training=data.get("funded_training") is True,
    )


def _languages(root: Path) -> tuple[str, ...]:
    from generator.course.languages import declared_languages

    return tuple(language.code for language in declared_languages(root))


def load_brand(root: Path, path: Path | None, backdrops: Backdrops) -> Brand | None:
    """The brand to build with: `path`, else the course's brands/default.yml, else none (raises ContentError).

    `backdrops`: what the site engine shows each colour with (engine.brand.BACKDROPS)."""
    if path is None:
        path = root / DEFAULT_BRAND
        if not path.is_file():
            return None
    problems = Problems(root)
    if not path.is_file():
        problems.add(path, None, "brand.missing", "no such brand file: give a path such as brands/my-chamber.yml")
        raise ContentError(problems.sorted())
    brand = read_brand(path, problems, _languages(root), backdrops)
    if brand is None:
        raise ContentError(problems.sorted())
    return brand


def check_brands(root: Path, backdrops: Backdrops) -> list[Brand]:
    """Check every brand file in the course's brands/ folder; raise ContentError listing all problems."""
    problems = Problems(root)
    languages = _languages(root)
    brands = [read_brand(path, problems, languages, backdrops) for path in sorted((root / "brands").glob("*.y*ml"))]
    if problems:
        raise ContentError(problems.sorted())
    return [b for b in brands if b is not None]
