"""The PDF workbook and trainer edition, read back with pypdf the way a reader's viewer sees them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfua
import pikepdf
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from generator.course.load import load_valid_course
from generator.course.model import Question
from generator.engine.config import markdown_extensions
from generator.exports.pdf import PdfResult, content_date, write_pdf
from generator.output import build_epoch
from generator.render.print_html import page_anchor, render_print_html
from tests.conftest import REPO, make_course, make_typed_course, pdf_text

TOC_LINE = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")
TRAINER_NOTE = "Bring sticky notes and a timer for the goal exercise."
# What WeasyPrint tags in pieces or without a scope (see generator/exports/pdf_tags.py): a heading long
# enough to wrap, holding an abbreviation, a Markdown table (column headers) and an HTML one with row headers.
TABLES = {
    "en": ("## A goal that names a number, a date and a KPI before anyone opens a page, writes a post or buys an "
           "advertisement\n\n| Goal | Measure |\n|---|---|\n| Visits | 200 a week |\n| Calls | 10 a week |\n\n"
           '<table><tr><th scope="row">Owner</th><td>Manager</td></tr>'
           '<tr><th scope="row">Deadline</th><td>June</td></tr></table>\n'),
    "fr": ("## Un objectif qui fixe un chiffre, une date et un KPI avant d’ouvrir une page, de publier ou d’acheter "
           "une publicité\n\n| Objectif | Mesure |\n|---|---|\n| Visites | 200 par semaine |\n"
           "| Appels | 10 par semaine |\n\n"
           '<table><tr><th scope="row">Responsable</th><td>Gérante</td></tr>'
           '<tr><th scope="row">Échéance</th><td>Juin</td></tr></table>\n'),
}


def flat(text: str) -> str:
    """Text as one line: the PDF breaks lines wherever the page is full."""
    return " ".join(text.replace("-\n", "-").split())


def plain(author_text: str) -> str:
    """Author text as printed: the **bold** and *italic* marks, and `{lang=xx}` after them, become formatting."""
    return flat(re.sub(r"\{lang=[\w-]+\}", "", author_text).replace("**", "").replace("*", ""))


def pages(pdf: Path) -> list[str]:
    return [pdf_text(page) for page in PdfReader(pdf).pages]


def two_module_course(dest: Path) -> Path:
    """The mini course with a second module and trainer notes for the first one."""
    root = make_course(dest)
    modules = root / "modules"
    shutil.copytree(modules / "01-basics", modules / "02-more")
    for name, title in (("index.md", "More basics"), ("index.fr.md", "Encore des bases")):
        path = modules / "02-more" / name
        text = path.read_text(encoding="utf-8").replace("quiz: 01-basics", "quiz: 02-more")
        path.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M), encoding="utf-8")
    shutil.copy(root / "quizzes" / "01-basics.yml", root / "quizzes" / "02-more.yml")
    for lang, name in (("en", "01-goal-first.md"), ("fr", "01-goal-first.fr.md")):
        lesson = modules / "02-more" / name
        lesson.write_text(lesson.read_text(encoding="utf-8") + "\n" + TABLES[lang], encoding="utf-8")
    for name, text in (("trainer.md", TRAINER_NOTE), ("trainer.fr.md", "Apportez des post-it et un minuteur.")):
        (modules / "01-basics" / name).write_text(
            f"---\ntitle: Trainer notes\ndescription: Notes.\n---\n\n## Plan\n\n{text}\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def mini_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PdfResult]:
    """Both editions in both languages of the two-module course, keyed "en-learner" and so on."""
    root = two_module_course(tmp_path_factory.mktemp("pdf") / "course")
    course = load_valid_course(root)
    return {f"{lang}-{edition}": write_pdf(course, lang, edition, root / "out" / f"{lang}-{edition}.pdf")
            for lang in ("en", "fr") for edition in ("learner", "trainer")}


def toc_entries(texts: list[str]) -> list[tuple[str, int]]:
    """The printed contents, which may run over several pages until module 1 starts."""
    first = next(i for i, text in enumerate(texts) if text.lstrip().startswith(("Contents", "Sommaire")))
    end = next(i for i in range(first + 1, len(texts)) if flat(texts[i]).startswith("MODULE 1 "))
    contents = "\n".join(texts[first:end])
    found = [TOC_LINE.match(line.strip()) for line in contents.splitlines()]
    return [(m["title"].strip(), int(m["page"])) for m in found if m]


def check_toc(pdf: Path, module_titles: list[str]) -> list[tuple[str, int]]:
    """Every contents entry points at the page where its heading is, and modules start there."""
    texts = pages(pdf)
    entries = toc_entries(texts)
    assert entries, "no contents entries found"
    for title, number in entries:
        shown = re.sub(r"^Module \d+\. ", "", title)
        assert shown in flat(texts[number - 1]), f"'{shown}' is not on page {number}"
    modules = [(title, number) for title, number in entries if re.match(r"^Module \d+\. ", title)]
    assert [re.sub(r"^Module \d+\. ", "", t) for t, _ in modules] == module_titles
    for n, (title, number) in enumerate(modules, 1):
        start = flat(texts[number - 1])
        assert start.startswith(f"MODULE {n} {title.split('. ', 1)[1]}"), f"module {n} does not start on page {number}"
        assert f"MODULE {n} " not in flat(texts[number - 2]), f"module {n} already started before page {number}"
    # The viewer's bookmarks come from the headings themselves: they must agree with the printed contents.
    reader = PdfReader(pdf)
    marks = {str(o.title): (reader.get_destination_page_number(o) or 0) + 1
             for o in reader.outline if not isinstance(o, list)}
    for title, number in modules:
        assert marks[title.split(". ", 1)[1]] == number
    return entries


def answer_texts(q: Question, lang: str) -> list[str]:
    """What only an answer key may print: explanations and every piece of feedback."""
    texts = [q.explanation[lang]] + [c.feedback[lang] for c in q.choices] + [i.feedback[lang] for i in q.items]
    texts += [a.feedback[lang] for a in q.answers]
    # Very short feedback ("Yes.") could occur anywhere by chance; every real explanation is longer.
    return [plain(t) for t in texts if len(t) >= 15]


def test_contents_page_numbers_match_where_modules_and_lessons_start(mini_pdfs: dict[str, PdfResult]) -> None:
    for key, titles in (("en-learner", ["Basics", "More basics"]), ("fr-trainer", ["Les bases", "Encore des bases"])):
        entries = check_toc(mini_pdfs[key].path, titles)
        assert len(entries) >= 8


def test_the_trainer_edition_is_the_workbook_page_for_page_then_its_trainer_part(
        mini_pdfs: dict[str, PdfResult]) -> None:
    # One numbering (issue 24): a page number printed in either edition, or said aloud, is the same page in both.
    for lang, edition_names, trainer_part, key in (
            ("en", ("Learner workbook", "Trainer edition"), "For the trainer", "Answer key"),
            ("fr", ("Cahier du participant", "Édition formateur"), "Pour le formateur", "Corrigé")):
        learner, trainer = pages(mini_pdfs[f"{lang}-learner"].path), pages(mini_pdfs[f"{lang}-trainer"].path)
        # The trainer edition's contents end with its trainer part and answer key, lines the workbook keeps
        # unseen: the same pages, and nothing of the trainer part in the participants' copy.
        listed = re.compile(rf" {trainer_part} \.+ (\d+) {key} \.+ (\d+)(?= |$)")
        found = listed.search(flat(trainer[1]))
        assert found and flat(trainer[int(found[1]) - 1]).startswith(trainer_part), flat(trainer[1])
        assert trainer_part not in flat(learner[1])
        trainer[1] = listed.sub("", flat(trainer[1]))
        # Without the running lines, which name the edition and count the pages (the cover says where the
        # trainer part starts, so it is left out).
        body = [re.sub(r"(?:page|Page) \d+ / \d+", "", flat(t)) for t in learner[1:] + trainer[1:len(learner)]]
        body = [b.replace(edition_names[0], "").replace(edition_names[1], "").strip() for b in body]
        assert len(trainer) > len(learner)
        assert body[:len(learner) - 1] == body[len(learner) - 1:]
        assert flat(trainer[len(learner)]).startswith(trainer_part)


def test_learner_edition_has_worksheets_and_no_answer_anywhere(mini_pdfs: dict[str, PdfResult]) -> None:
    course = load_valid_course(mini_pdfs["en-learner"].path.parent.parent)
    for lang in ("en", "fr"):
        text = flat("\n".join(pages(mini_pdfs[f"{lang}-learner"].path)))
        for quiz in course.quizzes.values():
            for q in quiz.questions:
                assert plain(q.prompt[lang]) in text
                for answer in answer_texts(q, lang):
                    assert answer not in text, f"{quiz.id}/{q.id}: answer text in the {lang} learner workbook"
        assert "Answer key" not in text and "Corrigé" not in text
        assert TRAINER_NOTE not in text and "post-it" not in text
    english = flat("\n".join(pages(mini_pdfs["en-learner"].path)))
    assert "Tick one answer." in english and "Tick every right answer." in english
    assert "Write the letter of the matching item" in english and "A. Response time" in english


def test_trainer_edition_has_notes_and_every_answer(mini_pdfs: dict[str, PdfResult]) -> None:
    course = load_valid_course(mini_pdfs["en-trainer"].path.parent.parent)
    for lang, key_title, notes in (("en", "Answer key", TRAINER_NOTE), ("fr", "Corrigé", "Apportez des post-it")):
        texts = pages(mini_pdfs[f"{lang}-trainer"].path)
        assert notes in flat("\n".join(texts))
        start = next(i for i, t in enumerate(texts) if i > 2 and flat(t).startswith(f"{key_title} "))
        key = flat("\n".join(texts[start:]))
        for quiz in course.quizzes.values():
            for q in quiz.questions:
                assert plain(q.explanation[lang]) in key
                if q.type in ("single", "multiple"):
                    for choice in q.choices:
                        assert (plain(choice.text[lang]) in key) == choice.correct, f"{q.id}/{choice.id}"
                if q.type == "ordering":  # the steps follow the prompt in the right order
                    at = key.index(plain(q.prompt[lang]))
                    for item in q.items:
                        at = key.index(plain(item.text[lang]), at + 1)
                if q.type == "matching":
                    for item in q.items:
                        assert re.search(re.escape(plain(item.text[lang])) + r" → [A-Z]\. "
                                         + re.escape(plain(item.right[lang] if item.right else "")), key)
    english = flat("\n".join(pages(mini_pdfs["en-trainer"].path)))
    assert "Right answer: False" in english and "Right answer: Setting a goal" in english


def test_metadata_title_language_and_tagging(mini_pdfs: dict[str, PdfResult]) -> None:
    for key, title, lang in (("en-learner", "Mini course: Learner workbook", "en"),
                             ("fr-trainer", "Mini cours\u00a0: Édition formateur", "fr")):
        reader = PdfReader(mini_pdfs[key].path)
        catalog = reader.trailer["/Root"]
        assert reader.metadata is not None and reader.metadata.title == title
        assert catalog["/Lang"] == lang
        assert bool(catalog["/MarkInfo"]["/Marked"]) is True  # a tagged PDF, as PDF/UA-1 requires
        assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"]) is True
        assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data()
        assert mini_pdfs[key].warnings == ()


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every element of the PDF's structure tree, parents first."""
    found: list[pikepdf.Dictionary] = []
    stack: list[object] = [pdf.Root.StructTreeRoot.K]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append(node)
            if "/K" in node:
                stack.append(node.K)
    return found


def test_pdfua_runs_every_rule_and_finds_nothing(mini_pdfs: dict[str, PdfResult]) -> None:
    # pdfua checks 16 of PDF/UA-1's 106 machine-checkable rules: a clean report claims those, no more.
    # A rule that crashes is reported as skipped with exit code 0, so "skipped" is checked on its own.
    for key, result in mini_pdfs.items():
        report = pdfua.validate(str(result.path))
        assert [o.rule_id for o in report.outcomes] == list(pdfua.default_registry().ids())
        assert [(o.rule_id, o.skipped_reason) for o in report.skipped] == [], key
        assert [(f.rule_id, f.message) for f in report.findings] == [], key
        assert report.exit_code == 0


def test_table_header_cells_carry_their_scope_and_headings_are_one_piece(mini_pdfs: dict[str, PdfResult]) -> None:
    for key, (owner, heading, end) in {"en-learner": ("Owner", "A goal that names a number", "advertisement"),
                                       "fr-trainer": ("Responsable", "Un objectif qui fixe", "publicité")}.items():
        text = next(t for t in pages(mini_pdfs[key].path) if heading in t)
        assert owner in text
        # The long heading wraps (so WeasyPrint tags it in pieces, one a line and one for its abbreviation).
        assert not next(line for line in text.splitlines() if line.startswith(heading)).endswith(end)
        with pikepdf.open(mini_pdfs[key].path) as pdf:
            elements = structure(pdf)
            cells = [e for e in elements if e.S == pikepdf.Name.TH]
            # Every header cell has its scope; among them (worksheets, print lists and keys have tables too), the
            # Markdown table's two column headers, then the HTML table's two row headers (scope="row").
            scopes = [str(c.A.Scope) for c in cells if str(c.A.O) == "/Table"]
            assert len(scopes) == len(cells) and set(scopes) == {"/Column", "/Row"}
            lesson = ["/Column"] * 2 + ["/Row"] * 2
            assert any(scopes[i:i + 4] == lesson for i in range(len(scopes))), scopes
            headings = [e for e in elements if str(e.S) in {f"/H{n}" for n in range(1, 7)}]
            assert len(headings) > 15
            # Each heading, the wrapped one too, is one marked-content piece: what pdfua's UA-14-001 can read.
            for element in headings:
                assert isinstance(element.K, pikepdf.Dictionary) and isinstance(element.K.K, int), key


def test_cover_footer_running_header_and_links_on_paper(mini_pdfs: dict[str, PdfResult]) -> None:
    texts = pages(mini_pdfs["en-learner"].path)
    cover = flat(texts[0])
    assert "Mini course" in cover and "Learner workbook" in cover and "Language English" in cover
    total = len(texts)
    number, lesson = next((n, flat(t)) for n, t in enumerate(texts, 1) if "A bakery opened a page without a goal" in t)
    # The running header names the module and the edition; the footer counts pages.
    assert lesson.endswith(f"Basics Learner workbook page {number} / {total}")
    # A link to another lesson prints the page it is on.
    match = re.search(r"See the second lesson \(p\. (\d+)\)", lesson)
    assert match and "Give a number and a date" in flat(texts[int(match[1]) - 1])
    # The home page is not printed: its link stays as words, without a dead reference.
    smart = next(flat(t) for t in texts if "Give a number and a date" in t)
    assert "Back to the home page." in smart


def test_the_date_is_the_content_date_and_the_file_is_reproducible(course: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 January 2026
    loaded = load_valid_course(course)
    one = write_pdf(loaded, "fr", "learner", tmp_path / "one.pdf")
    two = write_pdf(loaded, "fr", "learner", tmp_path / "two.pdf")
    assert one.path.read_bytes() == two.path.read_bytes()
    assert "Contenu à jour au 1 janvier 2026" in flat(pages(one.path)[0])
    assert PdfReader(one.path).metadata.creation_date.year == 2026


@pytest.fixture(scope="module")
def real_learner_html() -> BeautifulSoup:
    """The print HTML of the shipped course's English learner workbook, as write_pdf renders it before layout.

    Laying out its 200 pages took half a minute, and reading them back as long again; the layout itself
    (contents page numbers, module starts, bookmarks) is proven on the mini courses above and in
    tests/test_lang_*.py. What only the shipped course can show is its content, read here from the HTML."""
    course = load_valid_course(REPO)
    return BeautifulSoup(render_print_html(course, "en", "learner", content_date(build_epoch(REPO)),
                                           extensions=markdown_extensions(REPO)), "html.parser")


def test_shipped_course_workbook_contents_answers_and_references(real_learner_html: BeautifulSoup) -> None:
    course = load_valid_course(REPO)
    html = real_learner_html
    # The contents list every module in order, then every lesson of the module, its quiz and its worksheets
    # (module 3 declares three; the others get an action plan made of their objectives).
    entries = html.select("nav.toc > ul > li.toc-top:not(.toc-trainer)")
    # The trainer edition's contents line for its trainer part holds its place here, unseen and unread.
    unseen = html.select("nav.toc > ul > li.toc-trainer")
    assert len(unseen) == 1 and unseen[0]["aria-hidden"] == "true" and not unseen[0].select("a")
    modules = [(entry.a.get_text(), [a.get_text() for a in entry.select(":scope > ul a")]) for entry in entries[:-1]]
    sheets = {"03-replies": ["Sorting grid: the ten message cards", "My reply templates", "Response-time targets"]}
    assert modules == [(f"Module {n}. {m.overview.title('en')}",
                        [*(p.title("en") for p in m.lessons), course.quizzes[m.quiz_id].title["en"],
                         *sheets.get(m.slug, ["My action plan"])])
                       for n, m in enumerate(course.modules, 1)]
    assert entries[-1].span.get_text() == "Tools and reference"
    # Each lesson is printed in full under the heading the contents point at (the PDF had 201 pages).
    for module in course.modules:
        for lesson in module.lessons:
            section = html.find("section", id=page_anchor(lesson.slug))
            assert section.h2.get_text() == lesson.title("en")
            assert len(flat(section.get_text())) > 500, lesson.slug
    # What WeasyPrint would warn about: a reference to a missing anchor, an image it cannot find.
    ids = {str(tag["id"]) for tag in html.find_all(id=True)}
    references = [str(a["href"]) for a in html.select("a[href^='#']")]
    assert len(references) > 100
    assert [r for r in references if r[1:] not in ids] == []
    images = [str(img["src"]) for img in html.find_all("img")]
    assert [src for src in images if not src.startswith("data:") and not (REPO / src).is_file()] == []
    # Every question is printed, and no answer anywhere.
    text = flat(html.body.get_text())
    prompts = 0
    for quiz in course.quizzes.values():
        for q in quiz.questions:
            prompts += plain(q.prompt["en"]) in text
            for answer in answer_texts(q, "en"):
                assert answer not in text, f"{quiz.id}/{q.id}: answer text in the learner workbook"
    assert prompts == sum(len(quiz.questions) for quiz in course.quizzes.values())


def test_command_line_shows_progress_and_refuses_an_ambiguous_output(course: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli.main import main

    assert main(["--root", str(course), "pdf", "-o", str(tmp_path / "all.pdf")]) == 2
    assert "choose one --lang and one --edition" in capsys.readouterr().err
    assert not (tmp_path / "all.pdf").exists()
    target = tmp_path / "fr-trainer.pdf"
    assert main(["--root", str(course), "pdf", "--lang", "fr", "--edition", "trainer", "-o", str(target)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "loading and checking the course"
    assert any(line.startswith("fr trainer: ") and "pages laid out" in line for line in out)
    assert any(line.startswith("fr trainer: wrote fr-trainer.pdf, ") for line in out)
    assert PdfReader(target).metadata.title == "Mini cours\u00a0: Édition formateur"


def test_typed_questions_get_a_box_to_write_in_and_their_answers_in_the_key(tmp_path: Path) -> None:
    course = load_valid_course(make_typed_course(tmp_path / "course"))
    learner = flat("\n".join(pages(write_pdf(course, "en", "learner", tmp_path / "learner.pdf").path)))
    assert "What is its engagement rate? Write the number in the box. %" in learner
    assert "Write your answer in the box: a word or a few words." in learner
    for q in course.quizzes["01-basics"].questions[-2:]:
        for answer in answer_texts(q, "en"):
            assert answer not in learner
    assert "counted right" not in learner and "key performance indicator" not in learner
    texts = pages(write_pdf(course, "fr", "trainer", tmp_path / "trainer.pdf").path)
    start = next(i for i, t in enumerate(texts) if i > 2 and flat(t).startswith("Corrigé "))
    key = flat("\n".join(texts[start:]))  # flat() reads non-breaking spaces as spaces
    assert "Bonne réponse : 4,5 % (comptée juste de 4,4 % à 4,6 %)" in key
    assert ("Erreurs fréquentes : 2,25 % : C’est le taux sur les 4 000 abonnés : divisez par la "
            "portée.") in key
    assert "Bonne réponse : KPI (autres réponses acceptées : indicateur clé de performance ou ICP)" in key
    assert "ROI ou RSI : Le ROI est un indicateur parmi d’autres" in key
    assert "Bonne réponse : 25 % (comptée juste de 24,5 % à 25,5 %)" in key


def test_a_part_over_three_pages_is_listed_from_its_first_page(tmp_path: Path) -> None:
    """The workshop pack's print list reads its page numbers from anchor_pages: a quiz laid over pp. 65-67
    was listed as "page 67" (WeasyPrint gives the split box's id on each of its pages)."""
    from generator.exports.pdf import anchor_pages
    from generator.render.print_list import page_span

    lines = "".join(f"<p>Question line {n}</p>" for n in range(150))
    html = (f"<html><body><p id='before'>Cover</p><section id='quiz' style='break-before: page'>{lines}"
            "<span id='quiz-end'></span></section></body></html>")
    pages = anchor_pages(html, tmp_path)
    assert pages["before"] == 1 and pages["quiz-end"] >= 4
    assert page_span(pages["quiz"], pages["quiz-end"]) == f"2\u2013{pages['quiz-end']}"
