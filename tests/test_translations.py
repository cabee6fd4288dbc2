"""Translations still to do, as `check` reports them: copied catalogues, scaffold pages, sources changed since
their translation was recorded (`coursegen translated`). Warnings, fatal with --strict, at the line to edit."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli.main import main
from generator.course.catalogue import REFERENCE, STRINGS_DIR, installed_theme
from generator.course.problems import Problems
from generator.course.record_translation import record_page
from generator.course.untranslated import SCAFFOLD_NOTE, copied_texts
from generator.course.yamlfile import LineDict, load_yaml_file
from tests.conftest import make_course
from tests.own_texts import write_own_texts


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    """A coursegen command: its exit code, its stdout and its stderr lines."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of `path` that starts with `text` (after its indentation)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(text))


def test_check_names_a_copied_catalogue_and_every_scaffold_page_strict_fails(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Breton: coursegen has neither a catalogue nor page templates for it, and Material does not translate it.
    root = tmp_path / "kentel"
    assert main(["init", str(root), "--title", "Kentel", "--languages", "en,br", "--brand-name", "Ti"]) == 0
    capsys.readouterr()
    strings = root / "theme" / STRINGS_DIR / "br.yml"
    home, lesson = root / "pages" / "index.br.md", root / "modules" / "01-first-module" / "01-first-lesson.br.md"

    code, out, err = run(capsys, "--root", str(root), "check")
    assert code == 0, "warnings only, without --strict"
    assert (f"notice: course.yml:{line_of(root / 'course.yml', '- code: br')}: Material for MkDocs has no "
            "translation into 'br': its own few words (the search box, the navigation buttons) stay in English; "
            "coursegen's texts and yours are in that language") in out
    warnings = [w.removeprefix("warning: ") for w in err]
    # The first text of en.yml with a word of its own (`colon: ':'` and `question: Question` are shared).
    copied = [w for w in warnings if w.endswith("[strings.untranslated]")]
    assert len(copied) == 1 and copied[0].startswith(f"theme/strings/br.yml:{line_of(strings, 'of: of')}: "), err
    assert "texts are those of en.yml, not translated into 'br': site.of, site.check, site.retry, " in copied[0]
    scaffold = [w for w in warnings if w.endswith("[i18n.scaffold_untranslated]")]
    assert f"pages/index.br.md:{line_of(home, SCAFFOLD_NOTE)}: this br page is still the English text coursegen " \
           "wrote, under its 'Translate this page' note: translate the page, then delete the note " \
           "[i18n.scaffold_untranslated]" in scaffold
    assert (f"modules/01-first-module/01-first-lesson.br.md:{line_of(lesson, SCAFFOLD_NOTE)}: this br page is "
            "still the English text coursegen wrote, under its 'Translate this page' note: translate the page, "
            "then delete the note [i18n.scaffold_untranslated]") in scaffold
    # Every Breton page of init has the note (home, overview, lesson, trainer notes); no English one.
    assert len(scaffold) == 4, scaffold
    assert not any(".br.md" not in w for w in scaffold)
    assert run(capsys, "--root", str(root), "check", "--strict")[0] == 1

    # Translated but for three texts: the pages lose their note, the catalogue its other English texts (words
    # both languages share may stay).
    for page in root.rglob("*.br.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(SCAFFOLD_NOTE, "!!! note \"Kentel\""), encoding="utf-8")
    english = yaml.safe_load(strings.read_text(encoding="utf-8"))
    data = breton(english)
    for section, key in (("site", "check"), ("print", "contents"), ("quiz_js", "right")):
        data[section][key] = english[section][key]
    strings.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    written = load_yaml_file(strings, Problems(root))
    assert isinstance(written, LineDict)
    code, _, err = run(capsys, "--root", str(root), "check")
    # The count is of en.yml's texts (the Breton copy has more plural forms than English).
    total = texts_in(yaml.safe_load((installed_theme() / STRINGS_DIR / f"{REFERENCE}.yml").read_text(encoding="utf-8")))
    assert [w.removeprefix("warning: ") for w in err if "untranslated]" in w] == [
        f"theme/strings/br.yml:{written['site'].line_of('check')}: 3 of the {total} texts are those of en.yml, not "
        "translated into 'br': site.check, print.contents, quiz_js.right; translate them (words most languages "
        "share, such as 'Quiz' or 'PDF', are not counted; a text that is rightly the same ends its line with "
        "'# same as en.yml') [strings.untranslated]"]
    strings.write_text(yaml.safe_dump(breton(english), allow_unicode=True), encoding="utf-8")
    write_own_texts(root)  # init's example quiz texts, a warning of their own (tests/test_placeholders.py)
    code, out, err = run(capsys, "--root", str(root), "check", "--strict")
    assert code == 0 and not [w for w in err if "untranslated]" in w], err


def texts_in(node: object) -> int:
    """How many texts a catalogue holds (a list of names, the months, is one text)."""
    if isinstance(node, dict):
        return sum(texts_in(v) for v in node.values())
    return 1 if isinstance(node, (str, list)) else 0  # not `reviewed: true`


def breton(node: object) -> object:
    """A stand-in translation: every text changed, except those that are only words shared with English."""
    if isinstance(node, dict):
        return {k: breton(v) for k, v in node.items()}
    if isinstance(node, list):
        return [breton(v) for v in node]
    if isinstance(node, str) and node.strip() and node.lower() not in {"pdf", "quiz", "module", "score"}:
        return f"{node} (br)"
    return node


def test_every_shipped_catalogue_is_translated() -> None:
    """A shipped catalogue must not give `strings.untranslated` to every course that declares its language."""
    folder = installed_theme() / STRINGS_DIR
    problems = Problems(folder)
    reference = load_yaml_file(folder / f"{REFERENCE}.yml", problems)
    assert isinstance(reference, LineDict)
    for path in sorted(folder.glob("*.yml")):
        data = load_yaml_file(path, problems)
        if path.stem != REFERENCE:
            assert isinstance(data, LineDict)
            # A word this language really shares with English belongs in untranslated.SAME_WORDS; anything else
            # is a text still to translate.
            assert copied_texts(data, reference, path.read_text(encoding="utf-8").splitlines()) == [], path.name
    assert copied_texts(reference, reference), "the English catalogue compared with itself is all copied"


def test_a_text_rightly_the_same_as_english_can_say_so(tmp_path: Path) -> None:
    """French 'Participant' is French: its line says so, and only the unmarked copy is reported."""
    path = tmp_path / "fr.yml"
    path.write_text("site:\n  home: Home\n  lessons: Lessons  # same as en.yml\n", encoding="utf-8")
    english = tmp_path / "en.yml"
    english.write_text("site:\n  home: Home\n  lessons: Lessons\n", encoding="utf-8")
    problems = Problems(tmp_path)
    data, reference = load_yaml_file(path, problems), load_yaml_file(english, problems)
    assert isinstance(data, LineDict) and isinstance(reference, LineDict)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert copied_texts(data, reference, lines) == [("site.home", 2)]
    assert copied_texts(data, reference) == [("site.home", 2), ("site.lessons", 3)]


def test_a_translation_falls_behind_when_its_source_changes(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = make_course(tmp_path / "course")
    quiz = root / "quizzes" / "01-basics.yml"
    before = quiz.read_text(encoding="utf-8").split("\n")
    code, out, _ = run(capsys, "--root", str(root), "translated")
    assert code == 0 and "recorded quizzes/01-basics.yml" in out and "recorded modules/01-basics/02-smart.fr.md" in out
    after = quiz.read_text(encoding="utf-8").split("\n")
    # Only record lines were added: the author's layout, comments and order stay.
    assert [line for line in after if "translated_from" not in line] == before
    assert after[4].startswith('translated_from: {fr: "') and after[7].startswith('    translated_from: {fr: "')
    assert run(capsys, "--root", str(root), "check", "--strict")[0] == 0
    assert run(capsys, "--root", str(root), "translated")[1][-1].startswith("0 file(s) changed")

    # A translator's own edit is not a change of the source.
    french = root / "modules" / "01-basics" / "02-smart.fr.md"
    french.write_text(french.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    assert run(capsys, "--root", str(root), "check", "--strict")[0] == 0

    english = root / "modules" / "01-basics" / "02-smart.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    quiz.write_text(quiz.read_text(encoding="utf-8").replace('"Which goal is SMART?"', '"Which goal is SMARTer?"'),
                    encoding="utf-8")
    code, _, err = run(capsys, "--root", str(root), "check")
    assert code == 0
    stale = [w.removeprefix("warning: ") for w in err if w.endswith("[i18n.translation_stale]")]
    page_line, question_line = line_of(french, "translated_from:"), line_of(quiz, "translated_from:") + 3
    # What the records were, and what `translated` would now record (in a copy, to keep these files stale).
    was = [record(french, page_line), record(quiz, question_line)]
    copy = make_course(tmp_path / "copy", root)
    assert main(["--root", str(copy), "translated"]) == 0
    now = [record(copy / french.relative_to(root), page_line), record(copy / "quizzes" / quiz.name, question_line)]
    assert was[0] != now[0] and was[1] != now[1]
    assert stale == [
        f"modules/01-basics/02-smart.fr.md:{page_line}: the en text of this page changed after its fr translation "
        f"was recorded (translated_from {was[0]}, now {now[0]}): bring the fr text up to date, then run `coursegen "
        "translated modules/01-basics/02-smart.fr.md` [i18n.translation_stale]",
        f"quizzes/01-basics.yml:{question_line}: the en text of this question 'single-1' changed after its fr "
        f"translation was recorded (translated_from {was[1]}, now {now[1]}): bring the fr text up to date, then run "
        "`coursegen translated quizzes/01-basics.yml --lang fr --question single-1` [i18n.translation_stale]"], err
    assert run(capsys, "--root", str(root), "check", "--strict")[0] == 1

    # Another question recorded again does not hide the one still waiting.
    code, out, _ = run(capsys, "--root", str(root), "translated", str(quiz), "--lang", "fr", "--question", "multi-1")
    assert code == 0 and out[-1].startswith("0 file(s) changed")
    assert [w for w in run(capsys, "--root", str(root), "check")[2] if "single-1" in w]

    # The translator brings both up to date and records them, as the warnings said: check is clean again.
    assert run(capsys, "--root", str(root), "translated", str(french))[0] == 0
    code, out, _ = run(capsys, "--root", str(root), "translated", str(quiz), "--lang", "fr", "--question", "single-1")
    assert code == 0 and out[-1].startswith("1 file(s) changed")
    assert run(capsys, "--root", str(root), "check", "--strict")[0] == 0


def test_a_fingerprint_of_digits_stays_a_text(tmp_path: Path) -> None:
    """YAML reads 012345670123 as a number (an octal one): the record is written quoted."""
    page = tmp_path / "lesson.fr.md"
    page.write_text("---\ntitle: Leçon\ndescription: Une leçon.\n---\n\nTexte.\n", encoding="utf-8")
    assert record_page(page, "012345670123")
    front = yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])
    assert front == {"title": "Leçon", "description": "Une leçon.", "translated_from": "012345670123"}
    assert not record_page(page, "012345670123"), "the same record again changes nothing"


def record(path: Path, line: int) -> str:
    """The fingerprint recorded on a line: `translated_from: abc` (a page) or `translated_from: {fr: abc}`."""
    text = path.read_text(encoding="utf-8").split("\n")[line - 1]
    return text.split(":")[-1].strip(' }"')


def test_translated_refuses_the_source_language_and_unknown_files(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = make_course(tmp_path / "course")
    code, _, err = run(capsys, "--root", str(root), "translated", "--lang", "en")
    assert code != 0 and err == ["error: --lang en: give a translated language of course.yml (fr); en is the language "
                                 "translations are made from"]
    code, _, err = run(capsys, "--root", str(root), "translated", str(root / "course.yml"))
    assert code != 0 and err[0].startswith("error: not a page or a quiz of this course: ")
    quiz = str(root / "quizzes" / "01-basics.yml")
    code, _, err = run(capsys, "--root", str(root), "translated", quiz, "--question", "nope")
    assert code != 0 and err == ["error: --question nope: quizzes/01-basics.yml has no such question"]
    code, _, err = run(capsys, "--root", str(root), "translated", "--question", "single-1")
    assert code != 0 and err[0].startswith("error: --question: name one quiz file")
