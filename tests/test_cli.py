"""The commands an author types, run as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)


def test_help_for_every_command(tmp_path: Path) -> None:
    for command in ([], ["build"], ["check"], ["serve"], ["new"], ["init"], ["fix-typography"]):
        result = run(*command, "--help", cwd=tmp_path)
        assert result.returncode == 0 and "usage: coursegen" in result.stdout


def test_shipped_course_checks_clean() -> None:
    result = run("check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 7 modules")


def test_check_reports_problems_without_a_traceback(course: Path) -> None:
    quiz = course / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("pass_mark: 75", "pass_mark: 75\npass_mark: 80"),
                    encoding="utf-8")
    result = run("check", cwd=course)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "quizzes/01-basics.yml:5: duplicate key 'pass_mark' (first on line 4): keep only one [yaml.duplicate_key]",
        "1 problem found; nothing was written.",
    ]
    assert "Traceback" not in result.stderr


def test_build_then_a_broken_build_leaves_site_alone(course: Path) -> None:
    assert run("build", cwd=course).returncode == 0
    before = (course / "site" / "en" / "01-basics" / "quiz" / "index.html").read_bytes()
    (course / "modules" / "01-basics" / "02-smart.fr.md").unlink()
    result = run("build", cwd=course)
    assert result.returncode == 1
    assert "modules/01-basics/02-smart.md: no fr version" in result.stderr
    assert (course / "site" / "en" / "01-basics" / "quiz" / "index.html").read_bytes() == before


def test_new_module_and_quiz_build_at_once(course: Path) -> None:
    made = run("new", "module", "pricing-posts", cwd=course)
    assert made.returncode == 0, made.stderr
    assert "created modules/02-pricing-posts/index.md" in made.stdout
    assert run("new", "quiz", "extra-checks", cwd=course).returncode == 0
    assert run("new", "quiz", "extra-checks", cwd=course).returncode == 2
    result = run("build", "--lang", "fr", cwd=course)
    assert result.returncode == 0, result.stderr
    assert (course / "site" / "fr" / "02-pricing-posts" / "quiz" / "index.html").is_file()


def test_fix_typography_reports_a_broken_file_like_check_and_leaves_it(course: Path) -> None:
    lesson = next((course / "modules").glob("*/01-*.fr.md"))
    broken = lesson.read_text(encoding="utf-8").replace("title:", "title: [unclosed", 1) + "\nUn point : ici.\n"
    lesson.write_text(broken, encoding="utf-8")
    quiz = course / "quizzes" / "01-basics.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + "\n  - {broken\n", encoding="utf-8")
    result = run("fix-typography", cwd=course)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    rel = lesson.relative_to(course).as_posix()
    lines = result.stderr.splitlines()
    # The line that opens the bracket never closed (2), not the one where YAML gave up looking for it (3).
    assert lines[0] == (f"{rel}:2: front matter: YAML syntax error: the '[' opened on this line is never closed: "
                        "expected ',' or ']' before the next line: close it with ']' [yaml.syntax]")
    assert lines[1].startswith("quizzes/01-basics.yml:") and lines[1].endswith("[yaml.syntax]")
    assert lines[2] == "2 problems found; those files were not changed."
    assert set(lines[:2]) <= set(run("check", cwd=course).stderr.splitlines())  # the same words as `check`
    assert lesson.read_text(encoding="utf-8") == broken


def test_fix_typography_spaces_french_and_leaves_text_marked_as_english(course: Path) -> None:
    lesson = next((course / "modules").glob("*/01-*.fr.md"))
    added = "\nVoir *Reviews: the case of Yelp*{lang=en} : ici « oui ».\n"
    lesson.write_text(lesson.read_text(encoding="utf-8") + added, encoding="utf-8")
    result = run("fix-typography", cwd=course)
    assert result.returncode == 0, result.stderr
    assert lesson.read_text(encoding="utf-8").endswith(
        "\nVoir *Reviews: the case of Yelp*{lang=en}\u00a0: ici «\u00a0oui\u00a0».\n")
    assert run("check", cwd=course).returncode == 0


def test_check_outside_a_course_says_there_is_none_and_how_to_start_one(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"course.yml: no course here: neither {tmp_path.resolve()} nor a folder above it holds a course.yml: start "
        "one with `coursegen init my-course` (then `cd my-course`), or give the course folder with --root "
        "[course.not_found]",
        "1 problem found; nothing was written.",
    ]
    given = run("--root", str(tmp_path), "build", cwd=REPO)
    assert given.returncode == 1 and "Traceback" not in given.stderr
    assert given.stderr.startswith(f"course.yml: no course here: {tmp_path.resolve()} holds no course.yml: ")


def test_check_reports_content_and_brand_problems_together(course: Path) -> None:
    (course / "brands").mkdir()
    brand = (REPO / "brands" / "default.yml").read_text(encoding="utf-8")
    (course / "brands" / "default.yml").write_text(brand.replace('primary: "#4051b5"', 'primary: "#ffff00"'),
                                                    encoding="utf-8")
    (course / "modules" / "01-basics" / "02-smart.fr.md").unlink()
    quiz = course / "quizzes" / "01-basics-checks.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("    type: single\n", "    type: single\n    answer: true\n"), encoding="utf-8")
    result = run("check", cwd=course)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "brands/default.yml:8: colour 'primary' #ffff00 has a contrast of 1.1:1 against the white header text and "
        "the links drawn in it; WCAG AA needs 4.5:1: use a darker shade such as #7a7a00 [brand.contrast]",
        "modules/01-basics/02-smart.md: no fr version: create modules/01-basics/02-smart.fr.md "
        "[i18n.missing_translation]",
        "quizzes/01-basics-checks.yml:7: question 'why': 'answer' belongs to true-false and numeric questions and a "
        "single-choice question marks its right choice with 'correct: true': remove 'answer' "
        "[quiz.field_not_for_type]",
        "3 problems found; nothing was written.",
    ]


def test_scorm_and_export_write_to_their_defaults_and_the_date_notice_comes_once_where_needed(course: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}  # a copy without git, no date given

    def coursegen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", *args], cwd=course, capture_output=True, text=True,
                              timeout=300, check=False, env=env)

    notice = "notice: no git history here: outputs are dated by the newest source file"
    scorm = coursegen("scorm")
    assert scorm.returncode == 0, scorm.stderr
    assert (course / "site" / "downloads" / "scorm" / "course-en.zip").is_file()
    assert scorm.stdout.count(notice) == 1  # the zip is dated: said once
    banks = coursegen("export", "--format", "gift")
    assert banks.returncode == 0, banks.stderr
    assert (course / "trainer" / "question-banks" / "fr" / "all-quizzes.gift").is_file()
    assert notice not in banks.stdout  # question banks carry no date: nothing to say
    assert coursegen("-q", "export", "--format", "moodle-xml").stdout == ""
    assert coursegen("check", "-q").stdout == ""
    verbose = coursegen("-v", "check")
    assert verbose.stdout.splitlines()[0] == f"course folder: {course.resolve()}"


def test_fix_typography_touches_only_the_french_text_of_a_flow_mapping(tmp_path: Path) -> None:
    """`{en: …, fr: …, de: …}`: the French gets its spaces, the German key after it stays a key."""
    from generator.course.typography import fix_file

    quiz = tmp_path / "q.yml"
    quiz.write_text('title: {en: "Rate: 80 %", fr: "Taux: 80 %", de: "Rate: 80 %"}\n', encoding="utf-8")
    assert fix_file(quiz)
    fixed = 'title: {en: "Rate: 80 %", fr: "Taux\u00a0: 80\u00a0%", de: "Rate: 80 %"}\n'
    assert quiz.read_text(encoding="utf-8") == fixed
