"""Counted strings of a catalogue: a mapping of CLDR plural categories, the form chosen by `{n}`.

    minutes_left:
      one: '{n} minute left.'
      other: '{n} minutes left.'

What each language must write (its rules from Babel's CLDR):
- every category that a whole count below 1000 reaches in the language, and `other` (en: one, other;
  pl: one, few, many, other; ar: zero, one, two, few, many, other). A category reached only by larger
  counts (French, Spanish, Italian `many`, for 1 000 000) may be written; without it `other` is shown;
- no category the language does not have (`few` in English): the form would never show;
- in every form, the placeholders of en.yml's forms, except that a form standing for one count only
  (en and pl `one`: 1; ar `zero`, `one`, `two`) may leave out `{n}` ("One minute left.").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.course import cldr
from generator.course.problems import Problems
from generator.course.yamlfile import LineDict

COUNT = "n"
Find = Callable[[object], set[str]]


def placeholders_of(forms: LineDict, find: Find) -> set[str]:
    """Every placeholder that any of a reference string's forms holds."""
    found: set[str] = set()
    for text in forms.values():
        found |= find(text)
    return found


def check_forms(found: object, reference: LineDict, where: tuple[Path, int, str], code: str,
                problems: Problems, find: Find) -> None:
    """Record every problem of one counted string `found` (its key written `section.key`) of language `code`."""
    path, line, name = where
    if not isinstance(found, LineDict) or not found or not all(isinstance(v, str) for v in found.values()):
        problems.add(path, getattr(found, "line", None) or line, "strings.plural_form",
                     f"'{name}' is a counted string: write a mapping of plural categories to texts, e.g. "
                     f"'one: ...' and 'other: ...' each with {{n}} (the forms {code} needs: "
                     f"{', '.join(_ordered(cldr.required_categories(code)))})")
        return
    allowed, required = cldr.allowed_categories(code), cldr.required_categories(code)
    for category in found:
        if category not in allowed:
            what = "is not a CLDR plural category" if category not in cldr.CATEGORIES else f"is not one of {code}'s"
            problems.add(path, found.line_of(category), "strings.plural_category",
                         f"'{name}': '{category}' {what} (CLDR gives {code}: "
                         f"{', '.join(_ordered(allowed))}): remove it or rename it")
    missing = [c for c in _ordered(required) if c not in found]
    if missing:
        problems.add(path, line, "strings.plural_missing",
                     f"'{name}' lacks the form(s) {', '.join(missing)}, which {code} uses for counts such as "
                     f"{', '.join(str(_example(code, c)) for c in missing)}: add them")
    wanted = placeholders_of(reference, find)
    for category, text in found.items():
        need = wanted - ({COUNT} if cldr.single_count(code, str(category)) is not None else set())
        lacking = need - find(text)
        extra = find(text) - wanted
        if lacking or extra:
            problems.add(path, found.line_of(category), "strings.placeholder",
                         f"'{name}.{category}' must hold the placeholders "
                         f"{', '.join('{' + p + '}' for p in sorted(need))} (found "
                         f"{', '.join('{' + p + '}' for p in sorted(find(text))) or 'none'}): the code fills them in")


def _ordered(categories: set[str]) -> list[str]:
    return [c for c in cldr.CATEGORIES if c in categories]


def _example(code: str, category: str) -> int:
    return next((n for n in range(cldr.COUNTS_BELOW) if cldr.plural_category(code, n) == category), 0)


def choose(forms: dict[str, str], code: str, n: float) -> str:
    """The form of `forms` for count `n` in language `code` (`other` when the catalogue lacks it)."""
    return forms.get(cldr.plural_category(code, n)) or forms["other"]

