"""Proofread the built pages with real language tools: Grammalecte for French, hunspell for other languages.

The tools read the text a learner reads: each built page's article, paragraph by paragraph, with code,
keyboard keys and passages in another language (`lang="…"`) left out, and the non-breaking spaces the
build put in kept (raw Markdown would give the tools front matter and syntax to complain about).

What is accepted lives in the course's `language-tools.yml`, every entry with its reason: Grammalecte
options and rules turned off, single findings accepted by rule and exact sentence, and the words (names,
brands, borrowed terms) the dictionaries lack. Anything else found is a problem line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import UsageError

CONFIG = "language-tools.yml"
GRAMMALECTE = "grammalecte-cli"
HUNSPELL = "hunspell"
GRAMMAR_LANGUAGE = "fr"  # the language Grammalecte knows; other languages get hunspell's spelling check
INSTALL = ("install them with `apt-get install grammalecte-cli hunspell hunspell-en-gb hunspell-fr` (Debian, "
           "Ubuntu), or run `coursegen check` without --language-tools")
_BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "summary", "legend", "label", "dt", "dd", "figcaption")
# A question's legend holds its number ("Question 3 sur 4") and its prompt side by side: read as one sentence,
# "Question 3 sur 4 Vrai ou faux" makes Grammalecte ask for "Vrais". Each is a block of its own.
_PARTS = ".cq-number, .cq-prompt"
_BLOCK_SELECTOR = ", ".join((*_BLOCKS, _PARTS))
_DROP = "pre, script, style, .headerlink, .md-source-file"  # whole blocks no learner reads as prose
_CODE = "code, kbd"
PLACEHOLDER = "X"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\s])")


class ToolMissing(UsageError):
    """A language tool is not installed; the message says how to install it."""


@dataclass
class Finding:
    page: str  # the page's path in the built site, e.g. fr/03-replies/01-sorting-messages/
    rule: str  # Grammalecte's rule id, or "spelling"
    sentence: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.message}: «{self.sentence}» [language.{self.rule}]"


@dataclass
class Accepted:
    """The course's language-tools.yml: what the tools may report without it being a problem."""

    options_off: dict[str, str] = field(default_factory=dict)
    rules_off: dict[str, str] = field(default_factory=dict)
    accepted: list[dict[str, str]] = field(default_factory=list)
    words: dict[str, set[str]] = field(default_factory=dict)  # by language
    dictionaries: dict[str, str] = field(default_factory=dict)  # hunspell dictionary by language

    def accepts(self, finding: Finding) -> bool:
        return any(a.get("rule") == finding.rule and a.get("sentence", "").strip() == finding.sentence
                   for a in self.accepted)


def read_config(root: Path) -> Accepted:
    path = root / CONFIG
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    grammar = data.get("grammalecte") or {}
    spelling = data.get("spelling") or {}
    return Accepted(
        options_off=dict(grammar.get("options_off") or {}), rules_off=dict(grammar.get("rules_off") or {}),
        accepted=list(grammar.get("accepted") or []),
        words={lang: set(str(w) for w in (entry.get("words") or [])) for lang, entry in spelling.items()},
        dictionaries={lang: str(entry.get("dictionary", "")) for lang, entry in spelling.items()})


def require(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise ToolMissing(f"{tool} is not installed: {INSTALL}")
    return found


def require_tools(languages: tuple[str, ...]) -> None:
    """Raise ToolMissing unless the tools `languages` need are installed."""
    for lang in languages:
        require(GRAMMALECTE if lang == GRAMMAR_LANGUAGE else HUNSPELL)


def _text(node: Any) -> str:
    # Only ASCII white space folds: the non-breaking spaces the build wrote are part of the typography checked.
    return re.sub(r"[ \t\r\n]+", " ", node.get_text("")).strip()


def paragraphs(html: str, lang: str) -> list[str]:
    """The prose of a built page's article in `lang`, one entry per innermost block."""
    from bs4 import BeautifulSoup

    article = BeautifulSoup(html, "html.parser").select_one("article")
    if article is None:
        return []
    for node in article.select(_DROP):
        node.decompose()
    # Code and words in another language stand as one neutral letter, so the sentence around them still parses
    # ("dans X ; son nom (sans X)"), where removing them would leave stray spaces and commas for the tools.
    for node in [*article.select(_CODE), *(n for n in article.select("[lang]") if not str(n["lang"]).startswith(lang))]:
        node.replace_with(PLACEHOLDER)
    blocks = [b for b in article.select(_BLOCK_SELECTOR) if not b.select_one(_BLOCK_SELECTOR)]
    return [t for t in (_text(b) for b in blocks) if re.search(r"\w{2}", t)]


def pages(site_lang: Path) -> Iterator[tuple[str, str]]:
    """(page path, html) for every page of one language's built site."""
    for path in sorted(site_lang.rglob("*.html")):
        if path.name == "404.html":
            continue
        yield path.parent.relative_to(site_lang.parent).as_posix() + "/", path.read_text(encoding="utf-8")


def _sentence(paragraph: str, start: int) -> str:
    """The sentence of `paragraph` holding the character at `start`: what an accepted finding is keyed by."""
    offset = 0
    for sentence in _SENTENCE_END.split(paragraph):
        offset = paragraph.find(sentence, offset)
        if offset <= start < offset + len(sentence) + 1:
            return sentence.strip()
        offset += len(sentence)
    return paragraph


def grammalecte(site_lang: Path, accepted: Accepted) -> list[Finding]:
    """Grammalecte's findings on every page of a French site, less what `accepted` allows."""
    tool = require(GRAMMALECTE)
    where: list[tuple[str, str]] = [(page, text) for page, html in pages(site_lang)
                                    for text in paragraphs(html, GRAMMAR_LANGUAGE)]
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "text.txt"
        source.write_text("\n\n".join(text for _, text in where) + "\n", encoding="utf-8")
        command = [tool, "-f", str(source), "-j", "-ctx"]
        if accepted.options_off:
            command += ["-off", *accepted.options_off]
        if accepted.rules_off:
            command += ["-roff", *accepted.rules_off]
        out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=900).stdout
    report = json.loads(out[out.index("{"):])
    words = accepted.words.get(GRAMMAR_LANGUAGE, set())
    found: list[Finding] = []
    # Grammalecte numbers paragraphs from 1, counting the blank lines between ours as paragraphs too.
    for entry in report["data"]:
        page, text = where[(entry["iParagraph"] - 1) // 2]
        for error in entry["lGrammarErrors"]:
            found.append(Finding(page, error["sRuleId"], _sentence(text, error["nStart"]), error["sMessage"]))
        for error in entry["lSpellingErrors"]:
            if error["sValue"] not in words:
                found.append(Finding(page, "spelling", _sentence(text, error["nStart"]),
                                     f"'{error['sValue']}' is not in the dictionary"))
    # Grammalecte 2.1's -roff silences its regex rules only; its graph rules (most grammar rules) still report.
    return [f for f in found if f.rule not in accepted.rules_off and not accepted.accepts(f)]


HUNSPELL_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))


def default_dictionary(lang: str) -> str:
    """The first installed hunspell dictionary of `lang` (en_GB before en_US), else the bare code."""
    found = sorted(p.stem for folder in HUNSPELL_DIRS if folder.is_dir() for p in folder.glob(f"{lang}_*.dic"))
    return found[0] if found else lang


def listed(word: str, words: set[str]) -> bool:
    """Whether hunspell's unknown `word` is in the course's list, alone or possessive ("Doran's"), or a number."""
    base = re.sub(r"'s?$", "", word)
    return word in words or base in words or base.isdigit()  # "module 4's": a number is never misspelt


def hunspell(site_lang: Path, lang: str, accepted: Accepted) -> list[Finding]:
    """hunspell's unknown words on every page of a site in `lang`, less the course's word list."""
    tool = require(HUNSPELL)
    dictionary = accepted.dictionaries.get(lang) or default_dictionary(lang)
    words = accepted.words.get(lang, set())
    found: list[Finding] = []
    for page, html in pages(site_lang):
        texts = paragraphs(html, lang)
        if not texts:
            continue
        # en_GB's dictionary knows "patients'" but not "patients’": the typographic apostrophe is read as the plain one.
        lines = "\n".join(f"^{t}" for t in texts).replace("’", "'")
        result = subprocess.run([tool, "-d", dictionary, "-a"], input=lines,
                                capture_output=True, text=True, check=False, timeout=300)
        if result.returncode != 0:
            raise ToolMissing(f"hunspell cannot use the '{dictionary}' dictionary ({result.stderr.strip()}): "
                              f"{INSTALL}, or name an installed one in {CONFIG} (spelling: {lang}: dictionary:)")
        line = 0
        for row in result.stdout.splitlines()[1:]:  # the first line is hunspell's banner
            if not row:
                line += 1
            elif row[0] in "&#":
                word = row.split()[1]
                if not listed(word, words):
                    found.append(Finding(page, "spelling", texts[min(line, len(texts) - 1)],
                                         f"'{word}' is not in the {dictionary} dictionary"))
    return found


def proofread(site_lang: Path, lang: str, accepted: Accepted) -> list[Finding]:
    """Every finding on one language's built site that the course has not accepted."""
    return grammalecte(site_lang, accepted) if lang == GRAMMAR_LANGUAGE else hunspell(site_lang, lang, accepted)
