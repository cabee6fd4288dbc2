"""PyYAML's syntax errors in an author's words: what YAML expected at that line, and how to fix it.

PyYAML says "expected <block end>, but found '<block mapping start>'": the names of its tokens, not
of anything an author wrote. The parser's context ("while parsing a block mapping") and the token it
found tell which mistake it was; each known pair gets a sentence, and anything else has its token
names translated, so no message shows parser jargon. The line is the one to change: for a quote or a
bracket never closed, the line it was opened on, not the end of the file where YAML gave up.
"""

from __future__ import annotations

import re

import yaml

# PyYAML's token names, as an author would name what they wrote.
TOKENS = {
    "<block end>": "the end of this block", "<block mapping start>": "a key", "<block sequence start>": "a list item",
    "<scalar>": "more text", "<stream end>": "the end of the file", "<document start>": "'---'",
    "<document end>": "'...'", "?": "a key", "-": "a list item ('- ')", ":": "a colon (':')", ",": "a comma",
    "{": "'{'", "}": "'}'", "[": "'['", "]": "']'", "<anchor>": "an anchor ('&')", "<alias>": "an alias ('*')",
    "<tag>": "a tag ('!')",
}
_TOKEN = re.compile(r"'(<[a-z ]+>|[?:,{}\[\]-])'|(<[a-z ]+>)")

# (context, what was found) -> what YAML expected here, and what to do.
BLOCK = {
    "<block mapping start>": "expected a list item or a key at this indentation, but this line is indented "
                             "differently from the lines above it: indent it with as many spaces as the key it "
                             "belongs with",
    "<block sequence start>": "expected a key at this indentation, but found a list item ('- ') that is not "
                              "lined up with the items above it: indent it like them",
    "?": "expected a list item ('- ') at this indentation, but found a key: start the line with '- ', or "
         "indent the key under the list item it belongs to",
    "-": "expected a key at this indentation, but found a list item ('- '): put the list under its key "
         "('key:' on the line above, then the items indented by two more spaces)",
    "<scalar>": "expected the end of the line after the closing quote or bracket, but more text follows: "
                "put the whole value inside the quotes",
}


def _words(text: str) -> str:
    """PyYAML's token names in a message replaced by plain ones."""
    return _TOKEN.sub(lambda m: TOKENS.get(m.group(1) or m.group(2), m.group(0)), text)


def _found(problem: str) -> str:
    match = re.search(r"but (?:found|got) '?(<[a-z ]+>|[^']+)'?$", problem)
    return match.group(1) if match else ""


def plain_message(exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """The 0-based line to report and the message (without the "YAML syntax error:" prefix)."""
    problem, context = exc.problem or "", exc.context or ""
    at = exc.problem_mark.line if exc.problem_mark else None
    opened = exc.context_mark.line if exc.context_mark else at
    found = _found(problem)
    if "'\\t'" in problem or "\\t" in problem:
        return at, "a tab character is used for indentation: YAML needs spaces"
    if "block" in context and "expected <block end>" in problem and found in BLOCK:
        return at, BLOCK[found]
    if context.startswith("while parsing a flow"):
        closing = "}" if "mapping" in context else "]"
        if opened is not None and at is not None and at > opened:
            return opened, (f"the '{'{' if closing == '}' else '['}' opened on this line is never closed: "
                            f"expected ',' or '{closing}' before the next line: close it with '{closing}'")
        if found == ":":
            return at, (f"expected ',' or '{closing}' here, but found a colon: put a text that holds ': ' "
                        "in quotes")
        if "node content" in problem:
            return at, "expected a value here, but found a comma: remove the extra comma"
        return at, (f"expected ',' or '{closing}' here, but found more text: a quote is probably not closed "
                    "(\"...\"), or a comma is missing between two entries")
    if context == "while scanning a simple key":
        return opened, ("expected a colon after the key on this line ('key: value'): add the colon, or put "
                        "the line inside the text above it (indented, or in quotes)")
    if context == "while scanning a quoted scalar":
        return opened, ("a quote opened on this line is never closed: expected the closing quote before the "
                        "end of the file: close it (and write a quote inside the text as \\\" or '')")
    if problem == "mapping values are not allowed here":
        return at, ("a colon and a space (': ') inside a value: if this line holds a key, line it up with the "
                    "keys above (indented further, it reads as more text of the value above); if it is text, put "
                    "it in quotes (\"Goal: 20 bookings\")")
    if problem.startswith("block sequence entries are not allowed"):
        return at, "a list item ('- ') where a value was expected: put it on the next line, indented"
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "this character"
        return at, f"a value cannot start with '{char}' in YAML: put the value in quotes"
    if context == "expected a single document in the stream":
        return at, "expected one document, but found a second '---' line: remove it (or quote the text)"
    if context.startswith("while scanning a block scalar"):
        return opened, "expected the end of the line after '|' or '>': start the text on the next line, indented"
    if problem.startswith("could not determine a constructor for the tag"):
        return at, f"{problem.rsplit(' ', 1)[-1]} is a YAML tag, which coursegen does not read: put the value in quotes"
    if problem == "mapping keys are not allowed here":
        return at, "a value cannot start with '?' in YAML: put the value in quotes"
    if problem.startswith("expected '<document start>'"):
        return at, "a line that starts with '%' is a YAML directive: put the text in quotes"
    return at, _words(f"{context + ': ' if context else ''}{problem}")
