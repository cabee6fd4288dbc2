"""cmi5 course packages: one language of the course, one assignable unit (AU) per module (or one module), zipped.

The same portable site as the SCORM package, with the suspend-data codec and cmi5.js before quiz.js; one launch
page per AU (au/<module>.html: it does the cmi5 launch, owns the session and shows the course in a frame), and
cmi5.xml at the root. An AU moves on when CompletedOrPassed: completed is every lesson of the module read,
passed its quiz passed (the same rule as SCORM and the certificate); its masteryScore is the quiz's pass mark.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.course.brand import Brand
from generator.course.model import Course, Module
from generator.exports.scorm import package_title, portable_package, write_launch_pages
from generator.render.quiz import environment

# The codec of the resume state (kept in the LRS's State API), then the cmi5 session; core.js loads first.
SCRIPTS = ("assets/cq/suspend.js", "assets/cq/cmi5.js")
AU_FOLDER = "au"


@dataclass
class Package:
    """What was written: the zip, its size and the AUs it holds."""

    path: Path
    size: int
    aus: list[str]
    files: int


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "course"


def course_iri(course: Course, lang: str, brand: Brand | None) -> str:
    """The course's IRI: under the brand's portal address when it has one, else a URN of the course's name.

    An LMS keys the learner's records by these ids, so they depend only on the course, language and brand: the
    same AU in a whole-course and a one-module package is the same activity."""
    if brand is not None and brand.site_url:
        return f"{brand.site_url.rstrip('/')}/cmi5/{lang}"
    name = _slug(course.title(course.default_language))
    return ":".join(["urn:coursegen", name, *([brand.id] if brand else []), lang])


def mastery(pass_mark: int) -> str:
    """The pass mark (a percentage) as cmi5's masteryScore, a decimal from 0 to 1."""
    return f"{pass_mark / 100:.2f}".rstrip("0").rstrip(".") if pass_mark < 100 else "1"


def child_iri(base: str, *parts: str) -> str:
    """An IRI below `base`: a path under an http(s) address, more colon-separated names in a URN."""
    return ("/" if base.startswith("http") else ":").join([base, *parts])


def write_course_structure(course: Course, lang: str, site: Path, modules: list[Module], brand: Brand | None,
                           single: bool) -> None:
    base = course_iri(course, lang, brand)
    home = next((p for p in course.pages if p.slug == "index"), None)
    first = modules[0].overview
    whole = {"id": child_iri(base, modules[0].slug) if single else base,
             "title": package_title(course, lang, brand, modules[0] if single else None),
             "description": (first.description(lang) if single else home.description(lang) if home else "")
             or course.title(lang)}
    aus = [{"id": child_iri(base, "au", m.slug), "title": m.overview.title(lang),
            "description": m.overview.description(lang) or m.overview.title(lang),
            "mastery": mastery(course.quizzes[m.quiz_id].pass_mark), "url": f"{AU_FOLDER}/{m.slug}.html"}
           for m in modules]
    xml = environment().get_template("cmi5.xml.j2").render(course=whole, aus=aus, lang=lang)
    (site / "cmi5.xml").write_text(xml + "\n", encoding="utf-8")


def build_package(course: Course, lang: str, target: Path, brand: Brand | None = None,
                  module: str | None = None, epoch: int | None = None) -> Package:
    """Build the cmi5 package of `lang` (the whole course, or one module) into the zip `target`: the same portable
    pages as SCORM (exports/scorm.portable_package), with AU launch pages and cmi5.xml."""
    def write(site: Path, modules: list[Module]) -> None:
        write_launch_pages(course, lang, site, modules, brand, folder=AU_FOLDER, scripts=SCRIPTS,
                           config_id="cq-cmi5", deferred=True)
        write_course_structure(course, lang, site, modules, brand, single=module is not None)

    target = target.resolve()
    modules, files = portable_package(course, lang, target, brand, module, epoch, SCRIPTS, "cmi5", write)
    return Package(target, target.stat().st_size, [m.slug for m in modules], files)
