"""Safe YAML reading with line numbers, for files written by people.

PyYAML silently keeps the last of two duplicate keys and expands aliases without
limit; both are refused here. Mappings and lists remember the line they start on
and the line of each key, so later checks can point at the right place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.course.problems import Problems
from generator.course.yaml_words import plain_message
from generator.errors import CoursegenError

# Quiz, brand and front-matter files are a few kilobytes; a megabyte is far beyond
# any honest file and keeps a hostile one from eating memory or time.
MAX_BYTES = 1_000_000


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict[str, int]
    block_lines: dict[str, int]  # set only when a value is a literal block (`|`): the line its text starts on

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def text_line(self, key: str, index: int) -> int:
        """The line of the `index`-th line of a key's text: exact in a literal block (`|`), else the key's line."""
        block: dict[str, int] = getattr(self, "block_lines", {})
        return block[key] + index if key in block else self.line_of(key)


class LineList(list[Any]):
    """A list that knows its line and each item's line (1-based)."""

    line: int = 0
    item_lines: list[int]


class YamlProblem(CoursegenError):
    """A YAML text that cannot be read, with the line and code of the problem it makes."""

    def __init__(self, line: int | None, code: str, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.code = code
        self.message = message


class _Loader(yaml.SafeLoader):
    line_offset = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise YamlProblem(
                event.start_mark.line + 1 + self.line_offset,
                "yaml.alias",
                "YAML aliases (*name) are not allowed: write the text out in full",
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        result = LineDict()
        result.line = node.start_mark.line + 1 + self.line_offset
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1 + self.line_offset
            if not isinstance(key, str | int | float | bool) or key is None:
                raise YamlProblem(line, "yaml.key", "a key must be a plain word")
            skey = str(key).lower() if isinstance(key, bool) else str(key)
            if skey in result:
                raise YamlProblem(
                    line,
                    "yaml.duplicate_key",
                    f"duplicate key '{skey}' (first on line {result.key_lines[skey]}): keep only one",
                )
            result.key_lines[skey] = line
            if isinstance(value_node, ScalarNode) and value_node.style == "|":
                # A literal block keeps its lines as written, from the line after its `|`.
                result.__dict__.setdefault("block_lines", {})[skey] = value_node.start_mark.line + 2 + self.line_offset
            result[skey] = self.construct_object(value_node, deep=True)
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> list[Any]:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1 + self.line_offset
        result.item_lines = [child.start_mark.line + 1 + self.line_offset for child in node.value]
        return result


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


class _FastLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """libyaml's parser with the same line-keeping constructors.

    The pure-Python scanner took 20 ms per quiz file, 36 s to load a 1,000-lesson course
    (bench/results.md). libyaml gives the same nodes and marks ten times faster. It cannot
    report where an alias is used, so any alias or error sends the text to `_Loader`,
    whose messages stay the only ones an author sees.
    """

    line_offset = 0
    construct_mapping = _Loader.construct_mapping
    construct_sequence = _Loader.construct_sequence

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:  # a node met twice is an alias
            raise YamlProblem(None, "yaml.alias", "alias")
        return super().construct_object(node, deep)


_FastLoader.add_constructor("tag:yaml.org,2002:map", _FastLoader.construct_mapping)
_FastLoader.add_constructor("tag:yaml.org,2002:seq", _FastLoader.construct_sequence)


def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse one YAML document; raise YamlProblem with a 1-based line on any error."""
    if yaml.__with_libyaml__:
        fast = _FastLoader(text)
        fast.line_offset = line_offset
        try:
            return fast.get_single_data()
        except (YamlProblem, yaml.YAMLError):
            pass  # parse again below for the exact message and line
        finally:
            fast.dispose()
    loader = _Loader(text)
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        at, what = plain_message(exc)
        line = at + 1 + line_offset if at is not None else None
        raise YamlProblem(line, "yaml.syntax", f"YAML syntax error: {what}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(None, "yaml.syntax", f"YAML error: {exc}") from None
    finally:
        loader.dispose()


def read_text(path: Path, problems: Problems) -> str | None:
    """Read a UTF-8 text file, reporting size and encoding problems with a line."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.add(path, None, "file.too_large",
                         f"file is {size:,} bytes; the limit is {MAX_BYTES:,}: split it or remove pasted data")
            return None
        raw = path.read_bytes()
    except OSError as exc:
        problems.add(path, None, "file.unreadable", f"cannot read the file: {exc.strerror}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(path, line, "file.encoding",
                     f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}): save it as UTF-8 in your editor")
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def load_yaml_file(path: Path, problems: Problems) -> Any:
    """Read and parse a YAML file; on any problem record it and return None."""
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.add(path, None, "file.empty", "the file is empty")
        return None
    try:
        return parse_yaml(text)
    except YamlProblem as exc:
        problems.add(path, exc.line, exc.code, exc.message)
        return None
