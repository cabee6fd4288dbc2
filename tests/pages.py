"""Which pages of the shipped course the per-page checks of `make test` read; `make test-all` reads them all.

axe's rules and the Nu checker look at the template (header, nav, search, footer, quiz markup) and at the
kinds of content (tables, admonitions, code, worksheets, check questions), not at the words: a page of each
kind finds what every page would. The link checker and the offline and SCORM link checks still read every
page in `make test`.
"""

from __future__ import annotations

# One page of each template and kind of content, per language: what the Nu checker reads in `make test`
# (Java's start-up costs more than these pages do).
SAMPLE = [
    "index.html",  # the language chooser
    *(f"{lang}/{path}" for lang in ("en", "fr") for path in (
        "index.html", "404.html", "progress/index.html", "certificate/index.html",
        "glossary/index.html", "about/index.html", "accessibility/index.html", "authoring/index.html",
        "deploy/index.html", "tools/index.html", "tools/reply-bank/index.html",
        "tools/summaries/03-replies/index.html", "tools/smart-goal-worksheet/index.html",
        "03-replies/index.html", "03-replies/02-reply-frameworks/index.html", "03-replies/quiz/index.html",
        "05-measuring/quiz/index.html", "05-measuring/03-engagement-rate/index.html",
    )),
]

# One page of each template for a left-to-right language, the languages taking turns so that both builds
# are read: what axe reads in `make test` (about a second a page). The reference and tool pages share the
# content template, read here on the worksheet (a table, code, headings). The right-to-left direction is
# tests/test_lang_arabic.py's; a quiz after answering and the search dialog are tests of their own.
AXE_PAGES = [
    "index.html",  # the language chooser
    "en/index.html",  # home: module cards, tables, admonitions
    "fr/404.html",
    "fr/progress/index.html",
    "en/certificate/index.html",
    "fr/03-replies/index.html",  # a module's overview
    "en/03-replies/02-reply-frameworks/index.html",  # a lesson: table, admonitions, code, a check question
    "fr/05-measuring/quiz/index.html",  # a module quiz
    "en/tools/smart-goal-worksheet/index.html",  # a content page: worksheet table, code
]
