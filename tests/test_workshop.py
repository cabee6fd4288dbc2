"""Issue 24's workshop outputs, checked as a trainer would check them, on the shipped course.

One shared build (the module fixture): the English trainer edition under the example chamber's brand,
and the workshop pack of every module for twelve participants (modules 01 and 03 in `make test`, all of them
in `make test-all`), its page numbers read from the
edition's own anchors. The trainer edition keeps the workbook's numbering: test_pdf.py proves it page
for page on the mini course's PDFs, and here the print HTML of both editions of the shipped course is
compared (the same HTML and stylesheet lay out the same pages), which spares a 200-page layout. The
command line's refusals run on the mini course (cheap).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload

import pytest
from pypdf import PdfReader

from generator.cli.main import main
from generator.course.brand import load_brand
from generator.course.load import load_valid_course
from generator.course.model import Course, Module
from generator.engine.brand import BACKDROPS
from generator.exports.pdf import PdfResult, write_pdf
from generator.exports.workshop import PackResult, pack_file, write_pack
from generator.render.quiz import choices_in_order
from generator.render.worksheet import LETTERS
from tests.conftest import REPO, make_course, pdf_text

BRAND = REPO / "brands" / "cci-example.yml"
NAMES = [f"Participant {n:02d}" for n in range(1, 13)]
PX_PER_MM = 96 / 25.4  # WeasyPrint lays out in CSS pixels, 1/96 inch
# Each card's first line in the trainer notes' Markdown: "**Card A** · Bakery, two shops, 12 staff".
CARD_LINE = re.compile(r'<div class="cq-print-card" markdown="1">\s*\n(.+)')
Real = tuple[Course, "Pdf", PdfResult, dict[str, PackResult]]


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


class Pages(Sequence[str]):
    """Each page's text, extracted when first read: the tests read a few dozen of the trainer edition's ~290
    pages, and pypdf takes about 50 ms a page (13 s for all of them on a busy machine)."""

    def __init__(self, reader: PdfReader) -> None:
        self.reader = reader
        self.cache: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.reader.pages)

    def _text(self, index: int) -> str:
        if index not in self.cache:
            self.cache[index] = flat(pdf_text(self.reader.pages[index]))
        return self.cache[index]

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self._text(i) for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self._text(index % len(self))


class Pdf:
    """A PDF as a reader sees it: each page's text, and the page where each anchor (named destination) lands."""

    def __init__(self, path: Path) -> None:
        self.reader = PdfReader(path)
        self.texts = Pages(self.reader)
        self.anchors = {str(name): (self.reader.get_destination_page_number(dest) or 0) + 1
                        for name, dest in self.reader.named_destinations.items()}


# `make test` lays out two modules: 01 (case cards) and 03 (worksheets, message cards), each with the real
# trainer notes, quizzes and lessons, about 120 pages instead of 290 (20 s of layout saved on a quiet machine).
# `make test-all` runs every test below on the whole course, as before (a card set or print list of any module).
TWO_MODULES = ("01-goals", "03-replies")
SCOPES = [pytest.param(TWO_MODULES, id="modules-01-03"),
          pytest.param(None, id="every-module", marks=pytest.mark.exhaustive)]


@pytest.fixture(scope="module", params=SCOPES)
def real(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Real:
    out = tmp_path_factory.mktemp("workshop")
    course = load_valid_course(REPO)
    if request.param is not None:  # the same course, fewer modules: its print HTML simply has fewer chapters
        course = dataclasses.replace(course, modules=[m for m in course.modules if m.slug in request.param])
    brand = load_brand(REPO, BRAND, BACKDROPS)
    assert brand is not None and brand.funded_training and brand.site_url
    editions = {"trainer": write_pdf(course, "en", "trainer", out / "trainer.pdf", site_url=brand.site_url,
                                     brand=brand)}
    trainer = Pdf(editions["trainer"].path)
    pages = trainer.anchors  # the workbook's pages: one numbering
    packs = {m.slug: write_pack(course, m.slug, "en", NAMES, out / m.slug, brand=brand, pages=pages,
                                day=dt.date(2026, 12, 10), place="Example Valley") for m in course.modules}
    return course, trainer, editions["trainer"], packs


def test_worksheets_are_one_page_each_with_rows_of_at_least_15_mm(real: Real) -> None:
    from weasyprint import HTML

    from generator.render.handouts import Session, sheets_document

    course, learner, _, packs = real  # the trainer edition's first pages are the workbook's, same numbers
    titles = ["Sorting grid: the ten message cards", "My reply templates", "Response-time targets"]
    for n, title in enumerate(titles, 1):
        page = learner.anchors[f"sheet-03-replies-{n}"]
        assert learner.texts[page - 1].startswith(title) and title not in learner.texts[page]
    for module in course.modules:  # every module has a sheet to write on, and its own PDF of them
        assert any(a.startswith(f"sheet-{module.slug}-") for a in learner.anchors), module.slug
    module = next(m for m in course.modules if m.slug == "03-replies")
    sheets = Pdf(packs[module.slug].path / pack_file(module, "en", "worksheets"))
    assert [text.split(" Name: ")[0] for text in sheets.texts] == titles  # one page per sheet
    for frame in ("A compliment", "A complaint", "A crisis: the holding message"):
        assert frame in sheets.texts[1]
    # Heights from WeasyPrint's layout of the same document: every body row and ruled line is 15 mm or more.
    session = Session(course, module, "en", "Org", "#0b5c4a", 30, dt.date(2026, 1, 1))
    rows: list[float] = []
    lines: list[float] = []

    def walk(box: Any, header: bool) -> None:  # a WeasyPrint layout box (WeasyPrint ships no types)
        tag = getattr(box, "element_tag", None)
        element = getattr(box, "element", None)
        header = header or bool(getattr(box, "is_header", False))
        if tag == "tr" and not header:
            rows.append(float(box.height) / PX_PER_MM)
        if tag == "p" and element is not None and "sheet-line" in str(element.get("class", "")).split():
            lines.append(float(box.height) / PX_PER_MM)
        for child in getattr(box, "children", []):
            walk(child, header)

    for page in HTML(string=sheets_document(session), base_url=str(REPO)).render().pages:
        walk(page._page_box, False)
    assert len(rows) == 10 + 4 and min(rows) >= 15, rows
    assert len(lines) >= 9 and min(lines) >= 15, lines


def test_one_numbering_every_reference_resolves_and_keys_fit_one_page(real: Real) -> None:
    from bs4 import BeautifulSoup

    from generator.engine.config import markdown_extensions
    from generator.render.print_html import render_print_html

    course, trainer, result, _ = real
    learner = trainer  # pages 1 to the trainer part are the workbook's
    # The trainer edition's HTML is the workbook's, then its trainer part and answer key; the cover adds only
    # the line saying where the trainer part starts (the cover is one fixed-size page either way).
    html = {edition: BeautifulSoup(render_print_html(
        course, "en", edition, dt.date(2026, 1, 1), "Org", "", "https://x.example/", markdown_extensions(REPO)),
        "html.parser").body for edition in ("learner", "trainer")}
    for extra in html["trainer"].select("section.trainer-part, section.answer-key, p.cover-trainer"):
        extra.decompose()
    # The contents end with the trainer part: its lines in the trainer edition, the same lines unseen in the
    # workbook (so that the contents take as many pages in both).
    for edition, soup in html.items():
        line = soup.select_one("nav.toc li.toc-trainer")
        assert line is not None and line.get_text(" ", strip=True) == "For the trainer Answer key", edition
        seen = edition == "trainer"
        assert bool(line.select("a")) == seen and line.has_attr("aria-hidden") != seen
        line.decompose()
    # (Whitespace between tags aside: the template's conditional blocks leave different blank lines.)
    assert (" ".join(str(html["learner"]).replace("Learner workbook", "").replace("edition-learner", "").split())
            == " ".join(str(html["trainer"]).replace("Trainer edition", "").replace("edition-trainer", "").split()))
    assert result.warnings == ()  # no anchor left unresolved
    # Every "(p. N)" of the trainer part (notes, answer key) points at a page that holds what it names.
    start = trainer.anchors["trainer-part"]
    contents = " ".join(trainer.texts[trainer.anchors["toc-title"] - 1:trainer.anchors["p-01-goals-index"] - 1])
    assert re.search(rf"For the trainer \.* ?{start} Answer key \.* ?{trainer.anchors['answer-key']}", contents), \
        contents[-200:]
    checked = 0
    for text in trainer.texts[start - 1:]:
        for label, number in re.findall(r"((?:Check question|Question)(?: \d+)?) \(p\. (\d+)\)", text):
            assert label in learner.texts[int(number) - 1], (label, number)
            checked += 1
    assert checked > 15 * len(course.modules)  # every module's notes and key cite a dozen or more
    for n, module in enumerate(course.modules, 1):
        quiz = course.quizzes[module.quiz_id]
        page = trainer.anchors[f"quick-key-{module.slug}"]
        key = trainer.texts[page - 1]
        following = trainer.texts[page]
        assert key.startswith(f"Key: {quiz.title['en']}")
        assert following.startswith(f"Module {n + 1}. " if n < len(course.modules) else "Answer key"), following[:60]
        # Each single-choice answer: its letter and text on the key, and that letter before that text on the
        # learner's printed quiz, where the paper order (choices_in_order) puts it.
        quiz_page = " ".join(learner.texts[learner.anchors[f"quiz-{module.slug}"] - 1:
                                           learner.anchors[f"quiz-{module.slug}-end"]])
        for number, q in enumerate(quiz.questions, 1):
            if q.type != "single":
                continue
            index, choice = next((i, c) for i, c in enumerate(choices_in_order(quiz, q)) if c.correct)
            text = flat(re.sub(r"\*+", "", choice.text["en"]))
            assert f"{number} {LETTERS[index]} {text}" in key, (module.slug, q.id)
            assert f"{LETTERS[index]}. {text}" in quiz_page, (module.slug, q.id)


def test_qr_code_decodes_to_the_brand_address_with_zbarimg(real: Real, tmp_path: Path) -> None:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "Debian's zbar-tools is missing: make test installs it"
    course, _, result, packs = real
    address = "https://learn.example-valley-chamber.example/social-media/en/"
    module = next(m for m in course.modules if m.slug == "03-replies")
    for pdf, page in ((result.path, 0),
                      (packs[module.slug].path / pack_file(module, "en", "worksheets"), 0)):
        images = PdfReader(pdf).pages[page].images
        assert len(images) == 1, pdf.name
        png = tmp_path / f"{pdf.stem}.png"
        png.write_bytes(images[0].data)
        decoded = subprocess.run([zbarimg, "--quiet", "--raw", str(png)], capture_output=True, text=True, check=True)
        assert decoded.stdout.strip() == address
        assert address in flat(pdf_text(PdfReader(pdf).pages[page]))


def card_lines(module: Module) -> list[list[str]]:
    """Per card set of the module's (English) trainer notes, each card's first line as printed (no stars)."""
    assert module.trainer is not None
    sets = module.trainer.sources["en"].body.split('<div class="cq-card-set" markdown="1">')[1:]
    return [[flat(line.replace("**", "")) for line in CARD_LINE.findall(block)] for block in sets]


def test_the_pack_of_every_module_holds_what_its_print_list_names(real: Real) -> None:
    course, trainer, _, packs = real
    workbook = trainer.anchors["trainer-part"] - 1
    with_cards = {"01-goals", "03-replies", "04-moderation", "06-staff", "07-secure-local-new"}
    assert {m.slug for m in course.modules if card_lines(m)} == with_cards & {m.slug for m in course.modules}
    for module in course.modules:
        pack = packs[module.slug]
        files = {p.name for p in pack.path.iterdir()}
        cards = card_lines(module)
        assert files == set(pack.files) and len(files) == (7 if cards else 6), module.slug
        listing = Pdf(pack.path / pack.files[0]).texts
        assert len(listing) == 1
        rows = re.findall(r"([\w-]+\.pdf) (\d+(?:–\d+)?) (?:(\d+(?:–\d+)?) )?(\d+)", listing[0])
        named = {name for name, *_ in rows}
        assert named - {"course-en-learner.pdf"} == files - {pack.files[0]}, module.slug
        for name, span, in_workbook, copies in rows:
            last = int(span.split("–")[-1])
            assert last <= (workbook if name == "course-en-learner.pdf" else len(Pdf(pack.path / name).texts))
            assert not in_workbook or int(in_workbook.split("–")[-1]) < workbook
            if name.endswith("-cards.pdf"):  # one set per group of four: 12 participants, 3 sets
                assert copies == "3", (name, copies)
                first, last = int(span.split("–")[0]), int(span.split("–")[-1])
                printed, card_set = Pdf(pack.path / name).texts, cards.pop(0)  # the sets in order
                assert card_set[0] in printed[first - 1] and card_set[-1] in printed[last - 1], (name, span)
                assert all(any(card in text for text in printed[first - 1:last]) for card in card_set), name
                continue
            assert copies == ("12" if in_workbook or "satisfaction" in name else "1"), (name, copies)
        assert "Sorting grid" in listing[0] or module.slug != "03-replies"
        assert cards == [], module.slug  # a row for every set
        assert "Message cards 03-replies-en-cards.pdf" in listing[0] or module.slug != "03-replies"
        key = Pdf(pack.path / pack_file(module, "en", "key")).texts
        title = course.quizzes[module.quiz_id].title["en"]
        assert len(key) == 1 and key[0].startswith(f"Key: {title}"), module.slug
        sign_in = Pdf(pack.path / pack_file(module, "en", "sign_in")).texts[0]
        # The date as CLDR writes British English (course.yml: locale en-GB), the same on every output.
        for fact in ("Morning: signature", "Afternoon: signature", "Trainer's signature", "10 December 2026",
                     "Example Valley", "Duration 90 minutes", *NAMES):  # the run sheet's session, not the reading time
            assert fact in sign_in, (module.slug, fact)
        certificates = Pdf(pack.path / pack_file(module, "en", "certificate")).texts
        assert len(certificates) == len(NAMES)
        for name, text in zip(NAMES, certificates, strict=True):
            assert f"certifies that {name} attended" in text and "Example Valley Chamber of Commerce" in text
            assert all(flat(objective) in text for objective in module.objectives("en"))
        assert len(Pdf(pack.path / pack_file(module, "en", "satisfaction")).texts) == 1


def test_the_trainer_editions_print_list_gives_each_card_set_its_pages_one_set_per_group(real: Real) -> None:
    """Module 3's message cards run 31 of its 90 minutes: the print list must say where they are and how many."""
    course, trainer, _, _ = real
    for module in course.modules:
        cards = card_lines(module)
        listing = trainer.texts[trainer.anchors[f"trainer-{module.slug}-print"] - 1]
        spans = re.findall(r"p\. (\d+)(?:– ?(\d+))? 1 set per group of 4", listing)
        assert len(spans) == len(cards), (module.slug, listing)
        for n, (card_set, span) in enumerate(zip(cards, spans, strict=True), 1):
            first, last = int(span[0]), int(span[1] or span[0])
            anchor = f"cards-{module.slug}-{n}"
            assert (first, last) == (trainer.anchors[anchor], trainer.anchors[f"{anchor}-end"]), anchor
            assert first >= trainer.anchors["trainer-part"]
            assert card_set[0] in trainer.texts[first - 1] and card_set[-1] in trainer.texts[last - 1], anchor
    assert "Message cards p." in trainer.texts[trainer.anchors["trainer-03-replies-print"] - 1]


def test_without_a_run_sheet_the_paperwork_gives_the_modules_reading_time(tmp_path: Path) -> None:
    from generator.exports.workshop import session_minutes

    course = load_valid_course(make_course(tmp_path / "course"))  # the mini course's trainer notes have none
    module = course.modules[0]
    assert session_minutes(module, "en") == module.overview.minutes["en"]


# -- the command line ----------------------------------------------------------------------------------

BAD_CSV = "name,email\nAna,ana@example.org\n,nobody@example.org\nana,again@example.org\n"


def test_a_bad_participants_file_lists_every_problem_and_writes_nothing(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = make_course(tmp_path / "course")
    cases = {
        "bad.csv": (BAD_CSV.encode(), ["names/bad.csv:3: this row has no 'name': fill it in or delete the row "
                                       "[participants.empty_name]",
                                       "names/bad.csv:4: 'ana' is already on line 2: one row per participant "
                                       "[participants.duplicate]"]),
        "header.csv": (b"Nom;Email\nAna;a@example.org\n", [
            "names/header.csv:1: the first row must name the columns and one of them must be 'name' (found: 'nom', "
            "'email'): add a header row such as 'name,email' [participants.header]"]),
        "empty.csv": (b"name\n\n", ["names/empty.csv:1: no participant below the header row: add one name per row "
                                    "[participants.none]"]),
        "latin1.csv": ("name\nAna\nZoé\n".encode("latin-1"), [
            "names/latin1.csv:3: this file is not UTF-8: save it from your spreadsheet as 'CSV UTF-8' "
            "[participants.encoding]"]),
        "crowd.csv": (("name\n" + "".join(f"P{n}\n" for n in range(61))).encode(), [
            "names/crowd.csv:1: 61 participants, more than a workshop of 60: is this the right file? "
            "[participants.too_many]"]),
        "missing.csv": (None, ["names/missing.csv: no such file: give a CSV file with a header row holding a "
                               "'name' column [participants.missing]"]),
    }
    (root / "names").mkdir()
    for name, (data, expected) in cases.items():
        if data is not None:
            (root / "names" / name).write_bytes(data)
        pack = tmp_path / "pack"
        code = main(["--root", str(root), "workshop", "--module", "01-basics", "--participants",
                     str(root / "names" / name), "-o", str(pack)])
        err = capsys.readouterr().err.splitlines()
        assert code == 1 and err[:-1] == expected, (name, err)
        assert not pack.exists() and not list(tmp_path.glob("pack*")), name


def test_the_command_writes_a_pack_and_paperwork_only_for_a_brand_that_opts_in(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_course(tmp_path / "course")
    (root / "names.csv").write_text("Name,Company\nAna Lima,Bakery\nJo Park,Garage\n", encoding="utf-8")
    pack = tmp_path / "pack"
    args = ["--root", str(root), "workshop", "--module", "01-basics", "--participants", str(root / "names.csv"),
            "--lang", "fr", "-o", str(pack)]
    assert main(args) == 0
    assert sorted(p.name for p in pack.iterdir()) == ["01-basics-fr-key.pdf", "01-basics-fr-print-list.pdf",
                                                      "01-basics-fr-worksheets.pdf"]
    assert "funded_training: true" in capsys.readouterr().out
    assert main([*args, "--brand", str(BRAND), "--minutes", "90", "--place", "Vallée Exemple"]) == 0
    certificates = [flat(pdf_text(p)) for p in PdfReader(pack / "01-basics-fr-certificate.pdf").pages]
    assert len(certificates) == 2 and "Attestation d’assiduité" in certificates[0]
    assert "atteste que Ana Lima a suivi" in certificates[0] and "90 minutes" in certificates[0]
    assert "Bakery" not in " ".join(certificates)  # other columns stay out of every document
    assert main([*args[:-1], str(root)]) == 2  # never the course folder itself
    assert "this folder holds more than a workshop pack" in capsys.readouterr().err
    assert (root / "course.yml").is_file()
    assert main(["--root", str(root), "workshop", "--module", "09-none", "--participants",
                 str(root / "names.csv"), "-o", str(pack)]) == 2
    assert "--module 09-none: this course's modules are 01-basics" in capsys.readouterr().err
