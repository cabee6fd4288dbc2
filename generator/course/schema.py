"""Check parsed YAML against the declared JSON Schemas and turn errors into located problems."""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    import jsonschema_rs
except ImportError:  # the fast path is optional: jsonschema alone gives the same answers, slower
    jsonschema_rs = None  # type: ignore[assignment]

from generator.course.problems import Problems
from generator.course.yamlfile import LineDict, LineList

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@cache
def load_schema(name: str, languages: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON Schema shipped in generator/schemas, parsed once per set of languages.

    A text map is written `"x-per-language": {schema of one text}` in the file; it becomes an
    object that requires exactly the course's `languages`, each holding such a text.
    """
    data: dict[str, Any] = _per_language(json.loads((SCHEMAS / name).read_text(encoding="utf-8")), languages)
    return data


def _per_language(node: Any, languages: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_per_language(v, languages) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _per_language(v, languages) for k, v in node.items() if k != "x-per-language"}
    if "x-per-language" in node:
        text = _per_language(node["x-per-language"], languages)
        out.update({"additionalProperties": False, "required": list(languages),
                    "properties": {lang: text for lang in languages}, "x-languages": list(languages)})
    return out


def _line_at(data: Any, path: list[str | int]) -> int | None:
    """Line of the deepest node on `path` that knows its line."""
    line: int | None = getattr(data, "line", None)
    node = data
    for key in path:
        if isinstance(node, LineDict) and isinstance(key, str) and key in node:
            line = node.line_of(key)
            node = node[key]
        elif isinstance(node, LineList) and isinstance(key, int) and key < len(node):
            line = node.item_lines[key]
            node = node[key]
        else:
            break
    return line


def _where(data: Any, path: list[str | int]) -> str:
    """A readable place: `question 'smart-1' choices[2]` rather than a bare index path."""
    parts: list[str] = []
    node: Any = data
    for key in path:
        child = None
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            child = node[key]
        elif isinstance(node, dict) and isinstance(key, str):
            child = node.get(key)
        name = child.get("id") if isinstance(child, dict) else None
        if isinstance(key, int) and parts == ["questions"] and isinstance(name, str):
            parts = [f"question '{name}'"]
        elif isinstance(key, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{key + 1}]"]
        else:
            parts.append(key)
        node = child
    return " ".join(parts)


def _message(error: ValidationError, data: Any) -> tuple[str, list[str | int], str | None]:
    """The message, the path of the place it points at, and for a text map "missing" or "undeclared"
    (a declared language without its text, or a language course.yml does not declare)."""
    path = list(error.absolute_path)
    where = _where(data, path)
    prefix = f"{where}: " if where.startswith("question '") else (f"'{where}': " if where else "")
    declared = error.schema.get("x-languages") if isinstance(error.schema, dict) else None
    if declared is not None and error.validator in ("required", "additionalProperties"):
        return _language_message(error, path, prefix, declared)
    message, path = _plain_message(error, data, path, prefix)
    return message, path, None


def _language_message(error: ValidationError, path: list[str | int], prefix: str,
                      declared: list[str]) -> tuple[str, list[str | int], str]:
    """A text map that lacks a declared language, or gives one course.yml does not declare."""
    instance = error.instance if isinstance(error.instance, dict) else {}
    listed = ", ".join(declared)
    if error.validator == "required":
        missing = [lang for lang in declared if lang not in instance]
        return (f"{prefix}no '{missing[0] if missing else '?'}' text: add the translation "
                f"(every text gives each language of course.yml: {listed})", path, "missing")
    extra = [k for k in instance if k not in declared]
    key = extra[0] if extra else "?"
    return (f"{prefix}'{key}' is not a language of this course (course.yml declares {listed}): remove it, or "
            f"declare '{key}' in course.yml", [*path, key], "undeclared")


DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


def _plain_message(error: ValidationError, data: Any, path: list[str | int],
                   prefix: str) -> tuple[str, list[str | int]]:
    if error.validator == "additionalProperties":
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = sorted(schema.get("properties", {}))
        instance = error.instance if isinstance(error.instance, dict) else {}
        unknown = [k for k in instance if k not in allowed]
        key = unknown[0] if unknown else "?"
        hint = difflib.get_close_matches(key, allowed, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; allowed: {', '.join(allowed)}"
        return f"{prefix}unknown field '{key}'{suggestion}", [*path, key]
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        return f"{prefix}missing required field '{missing}'", path
    if error.validator == "enum":
        options = ", ".join(str(o) for o in error.validator_value)  # type: ignore[union-attr]
        return f"{prefix}'{error.instance}' is not one of: {options}", path
    if error.validator == "type":
        found = type(error.instance).__name__.replace("str", "text").replace("dict", "mapping")
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        if "number" in wanted and isinstance(error.instance, str) and DECIMAL_COMMA.fullmatch(error.instance.strip()):
            # The first thing an author who writes 4,5 types: YAML reads it as text, not as a number.
            dotted = error.instance.strip().replace(",", ".")
            return (f"{prefix}expected a number, found text ({error.instance!r}): in the quiz file a number is "
                    f"written with a dot ({dotted}); learners may still type it with a comma"), path
        return f"{prefix}expected {error.validator_value}, found {found} ({error.instance!r:.40})", path
    if error.validator == "pattern" and isinstance(error.schema, dict) and "x-hint" in error.schema:
        # A schema may say in its own words what the pattern wants (colours, addresses, file names).
        return f"{prefix}'{error.instance}' {error.schema['x-hint']}", path
    if error.validator == "pattern":
        return (f"{prefix}'{error.instance}' is not a valid name: use lowercase letters, digits and hyphens",
                path)
    if error.validator == "minLength":
        return f"{prefix}is empty: write the text", path
    if error.validator == "minItems" and isinstance(error.instance, list):
        least = error.validator_value
        if not error.instance:
            return f"{prefix}the list is empty: give at least {least} item(s)", path
        return f"{prefix}the list has {len(error.instance)} item(s): give at least {least}", path
    return f"{prefix}{error.message}", path


# Compiled Rust validators by schema object (schemas are cached, so each is compiled once).
_FAST: dict[int, tuple[dict[str, Any], Any]] = {}


def _fast_valid(data: Any, schema: dict[str, Any]) -> bool:
    """True when jsonschema-rs accepts `data`.

    jsonschema took 7 s to check the 1,100 quizzes of a 1,000-lesson course (bench/results.md);
    jsonschema-rs takes 0.05 s. It only says yes or no: a no goes to jsonschema, whose errors
    carry the paths our messages and line numbers are made from.
    """
    if jsonschema_rs is None:
        return False
    entry = _FAST.get(id(schema))
    if entry is None or entry[0] is not schema:
        entry = _FAST[id(schema)] = (schema, jsonschema_rs.Draft202012Validator(schema))
    try:
        return bool(entry[1].is_valid(data))
    except Exception:  # a value JSON has no type for (a YAML date): let jsonschema judge it
        return False


def check(data: Any, schema: dict[str, Any], file: Path, problems: Problems, code: str) -> bool:
    """Record every schema error in `data`; return True when there were none."""
    if _fast_valid(data, schema):
        return True
    # Imported for a "no" only: jsonschema takes a tenth of a second to import, and every command
    # checks course.yml (a cached build checks nothing else).
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        # An if/then failure repeats what its own sub-error says; keep the precise one.
        message, path, language = _message(error, data)
        line = _line_at(data, path)
        if language == "missing":
            problems.add(file, line, "i18n.missing_translation", message)
        elif language == "undeclared":
            problems.add(file, line, "i18n.undeclared_language", message)
        else:
            problems.add(file, line, code, message)
    return not errors
