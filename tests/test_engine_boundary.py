"""Engine knowledge stays in generator/engine/: the rest of the generator could feed another site engine.

Import-linter keeps MkDocs' imports in engine/ (pyproject.toml); what it cannot see is knowledge
written as text: Material's CSS properties and MkDocs' configuration keys. A brand is data, and how
Material shows it is engine/brand.py's business (DESIGN.md: "everything Material-specific stays in engine/").
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

GENERATOR = REPO / "generator"
ENGINE = GENERATOR / "engine"
MATERIAL_CSS = "--md-"
# Keys of mkdocs.yml that only the engine sets; "site_url" or "copyright" are left out: a brand file has its own.
CONFIG_KEYS = {"extra_css", "extra_javascript", "palette", "hooks", "watch", "use_directory_urls", "custom_dir",
               "polyfills", "docs_dir", "site_dir", "strict", "plugins", "features"}


def outside_engine(*suffixes: str) -> list[Path]:
    """Files of the generator outside engine/; a course's own mkdocs.yml (the scaffold) is engine config."""
    return sorted(p for p in GENERATOR.rglob("*") if p.suffix in suffixes and ENGINE not in p.parents
                  and not p.name.startswith("mkdocs.yml"))


def string_constants(path: Path) -> list[tuple[int, str]]:
    """The string literals of a Python file, docstrings left out (they may name what they leave to the engine)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_material_css_property_outside_the_engine() -> None:
    found = [f"{p.relative_to(REPO)}:{n}" for p in outside_engine(".py", ".j2", ".css", ".js", ".html")
             for n, line in enumerate(p.read_text(encoding="utf-8").split("\n"), 1) if MATERIAL_CSS in line]
    assert found == [], "Material's CSS properties belong in generator/engine/ (or the theme)"


def test_no_mkdocs_config_key_outside_the_engine() -> None:
    found = [f"{p.relative_to(REPO)}:{line}: {text!r}" for p in outside_engine(".py")
             for line, text in string_constants(p) if text in CONFIG_KEYS]
    assert found == [], "MkDocs configuration is assembled in generator/engine/ only"


def test_the_rule_sees_what_it_forbids(tmp_path: Path) -> None:
    """The checks above find a key in code and skip one named in a docstring."""
    sample = tmp_path / "sample.py"
    sample.write_text('"""Sets extra_css."""\nconfig = {}\nconfig["extra_css"] = []\n', encoding="utf-8")
    assert [(n, t) for n, t in string_constants(sample) if t in CONFIG_KEYS] == [(3, "extra_css")]
