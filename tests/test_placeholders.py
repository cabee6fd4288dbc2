"""`check` names the examples `coursegen init` wrote while they are still in the course: the organisation
"My organisation" (brand and mkdocs.yml), the example address and legal notice, the sample quiz texts.
Warnings, fatal with --strict, at the line to edit; gone once the author wrote her own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.cli.main import main
from tests.own_texts import write_own_texts


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """A coursegen command: its exit code and its warning lines, without their `warning: ` prefix."""
    code = main(list(args))
    _, err = capsys.readouterr()
    return code, [w.removeprefix("warning: ") for w in err.splitlines() if w.startswith("warning: ")]


def line_of(path: Path, text: str) -> int:
    """The 1-based line of the first line of `path` holding `text`."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_an_unchanged_init_course_fails_check_strict_at_each_example(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "course"
    assert main(["init", str(root), "--title", "Social media", "--languages", "en,fr", "-q"]) == 0
    assert run(capsys, "--root", str(root), "check")[0] == 0, "warnings only, without --strict"
    code, warnings = run(capsys, "--root", str(root), "check", "--strict")
    assert code == 1
    brand, config = root / "brands" / "default.yml", root / "mkdocs.yml"
    quiz = root / "quizzes" / "01-first-module.yml"
    placeholder = " [scaffold.placeholder]"
    name = line_of(brand, 'en: "My organisation"')
    expected = [
        f"brands/default.yml:{name}: 'My organisation' is the example "
        "`coursegen init` wrote (name.en): replace it with the name of the organisation that publishes the "
        "course [scaffold.placeholder]",
        f"brands/default.yml:{line_of(brand, 'contact@example.org')}: 'contact@example.org' is the example "
        "`coursegen init` wrote (contact.email): replace it with the address learners write to "
        "[scaffold.placeholder]",
        f"brands/default.yml:{line_of(brand, 'This course is published by')}: 'This course is published by My "
        "organisation. …' is the example `coursegen init` wrote (legal.en): replace it with your own "
        "legal notice (the publisher, the director of publication, the web host) [scaffold.placeholder]",
        f"mkdocs.yml:{line_of(config, 'copyright:')}: 'My organisation' is the example name `coursegen init` wrote "
        "(copyright): replace it with the name of the organisation that publishes the course (the footer and the "
        "PDF cover show it) [scaffold.placeholder]",
        f"mkdocs.yml:{line_of(config, 'site_author:')}: 'My organisation' is the example name `coursegen init` "
        "wrote (site_author): replace it with the name of the organisation that publishes the course (the footer "
        "and the PDF cover show it) [scaffold.placeholder]",
        f"quizzes/01-first-module.yml:{line_of(quiz, 'Write the question here.')}: 'Write the question here.' is an "
        "example text `coursegen init` wrote (questions.prompt.en): replace it with your own text "
        "[scaffold.placeholder]",
        f"quizzes/01-first-module.yml:{line_of(quiz, 'Écrivez la question ici.')}: 'Écrivez la question ici.' is "
        "an example text `coursegen init` wrote (questions.prompt.fr): replace it with your own text "
        "[scaffold.placeholder]",
    ]
    missing = [line for line in expected if line not in warnings]
    assert not missing, "\n".join(warnings)
    assert all(w.endswith(placeholder) for w in warnings), "nothing else is left to do in an init course"
    # Every text of both quizzes, in both languages: the module quiz's title and 12 question texts, the check
    # questions' title and 8 (the scaffold writes the same feedback twice).
    assert sum(w.startswith("quizzes/01-first-module.yml:") for w in warnings) == 2 * 13
    assert sum(w.startswith("quizzes/01-first-module-checks.yml:") for w in warnings) == 2 * 9

    write_own_texts(root)
    assert run(capsys, "--root", str(root), "check", "--strict") == (0, [])


def test_the_examples_are_found_whatever_the_organisation_and_in_a_new_quiz(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "course"
    assert main(["init", str(root), "--languages", "fr", "--brand-name", "CCI Exemple", "-q"]) == 0
    brand = root / "brands" / "default.yml"
    legal = yaml.safe_load(brand.read_text(encoding="utf-8"))["legal"]["fr"]  # init's, with her name in it
    write_own_texts(root, "CCI Exemple")
    own = json.loads(brand.read_text(encoding="utf-8"))
    brand.write_text(json.dumps({**own, "legal": {"fr": legal}}, ensure_ascii=False, indent=1), encoding="utf-8")
    assert main(["--root", str(root), "new", "quiz", "extra"]) == 0
    quiz = root / "quizzes" / "extra.yml"
    code, warnings = run(capsys, "--root", str(root), "check", "--strict")
    assert code == 1
    legal_line = line_of(brand, '"legal"') + 1
    assert (f"brands/default.yml:{legal_line}: 'Ce cours est publié par CCI "
            "Exemple. Écrivez ici …' is the example `coursegen init` wrote (legal.fr): replace it with "
            "your own legal notice (the publisher, the director of publication, the web host) "
            "[scaffold.placeholder]") in warnings
    assert (f"quizzes/extra.yml:{line_of(quiz, 'Questions de contrôle')}: 'Questions de contrôle (extra)' is an "
            "example text `coursegen init` wrote (title.fr): replace it with your own text "
            "[scaffold.placeholder]") in warnings
    assert not [w for w in warnings if "CCI Exemple'" in w or w.startswith("mkdocs.yml")], "her name is no example"
