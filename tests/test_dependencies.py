"""Every package that generator/ imports is a dependency declared in pyproject.toml, or one of theirs.

An undeclared import works on a developer's machine (the test extra and earlier installs are there) and fails
on a host's. tests/test_release.py installs the wheel with its dependencies linked from this venv rather than
downloaded again (pip's resolving and unpacking cost a quarter of a minute); `make test` resolves the declared
dependencies from the registry anyway when it installs the project, and this test proves they cover the imports.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from packaging.requirements import Requirement

from tests.conftest import REPO


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(requirements: list[str]) -> set[str]:
    """The distributions these requirements bring in, their own dependencies included (markers evaluated here)."""
    found: set[str] = set()
    todo = [Requirement(text) for text in requirements]
    while todo:
        requirement = todo.pop()
        name = canonical(requirement.name)
        if name in found or (requirement.marker is not None and not requirement.marker.evaluate({"extra": ""})):
            continue
        found.add(name)
        todo += [Requirement(text) for text in importlib.metadata.distribution(name).requires or []]
    return found


def imported_packages() -> dict[str, str]:
    """Top-level packages that generator/ imports from outside, each with one file that imports it."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
            for name in names:
                top = name.split(".", 1)[0]
                if top not in sys.stdlib_module_names and top not in ("generator", "__future__"):
                    found.setdefault(top, str(path.relative_to(REPO)))
    return found


def test_every_imported_package_is_a_declared_dependency() -> None:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    installed = closure(declared)
    providers = importlib.metadata.packages_distributions()
    imports = imported_packages()
    assert {"mkdocs", "weasyprint", "yaml", "jinja2"} <= set(imports)  # the walk finds imports, lazy ones too
    undeclared = {top: where for top, where in imports.items()
                  if not {canonical(d) for d in providers.get(top, [])} & installed}
    assert undeclared == {}
