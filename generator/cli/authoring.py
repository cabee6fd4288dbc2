"""Commands for authors and translators: `translated` (record up-to-date translations) and `guide` (the
authoring guide), and the notices `check` adds about languages."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.common import EXIT_OK
from generator.cli.log import LOGGER as log

if TYPE_CHECKING:
    from generator.course.model import Course


def material_notices(course: Course) -> list[str]:
    """Languages whose few words of Material's own (search box, navigation) stay in English."""
    from generator.course.languages import COURSE_FILE
    from generator.engine.adapter import material_knows

    return [f"{COURSE_FILE}:{language.line}: Material for MkDocs has no translation into '{language.code}': its own "
            "few words (the search box, the navigation buttons) stay in English; coursegen's texts and yours "
            "are in that language" for language in course.declared if not material_knows(language.code)]


def cmd_translated(args: argparse.Namespace) -> int:
    from generator.course.load import load_valid_course
    from generator.course.record_translation import record_translations

    course = load_valid_course(args.root)
    changed = record_translations(course, [Path(p) for p in args.files], args.lang, args.question or ())
    for path in changed:
        log.info(f"recorded {path.relative_to(args.root) if path.is_relative_to(args.root) else path}")
    log.info(f"{len(changed)} file(s) changed: `coursegen check` now compares them with these sources")
    return EXIT_OK


def cmd_guide(args: argparse.Namespace) -> int:
    from generator.output import partial_file
    from generator.render.guide import guide_html, serve_guide

    if args.serve:
        serve_guide(args.guide_lang, args.dev_addr,
                    lambda url: log.info(f"the authoring guide ({args.guide_lang}) on {url}; Ctrl-C to stop"))
        return EXIT_OK
    suffix = "" if args.guide_lang == "en" else f".{args.guide_lang}"
    target = args.output or Path(f"authoring-guide{suffix}.html")
    page = guide_html(args.guide_lang)  # an unknown --lang stops here, before anything is written
    with partial_file(target) as partial:
        partial.write_text(page, encoding="utf-8")
    log.info(f"wrote {target}: the authoring guide ({args.guide_lang}), one page any browser opens")
    return EXIT_OK
