"""Locale data from CLDR, through Babel: number symbols, dates, plural rules, for one language code.

One source for every output: the Python renderers (pages, PDFs, banks) call these functions, and the
build writes `page_table` into the browser scripts (core.js's `locale` slot), so a number or a count
reads the same on a page, in a PDF and in a bank. The browser's `Intl` is not used: its CLDR is the
browser's own and differs from Babel's on some locales (measured: Chromium writes Arabic-Indic digits
and `٫` for `ar`, where Babel 2.19's CLDR writes `4.5`; Spanish grouping of four-digit numbers).

Digits are always Latin: Babel formats with the `latn` numbering system's symbols and does not
transliterate digits, so a language whose CLDR default is another system (fa, ckb) still gets Latin
digits with that language's Latin-system marks, rather than native marks around Latin digits.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list as babel_format_list
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

# Codes Material names for which Babel has no locale of that name: the CLDR locale that stands in.
# sh (Serbo-Croatian, Latin script) reads as Serbian in Latin script; Material's ku-IQ is Central
# Kurdish (Sorani, Arabic script, right to left), CLDR's ckb, not Babel's ku (Kurmanji, Latin script).
# (tl needs no entry: Babel itself takes it as fil, Filipino.)
STAND_INS = {"sh": "sr_Latn", "ku-IQ": "ckb_IQ"}

# Codes whose CLDR default locale is not the variety Material's translation of that code is written in:
# Material's `pt` is European Portuguese, CLDR's `pt` Brazilian (pt-BR has its own code in Material).
DEFAULT_LOCALES = {"pt": "pt-PT"}

ListStyle = Literal["standard", "or"]  # a list of things; alternatives ("a, b or c")

CATEGORIES = ("zero", "one", "two", "few", "many", "other")
# Counts in a course (lessons, questions, minutes) stay below this; a category reached only beyond it
# (French, Spanish, Italian `many`: 1 000 000 de leçons) is optional and falls back to `other`.
COUNTS_BELOW = 1000


@functools.cache
def babel_locale(code: str) -> Locale | None:
    """The Babel locale of a BCP 47 tag as course.yml writes it (pt-BR, zh-Hant), or None if unknown."""
    try:
        locale = Locale.parse(STAND_INS.get(code, code), sep="-" if code not in STAND_INS else "_")
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    # Babel parses any well-formed tag whose language it knows (ku-XX as ku): keep only real locales.
    return locale if locale.language and locale.get_display_name() else None


def default_locale(code: str) -> str:
    """The locale of a language's dates, numbers and plurals when course.yml gives none: its code, but for
    DEFAULT_LOCALES."""
    return DEFAULT_LOCALES.get(code, code)


def tag_case(tag: str) -> str:
    """A BCP 47 tag in its usual case: language lower, script title, region upper (pt-BR, zh-Hant)."""
    parts = tag.replace("_", "-").split("-")
    rest = [p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p for p in parts[1:]]
    return "-".join([parts[0].lower(), *rest])


def self_name(code: str) -> str:
    """The language's name in itself, as CLDR writes it, capitalised for a switcher: Français, Polski, العربية."""
    name = str(locale(code).get_display_name(locale(code)) or code)
    return name[:1].upper() + name[1:]


def right_to_left(code: str) -> bool:
    """Whether CLDR writes the language right to left (ar, he, fa, ur, ckb...)."""
    return bool(locale(code).character_order == "right-to-left")


def locale(code: str) -> Locale:
    """`babel_locale`, for a code the loader already accepted."""
    found = babel_locale(code)
    if found is None:
        raise ValueError(f"no CLDR locale for {code!r}: the loader should have refused it")
    return found


def format_number(value: float, code: str, places: int | None = None) -> str:
    """A number as the language writes it: 1,234.5 (en), 1 234,5 (fr), 1.234,5 (de).

    Up to six decimals, none trailing; or exactly `places` decimals (12.0 MB)."""
    pattern = "#,##0." + ("0" * places if places is not None else "######")
    return format_decimal(round(value, 6), format=pattern.rstrip("."), locale=locale(code))


def format_percent(value: float, code: str) -> str:
    """`value` per cent, with the sign where and as CLDR's percent pattern puts it: 45% (en), 45 % (fr)."""
    pattern = locale(code).percent_formats[None].pattern
    number = format_number(value, code)
    # The pattern's number part is everything between its prefix and suffix (`#,##0`, `#,##0.###`).
    start = min(i for i, c in enumerate(pattern) if c in "#0,.")
    end = max(i for i, c in enumerate(pattern) if c in "#0,.") + 1
    sign = locale(code).number_symbols["latn"]["percentSign"]
    return str(pattern[:start] + number + pattern[end:]).replace("%", str(sign))


def long_date(day: dt.date, code: str) -> str:
    """A date in full, by the language's CLDR long pattern: December 7, 2026 (en), 7 décembre 2026 (fr)."""
    return str(format_date(day, format="long", locale=locale(code)))


def format_list(items: list[str], code: str, style: ListStyle = "standard") -> str:
    """Items joined as the language joins a list (CLDR): a, b and c (en), a、b和c (zh), A وB (ar); `style`
    "or" for alternatives: a, b or c (en-GB), a أو b (ar)."""
    return str(babel_format_list(items, style=style, locale=locale(code)))


def plural_category(code: str, n: float) -> str:
    """The CLDR plural category of count `n` in the language (one, few, many, other…)."""
    return str(locale(code).plural_form(abs(n)))


def allowed_categories(code: str) -> set[str]:
    """The categories the language has: its rules' tags and `other`."""
    return {*locale(code).plural_form.tags, "other"}


@functools.cache
def _reached(code: str) -> dict[str, list[int]]:
    rule = locale(code).plural_form
    seen: dict[str, list[int]] = {}
    for n in range(COUNTS_BELOW):
        seen.setdefault(str(rule(n)), []).append(n)
    return seen


def required_categories(code: str) -> set[str]:
    """The categories a counted string must write: those whole counts below 1000 reach, and `other`."""
    return {*_reached(code), "other"}


def single_count(code: str, category: str) -> int | None:
    """The one count a category stands for (en one: 1; ar zero: 0, two: 2), else None.

    Only such a form may leave out `{n}` ("One minute left."): where a category covers several
    counts (fr one: 0 and 1; ru one: 1, 21, 31…) the form must show the number."""
    counts = _reached(code).get(category, [])
    return counts[0] if len(counts) == 1 and locale(code).plural_form(1_000_000) != category else None


Dnf = list[list[list[int]]]


def _relation(node: Any, negate: bool) -> Dnf | bool:
    """One `x in a..b, c` of a rule, for a whole count: i = n, and v, w, f, t, c, e are 0."""
    _, (_, expr, (_, ranges)) = node
    modulus = 0
    if expr[0] == "mod":
        (operand, _), (_, (modulus,)) = expr[1]
    else:
        operand = expr[0]
    bounds = [int(v[1][0]) for pair in ranges for v in pair]
    if operand not in ("n", "i"):  # a constant 0 for whole counts: decide now
        hit = any(lo <= 0 <= hi for lo, hi in zip(bounds[::2], bounds[1::2], strict=True))
        return hit != negate
    return [[[int(modulus), int(negate), *bounds]]]


def _dnf(node: Any, negate: bool = False) -> Dnf | bool:
    """A rule's condition as an OR of ANDs of relations (`not` pushed into them), constants folded."""
    kind = node[0]
    if kind == "relation":
        return _relation(node, negate)
    if kind == "not":
        return _dnf(node[1][0], not negate)
    left, right = (_dnf(part, negate) for part in node[1])
    conjunction = (kind == "and") != negate
    if isinstance(left, bool) or isinstance(right, bool):
        const, other = (left, right) if isinstance(left, bool) else (right, left)
        return other if const == conjunction else const
    if not conjunction:
        return left + right
    return [a + b for a in left for b in right]


@functools.cache
def plural_rules(code: str) -> list[Any]:
    """The language's plural rules for whole counts, compact, for core.js: [[category, [[relation…]…]]…].

    A relation is [modulus or 0, negated 0/1, low, high, low, high…]; a category applies when one of its
    lists has every relation true. No category applies: `other`. tests/test_cldr.py proves the browser's
    reading of this equals Babel's `plural_form` for every Material language."""
    rules: list[Any] = []
    for category, node in locale(code).plural_form.abstract:
        dnf = _dnf(node)
        if dnf is True:
            dnf = [[]]
        if dnf:
            rules.append([str(category), dnf])
    return rules


def page_table(code: str) -> dict[str, Any]:
    """What the browser scripts need of the language: its number marks, its percent form and its plural rules
    (a quiz page pays for every byte: nothing the scripts do not use)."""
    return {"dec": get_decimal_symbol(locale(code)), "group": get_group_symbol(locale(code)),
            "pct": format_percent(0, code).replace("0", "{n}", 1), "plural": plural_rules(code)}
