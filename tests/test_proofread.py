"""`check --language-tools`: Grammalecte and hunspell, the real tools, read the built pages (issue 23)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.exports.proofread import Accepted, paragraphs, proofread, read_config

REPO = Path(__file__).resolve().parent.parent
PAGE = """<html><body><article class="md-content__inner md-typeset">
<h1>Une leçon</h1>
<p>Ils mange une pomme. La page est prête à 80\u00a0%.</p>
<p>Le <code>mkdocs.yml</code> ne compte pas, ni <span lang="en">the English words</span>.</p>
<pre><code>Ils mange du code</code></pre>
</article></body></html>"""


def site(tmp_path: Path, html: str, lang: str = "fr") -> Path:
    page = tmp_path / lang / "01-basics" / "01-lesson"
    page.mkdir(parents=True)
    (page / "index.html").write_text(html, encoding="utf-8")
    return tmp_path / lang


def test_the_text_read_is_the_learners_prose_with_its_non_breaking_spaces() -> None:
    assert paragraphs(PAGE, "fr") == ["Une leçon", "Ils mange une pomme. La page est prête à 80\u00a0%.",
                                      "Le X ne compte pas, ni X."]


def test_grammalecte_finds_a_slip_on_its_page_and_sentence_until_it_is_accepted(tmp_path: Path) -> None:
    french = site(tmp_path, PAGE)
    found = proofread(french, "fr", Accepted())
    assert [(f.page, f.sentence) for f in found if f.rule.startswith("g2__conj")] == [
        ("fr/01-basics/01-lesson/", "Ils mange une pomme.")] * 2  # the verb, and the subject that disagrees
    assert str(found[0]).startswith("fr/01-basics/01-lesson/: ") and "[language.g2__conj" in str(found[0])
    accepted = Accepted(accepted=[{"rule": f.rule, "sentence": "Ils mange une pomme.", "reason": "quoted"}
                                  for f in found])
    assert proofread(french, "fr", accepted) == []


def test_hunspell_checks_english_against_the_course_word_list(tmp_path: Path) -> None:
    english = site(tmp_path, "<article><p>We recieve every review on Tuesdays via Someka.</p></article>", "en")
    found = proofread(english, "en", Accepted())
    assert [(f.rule, f.message) for f in found] == [
        ("spelling", "'recieve' is not in the en_GB dictionary"),
        ("spelling", "'Someka' is not in the en_GB dictionary")]
    assert proofread(english, "en", Accepted(words={"en": {"Someka"}}))[0].message.startswith("'recieve'")


def test_a_question_number_is_read_apart_from_its_prompt() -> None:
    html = ('<article><fieldset><legend><span class="cq-number">Question 3 sur 4</span> '
            '<span class="cq-prompt">Vrai ou faux : la page <em lang="en">Small Business Guide</em> aide.</span>'
            '</legend></fieldset></article>')
    assert paragraphs(html, "fr") == ["Question 3 sur 4", "Vrai ou faux : la page X aide."]


def test_a_rule_turned_off_is_silent_even_where_grammalecte_cannot_turn_it_off(tmp_path: Path) -> None:
    french = site(tmp_path, PAGE)
    rules = {f.rule for f in proofread(french, "fr", Accepted()) if f.rule.startswith("g2__conj")}
    assert rules  # graph rules: grammalecte-cli's -roff leaves them on, the course's rules_off must not
    assert not [f for f in proofread(french, "fr", Accepted(rules_off={r: "test" for r in rules}))
                if f.rule in rules]


def test_hunspell_reads_typographic_apostrophes_possessives_and_numbers(tmp_path: Path) -> None:
    english = site(tmp_path, "<article><p>The patients’ questions, Doran’s method and module 4's lesson; "
                             "Doran’s recieved.</p></article>", "en")
    found = proofread(english, "en", Accepted(words={"en": {"Doran"}}))
    assert [f.message for f in found] == ["'recieved' is not in the en_GB dictionary"]


def test_quiz_texts_carry_their_language_marks() -> None:
    from generator.render.quiz import inline, inline_text, sentence

    assert str(inline("le livre *Hug Your Haters*{lang=en}")) == 'le livre <em lang="en">Hug Your Haters</em>'
    assert str(inline_text("le livre *Hug Your Haters*{lang=en}")) == "le livre Hug Your Haters"
    assert str(sentence("avec la mention «\u00a0vérifié\u00a0»")).endswith("».")
    assert str(sentence("«\u00a0J’en ai assez\u00a0!\u00a0»")).endswith("!\u00a0»")


def test_a_language_mark_adds_no_reading_time() -> None:
    from generator.course.reading_time import words

    assert words("Dans *Hug Your Haters*{lang=en} (2016), **Hear**{lang=en} (écouter).") == words(
        "Dans *Hug Your Haters* (2016), **Hear** (écouter).") == 7


def test_the_course_config_keys_each_exception_with_its_reason() -> None:
    config = read_config(REPO)
    assert all(reason.strip() for reason in [*config.options_off.values(), *config.rules_off.values()])
    assert all(a.get("rule") and a.get("sentence") and a.get("reason") for a in config.accepted)


def test_without_the_tools_check_says_how_to_install_them(course: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    for tool in ("git",):  # a PATH with neither Grammalecte nor hunspell
        if found := shutil.which(tool):
            (bare / tool).symlink_to(found)
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--language-tools"], cwd=course,
                            capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "PATH": str(bare)})
    assert result.returncode == 2
    assert "hunspell is not installed: install them with `apt-get install grammalecte-cli hunspell " \
           "hunspell-en-gb hunspell-fr` (Debian, Ubuntu), or run `coursegen check` without --language-tools" \
           in result.stderr


@pytest.mark.exhaustive
def test_the_shipped_course_has_no_language_slip_left(tmp_path: Path) -> None:
    """Every French page through Grammalecte, every English page through hunspell: 0 findings not accepted."""
    from generator.build import BuildOptions, build

    config = read_config(REPO)
    for lang in ("en", "fr"):
        build(REPO, tmp_path / lang, BuildOptions(langs=(lang,)))
        found = proofread(tmp_path / lang / lang, lang, config)
        assert [str(f) for f in found] == [], f"{lang}: {len(found)} left"
