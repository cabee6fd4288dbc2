"""Find English interface phrases in a course's outputs: the test of issue 21's "no English unless the
author wrote it" (tests/test_no_english.py) and the measurement behind its note.

A phrase is a literal part of an `en.yml` text, between its {placeholders}, trimmed of punctuation:
"{n} of {t} questions checked." gives "of" and "questions checked". It counts as found when it stands as
whole words, in any case, in what a reader sees: a page's text with its `aria-label`, `title`, `alt` and
`placeholder` attributes (scripts and styles left out), a PDF's text, a question bank's texts. Material's
own English (its partials/languages/en.html) is looked for the same way on pages.
"""

from __future__ import annotations

import functools
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pypdf
import yaml
from bs4 import BeautifulSoup

from generator.course.catalogue import REFERENCE, STRINGS_DIR, installed_theme

# One-word entries spelled the same in English and in a language these tests build (es, ca, de, ar), so
# finding them proves nothing. Each with its reason, and each found in the outputs or catalogues of those
# builds (measured; an entry that no longer is can go); a phrase of two words or more is never excused.
SAME_IN_BOTH = {
    "min": "the minute's symbol (SI), written so in es, ca and de",
    "h": "the hour's symbol (SI)",
    "pdf": "a file format's name",
    "mb": "the megabyte's symbol",
    "position": "German for position (Position)",
    "status": "German for status (Status, de.yml's progress table heading)",
    "navigation": "German for navigation (Navigation, Material's de.html)",
    "in": "a German and Catalan preposition (Material's blog.categories.in)",
    "module": "German plural of Modul (Module)",
    "downloads": "German for downloads (Downloads, as Duden has it)",
    "name": "German for name (Name, the workshop sheets' name line)",
    "minute": "German for minute (1 Minute, a counted string's one form)",
    "participant": "Catalan for participant (the test course's trainer notes: 'cada participant')",
    # CLDR's German month names in a PDF's date (the build date's month), four spelled as in English.
    **{month: "a German month, spelled as in English" for month in ("april", "august", "september", "november")},
}
# The catalogue sections that are not interface text: cue words of `coursegen check`.
NOT_SHOWN = {"item_writing"}
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
PLACEHOLDER = re.compile(r"\{\w+\}")
EDGE = re.compile(r"^\W+|\W+$")


def _fragments(text: str) -> Iterator[str]:
    for part in PLACEHOLDER.split(text):
        fragment = EDGE.sub("", part.replace("`", " ").strip())
        if re.search(r"[^\W\d_]", fragment) and fragment.lower() not in SAME_IN_BOTH:
            yield fragment


def strings_in(value: object) -> Iterator[str]:
    """Every text inside a catalogue's value: a text, a mapping (plural forms, a section) or a list."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


@functools.cache
def catalogue_phrases() -> frozenset[str]:
    """Every phrase of the installed en.yml a reader could see."""
    path = installed_theme() / STRINGS_DIR / f"{REFERENCE}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(f for section, value in data.items() if section not in NOT_SHOWN
                     for text in strings_in(value) for f in _fragments(text))


@functools.cache
def material_phrases() -> frozenset[str]:
    """Material for MkDocs' own English interface texts (search box, footer, clipboard...)."""
    en = files("material") / "templates" / "partials" / "languages" / "en.html"
    pairs = re.findall(r'^\s*"([\w.]+)": "(.*)",?$', en.read_text(encoding="utf-8"), re.MULTILINE)
    return frozenset(f for key, text in pairs if key not in {"language", "direction"}
                     and not key.startswith("search.config") for f in _fragments(text.replace("#", " ")))


@functools.cache
def _pattern(phrase: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def found_in(text: str, phrases: frozenset[str]) -> set[str]:
    """The phrases that stand as whole words in `text`."""
    lowered = text.lower()  # a substring test first: most phrases are not there at all, and it costs little
    return {p for p in phrases if p.split()[0].lower() in lowered and _pattern(p).search(text)}


def page_text(html: str) -> str:
    """What a reader of a page sees or hears: its text and its labelling attributes, without scripts.

    Code is left out too: it is literal (a path such as `stats/passed/01-objetivos.svg`, a command),
    not interface language, and the same in every language."""
    page = BeautifulSoup(html, "html.parser")
    for hidden in page(["script", "style", "code"]):
        hidden.decompose()
    labels = [str(tag[name]) for tag in page.find_all(True) for name in ATTRIBUTES if tag.has_attr(name)]
    return "\n".join([page.get_text("\n"), *labels])


# A file name the PDF cites (01-objetivos/projector.html in the offline zip course-es-offline.zip): on a page it is
# <code>, which page_text leaves out; a PDF's text has no such mark, so names are taken out here alike.
FILE_NAME = re.compile(r"[\w./-]+\.(?:html|zip|pdf|json|ics|csv|svg)\b")


def pdf_text(data: bytes) -> str:
    import unicodedata

    reader = pypdf.PdfReader(io.BytesIO(data))
    return FILE_NAME.sub(" ", unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages)))


# What a bank holds that is the format's syntax, not text Moodle shows: GIFT's comments, its true/false
# keywords ({TRUE#...}, {F}) and Moodle's `$course$` category token.
GIFT_SYNTAX = re.compile(r"^//.*$|\{(?:TRUE|FALSE|T|F)(?=[#}])|\$course\$", re.MULTILINE)


def bank_text(path: Path) -> str:
    """The texts Moodle shows from a bank: GIFT without its syntax words; Moodle XML's <text> elements
    (HTML unwrapped), but not a true/false question's answers, which are Moodle's keywords `true` and
    `false` (Moodle shows its own, translated, words for them)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".gift":
        return GIFT_SYNTAX.sub(" ", raw)
    bank = ET.fromstring(raw)
    keywords = {id(text) for question in bank.iter("question") if question.get("type") == "truefalse"
                for answer in question.iter("answer") for text in answer.findall("text")}
    texts = [element.text for element in bank.iter("text") if element.text and id(element) not in keywords]
    return GIFT_SYNTAX.sub(" ", "\n".join(BeautifulSoup(t, "html.parser").get_text(" ") for t in texts))


def outputs(root: Path) -> Iterator[tuple[str, str, str]]:
    """(kind, name, text) of every output of a course built as tests/conftest.py's build_every_output does:
    pages of the site, PDFs, pages of the offline zips and SCORM packages, question banks."""
    for path in sorted((root / "site").rglob("*.html")):
        yield "pages", str(path.relative_to(root)), page_text(path.read_text(encoding="utf-8"))
    for path in sorted([*(root / "site" / "downloads").glob("*.pdf"), *(root / "trainer").glob("*.pdf")]):
        yield "pdf", path.name, pdf_text(path.read_bytes())
    for kind, packages in (("offline", (root / "site" / "downloads").glob("*.zip")),
                           ("scorm", (root / "scorm").glob("*.zip"))):
        for package in sorted(packages):
            with zipfile.ZipFile(package) as archive:
                for name in archive.namelist():
                    if name.endswith(".html"):
                        yield kind, f"{package.name}:{name}", page_text(archive.read(name).decode("utf-8"))
    # The banks' README.txt is for the host's IT person, not a bank: it is coursegen's documentation.
    for path in sorted(p for p in (root / "banks").rglob("*.*") if p.suffix in (".gift", ".xml")):
        yield "banks", str(path.relative_to(root)), bank_text(path)


def english_left(root: Path) -> dict[str, dict[str, set[str]]]:
    """kind -> phrase -> the outputs it was found in: en.yml's phrases everywhere, Material's on pages."""
    found: dict[str, dict[str, set[str]]] = {}
    for kind, name, text in outputs(root):
        phrases = catalogue_phrases() | (material_phrases() if kind != "banks" and kind != "pdf" else frozenset())
        for phrase in found_in(text, phrases):
            found.setdefault(kind, {}).setdefault(phrase, set()).add(name)
    return found
