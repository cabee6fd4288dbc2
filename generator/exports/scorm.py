"""SCORM 1.2 packages: one language of the course, one SCO per module (or one module), zipped.

The package holds the site built for that language (with the suspend-data codec and scorm.js before quiz.js, and every
folder link made explicit, since an LMS serves files one by one), one launch page per SCO
(sco/<module>.html: it owns the LMS session and shows the course in a frame), and
imsmanifest.xml at the root. The mastery score of each SCO is its quiz's pass mark.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.course.brand import Brand
from generator.course.model import Course, Module
from generator.engine.assets import CORE_SCRIPT
from generator.engine.language import build_language
from generator.engine.options import LanguageBuild
from generator.errors import UsageError
from generator.output import build_epoch, zip_tree
from generator.render.quiz import environment

# The codec of cmi.suspend_data, then the LMS session; core.js loads before them (engine.assets.script_order).
SCRIPTS = ["assets/cq/suspend.js", "assets/cq/scorm.js"]


class ScormError(UsageError):
    """A request the course cannot satisfy (an unknown module); the message says what exists."""


@dataclass
class Package:
    """What was written: the zip, its size and the SCOs it holds."""

    path: Path
    size: int
    scos: list[str]
    files: int


def quiz_index(course: Course) -> list[Any]:
    """Every quiz with its question ids and choice ids, in a fixed order: scorm.js packs answers against it.

    A question's second field is its choice ids, None when answers are item positions, or "t" when the
    learner types the answer (numeric, short_answer).
    """
    index: list[Any] = []
    for quiz in course.quizzes.values():
        questions = [[q.id, [c.id for c in q.choices] if q.type in ("single", "multiple", "true_false")
                      else "t" if q.typed else None] for q in quiz.questions]
        index.append([quiz.id, quiz.kind, questions])
    return index


def chosen_modules(course: Course, module: str | None) -> list[Module]:
    if module is None:
        return course.modules
    chosen = [m for m in course.modules if m.slug == module]
    if not chosen:
        raise ScormError(f"no module '{module}': choose one of {', '.join(m.slug for m in course.modules)}")
    return chosen


def package_title(course: Course, lang: str, brand: Brand | None, module: Module | None = None) -> str:
    """The title the LMS shows: the course (or module) and, under a brand, the host's name."""
    title = course.title(lang)
    if module is not None:
        title = f"{title}: {module.overview.title(lang)}"
    return f"{title} ({brand.name[lang]})" if brand is not None else title


def launch_configs(course: Course, modules: list[Module]) -> dict[str, dict[str, Any]]:
    """The launch page's data for each module, by slug: what the SCORM and cmi5 runtimes share.

    The module as core.js's standing() reads it (its lessons decide "completed", its quiz "passed"), and every
    quiz and lesson of the course, which the suspend-data codec packs answers and lessons read against."""
    index = quiz_index(course)
    key = hashlib.sha256(json.dumps(index, sort_keys=True).encode()).hexdigest()[:6]
    slugs = [lesson.slug for m in course.modules for lesson in m.lessons]
    configs = {}
    for module in modules:
        quiz = course.quizzes[module.quiz_id]
        configs[module.slug] = {
            "module": module.slug, "quiz": quiz.id, "pass": quiz.pass_mark, "total": quiz.size,
            "lessons": [{"slug": lesson.slug} for lesson in module.lessons],
            "key": key, "index": index, "slugs": slugs, **({"exam": True} if quiz.mode == "exam" else {})}
    return configs


def write_launch_pages(course: Course, lang: str, site: Path, modules: list[Module], brand: Brand | None,
                       folder: str = "sco", scripts: tuple[str, ...] = tuple(SCRIPTS),
                       config_id: str = "cq-scorm", deferred: bool = False) -> None:
    """One launch page per module, `folder`/<module>.html: it owns the LMS session and frames the course.

    `deferred`: the frame gets its page from the runtime once the LMS has answered (cmi5's launch is asynchronous)."""
    template = environment().get_template("sco.html.j2")
    (site / folder).mkdir()
    configs = launch_configs(course, modules)
    for module in modules:
        config = configs[module.slug]
        html = template.render(lang=lang, dir=course.direction(lang), title=package_title(course, lang, brand, module),
                               config=config, config_id=config_id, deferred=deferred,
                               start=f"../{module.slug}/index.html",
                               scripts=[f"../{s}" for s in (CORE_SCRIPT, *scripts)])
        (site / folder / f"{module.slug}.html").write_text(html + "\n", encoding="utf-8")


def write_manifest(course: Course, lang: str, site: Path, modules: list[Module], brand: Brand | None,
                   identifier: str, single: bool) -> None:
    # The launch pages are listed in their own SCO resources; everything else is the shared site.
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.parent != site / "sco")
    scos = [{"id": m.slug, "title": m.overview.title(lang), "href": f"sco/{m.slug}.html",
             "pass_mark": course.quizzes[m.quiz_id].pass_mark} for m in modules]
    whole = package_title(course, lang, brand, modules[0] if single else None)
    xml = environment().get_template("imsmanifest.xml.j2").render(
        identifier=identifier, version="1.0", title=whole, scos=scos, files=files)
    (site / "imsmanifest.xml").write_text(xml + "\n", encoding="utf-8")


def portable_package(course: Course, lang: str, target: Path, brand: Brand | None, module: str | None,
                     epoch: int | None, scripts: tuple[str, ...], kind: str,
                     write: Callable[[Path, list[Module]], None]) -> tuple[list[Module], int]:
    """The portable pages of `lang` with `scripts`, then `write(site, modules)` (launch pages and the LMS's file),
    zipped into `target`: the modules packaged and the number of files. SCORM and cmi5 packages are both this.

    `epoch` is the build date of every page and zip entry (default: the course's, output.build_epoch).
    """
    epoch = build_epoch(course.root) if epoch is None else epoch
    modules = chosen_modules(course, module)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"coursegen-{kind}-{lang}-") as work:
        site = Path(work) / "package"
        # No site_url: inside an LMS the portal's public address means nothing, and without it
        # Material keeps to plain page loads, which the launch page's frame expects.
        # Served over http by the LMS: no file:// shim, so a package needs no npm package either.
        build_language(course, LanguageBuild(lang, site, epoch, (lang,), brand=brand, scripts=scripts,
                                             portable=True, file_urls=False))
        write(site, modules)
        files = zip_tree(site, target, epoch=epoch)
    return modules, files


def build_package(course: Course, lang: str, target: Path, brand: Brand | None = None,
                  module: str | None = None, epoch: int | None = None) -> Package:
    """Build the SCORM 1.2 package of `lang` (the whole course, or one module) into the zip `target`."""
    def write(site: Path, modules: list[Module]) -> None:
        write_launch_pages(course, lang, site, modules, brand)
        identifier = "-".join(["coursegen", lang, *(m.slug for m in modules if module), *([brand.id] if brand else [])])
        write_manifest(course, lang, site, modules, brand, identifier, single=module is not None)

    target = target.resolve()
    modules, files = portable_package(course, lang, target, brand, module, epoch, tuple(SCRIPTS), "scorm", write)
    return Package(target, target.stat().st_size, [m.slug for m in modules], files)
