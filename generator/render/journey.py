"""Pages and page parts of the learner's journey: resume box, progress page, certificate.

The browser side (theme/assets/cq/progress.js) reads a small course map written into the
pages that need it, so it knows lessons, durations, quizzes and links in the page's language.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable

import yaml
from markupsafe import Markup

from generator.course.markdown_scan import directives
from generator.course.model import Course, Module, Page
from generator.render.quiz import environment

# url(from_docs, to_docs) -> a relative URL usable in raw HTML
Url = Callable[[str, str], str]


def course_id(course: Course) -> str:
    """A stable name for progress files: the same course gives the same id on every host."""
    base = re.sub(r"[^a-z0-9]+", "-", course.title(course.languages[0]).lower()).strip("-") or "course"
    digest = hashlib.sha256(",".join(m.slug for m in course.modules).encode()).hexdigest()[:8]
    return f"{base}-{digest}"


def lesson_checks(course: Course, lesson: Page) -> list[list[str]]:
    """[quiz id, question id] of every check question embedded in a lesson."""
    found: list[list[str]] = []
    for _, kind, quiz_id, qid in directives(lesson.sources[course.languages[0]].body):
        quiz = course.quizzes.get(quiz_id)
        if quiz is None:
            continue
        found += [[quiz_id, q.id] for q in quiz.questions if kind == "quiz" or q.id == qid]
    return found


def course_map(course: Course, lang: str, from_docs: str, url: Url, only: str | None = None) -> str:
    """The JSON map progress.js reads, as an inert <script type="application/json"> block.

    `only` keeps one module: a module overview's resume box reads no other, and the whole map
    on every overview made a 1,000-lesson course write 25 MB of maps per language (bench/).
    """
    modules = []
    for module in course.modules:
        if only is not None and module.slug != only:
            continue
        quiz = course.quizzes[module.quiz_id]
        modules.append({
            "slug": module.slug, "title": module.overview.title(lang), "quiz": quiz.id,
            "pass": quiz.pass_mark, "total": quiz.size, "ids": [q.id for q in quiz.questions],
            **({"exam": True} if quiz.mode == "exam" else {}),
            "quizHref": url(from_docs, f"{module.slug}/quiz.md"),
            "lessons": [{"slug": lesson.slug, "title": lesson.title(lang), "duration": lesson.minutes[lang],
                         "href": url(from_docs, lesson.slug + ".md"), "checks": lesson_checks(course, lesson)}
                        for lesson in module.lessons],
        })
    data = json.dumps({"id": course_id(course), "modules": modules}, ensure_ascii=False, separators=(",", ":"))
    # "</" inside a script block would end it early; JSON allows the escaped slash.
    return '<script type="application/json" id="cq-map">' + data.replace("</", "<\\/") + "</script>"


def resume_box(scope: str = "", practice: str = "") -> str:
    """Filled by progress.js: where to continue, what is done and the time left; with `practice` (the
    practice page's URL, on the home page), how many questions are due for practice today."""
    due = f'<p class="cq-resume-practice" hidden><a href="{practice}"></a></p>' if practice else ""
    return (f'<div class="cq-resume admonition note" data-cq-resume="{scope}" hidden>'
            f'<p class="cq-resume-next"></p><p class="cq-resume-stats"></p>{due}</div>')


def certificate_button(href: str, t: dict[str, str]) -> str:
    """"Get my certificate", shown by progress.js where it is earned: every module quiz passed."""
    return (f'<p class="cq-cert-go" hidden><a class="md-button md-button--primary" href="{href}">'
            f'{t["get_certificate"]}</a></p>')


def lesson_place(module: Module, lesson: Page, lang: str, t: dict[str, str]) -> str:
    """"Lesson 2 of 5 · 7 min", under the lesson's title (the minutes computed for `lang`)."""
    n = module.lessons.index(lesson) + 1
    text = t["lesson_place"].format(n=n, t=len(module.lessons), min=lesson.minutes[lang])
    return f'<p class="cq-place">{text}</p>'


def duration_text(minutes: int, t: dict[str, str]) -> str:
    """4 h 05 min, or 35 min under an hour."""
    if minutes < 60:
        return f"{minutes}\u00a0{t['minutes']}"
    return t["att_hours"].format(h=minutes // 60, m=f"{minutes % 60:02d}")


def module_cards(course: Course, lang: str, from_docs: str, url: Url) -> str:
    """The home page's module cards: title, duration, objectives, a progress bar and Start or Continue.

    Above them, the whole course at a glance, computed like every other duration (reading_time.py: the
    lessons' minutes added up), so that the home page, the cards, the overviews and "min left" agree."""
    strings = course.strings[lang]
    # "5 lessons" is a counted string: Polish writes 5 lekcji, Czech 5 lekcí (a label after a number is not).
    cards = [{"slug": m.slug, "title": m.overview.title(lang), "href": url(from_docs, m.overview.slug + ".md"),
              "duration": m.overview.minutes[lang], "lessons": strings.count("site.lesson_count", len(m.lessons)),
              "objectives": m.objectives(lang)}
             for m in course.modules]
    t = strings.site
    minutes = sum(m.overview.minutes[lang] for m in course.modules)
    glance = t["course_glance"].format(modules=strings.count("site.module_count", len(cards)),
                                       lessons=strings.count("site.lesson_count",
                                                             sum(len(m.lessons) for m in course.modules)),
                                       hours=minutes // 60, minutes=f"{minutes % 60:02d}")
    html = environment().get_template("cards.html.j2").render(cards=cards, t=t, glance=glance)
    return "\n".join(line for line in html.split("\n") if line.strip())


def lesson_marker(lesson: Page) -> str:
    """The end of a lesson: progress.js counts the lesson read when the learner scrolls it into view."""
    return f'<div class="cq-page" data-cq-lesson="{lesson.slug}" aria-hidden="true"></div>'


def _page(title: str, description: str, body: str) -> str:
    meta = {"title": title, "description": description}
    lines = "\n".join(x for x in body.split("\n") if x.strip())
    return ("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"
            + f"# {title}\n\n" + lines + "\n")


def progress_page(course: Course, lang: str, url: Url) -> str:
    t = course.strings[lang].site
    docs = "progress.md"
    rows = [{"quiz": m.quiz_id, "title": m.overview.title(lang), "href": url(docs, m.overview.slug + ".md"),
             "lessons": len(m.lessons)} for m in course.modules]
    body = environment().get_template("progress.md.j2").render(
        rows=rows, t=t, resume=Markup(resume_box()), course_map=Markup(course_map(course, lang, docs, url)),
        certificate=Markup(certificate_button(url(docs, "certificate.md"), t)))
    return _page(t["progress"], t["progress_intro"], body)


def certificate_page(course: Course, lang: str, url: Url, issuer: str | None = None,
                     attestation: bool = False) -> str:
    """The certificate: what was done (quizzes passed, lessons read); `attestation` gives France's
    attestation de fin de formation (Code du travail L6353-1): objectives, nature and duration of the
    training, results of the assessment."""
    t = course.strings[lang].site
    docs = "certificate.md"
    objectives = [{"title": m.overview.title(lang), "objectives": m.objectives(lang)} for m in course.modules]
    minutes = sum(m.overview.minutes[lang] for m in course.modules)
    body = environment().get_template("certificate.md.j2").render(
        t=t, course_title=course.title(lang), issuer=issuer or course.title(lang), attestation=attestation,
        locale=course.strings[lang].cldr_locale, objectives=objectives, duration=duration_text(minutes, t),
        course_map=Markup(course_map(course, lang, docs, url)))
    return _page(t["att_title" if attestation else "cert_title"], t["cert_intro"], body)
