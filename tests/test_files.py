"""Reading files written by people: encodings, sizes, hostile YAML."""

from __future__ import annotations

from pathlib import Path

from generator.course.load import load_valid_course
from generator.course.problems import ContentError, Problems
from generator.course.yamlfile import load_yaml_file
from tests.conftest import make_course


def problems_for(path: Path) -> list[str]:
    problems = Problems(path.parent)
    load_yaml_file(path, problems)
    return [str(p) for p in problems.sorted()]


def test_latin1_file_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "q.yml"
    path.write_bytes("title: ok\nkind: check\nfr: \"Réponse\"\n".encode("latin-1"))
    assert problems_for(path) == [
        "q.yml:3: the file is not UTF-8 (byte 0xe9): save it as UTF-8 in your editor [file.encoding]"]


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "q.yml"
    path.write_bytes("\ufefftitle: ok\r\nkind: check\r\n".encode())
    problems = Problems(tmp_path)
    assert load_yaml_file(path, problems) == {"title": "ok", "kind": "check"}
    assert not problems


def test_a_50_mb_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yml"
    with path.open("wb") as f:
        f.write(b"title: x\nquestions:\n")
        f.write(b"  - id: q\n" * 5_000_000)
    found = problems_for(path)
    assert found == ["huge.yml: file is 50,000,020 bytes; the limit is 1,000,000: split it or remove pasted data"
                     " [file.too_large]"]


def test_a_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    (tmp_path / "q.yml").mkdir()  # what `quizzes/*.yml` finds may be a folder: reading it fails
    assert problems_for(tmp_path / "q.yml") == ["q.yml: cannot read the file: Is a directory [file.unreadable]"]


def test_billion_laughs_is_refused_not_expanded(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    path = tmp_path / "bomb.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems_for(path)
    assert found == ["bomb.yml:2: YAML aliases (*name) are not allowed: write the text out in full [yaml.alias]"]


def test_every_problem_is_collected_in_one_pass(tmp_path: Path) -> None:
    root = make_course(tmp_path / "course")
    (root / "quizzes" / "01-basics.yml").write_text("title: [\n", encoding="utf-8")
    (root / "modules" / "01-basics" / "02-smart.fr.md").unlink()
    (root / "pages" / "index.md").write_bytes(b"---\ntitle: \xff\n---\n")
    try:
        load_valid_course(root)
    except ContentError as exc:
        codes = sorted(p.code for p in exc.problems)
    else:
        raise AssertionError("a broken course loaded")
    assert codes == ["file.encoding", "i18n.missing_translation", "yaml.syntax"]
