"""What an author does to a course `coursegen init` made before publishing it: her own texts in place of the
scaffold's examples (quiz texts, the brand's name, address and legal notice, mkdocs.yml's organisation)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml


def _own(node: Any, langs: set[str]) -> Any:
    """Every text map ({lang: text}) of a quiz, each text made the author's own."""
    if isinstance(node, dict):
        if node and set(node) <= langs and all(isinstance(v, str) for v in node.values()):
            return {lang: f"{text} ({lang}, ours)" for lang, text in node.items()}
        return {k: _own(v, langs) for k, v in node.items()}
    if isinstance(node, list):
        return [_own(v, langs) for v in node]
    return node


def write_own_texts(root: Path, organisation: str = "Chamber of Trades") -> None:
    """Replace every example `init` wrote in the course at `root`, as its author would: the organisation's
    name where it is init's example (a name given to init stays) and every other example text."""
    langs = {str(entry["code"]) for entry in yaml.safe_load((root / "course.yml").read_text(encoding="utf-8"))[
        "languages"]}
    for quiz in sorted((root / "quizzes").glob("*.yml")):
        data = _own(yaml.safe_load(quiz.read_text(encoding="utf-8")), langs)
        quiz.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    brand = root / "brands" / "default.yml"
    data = yaml.safe_load(brand.read_text(encoding="utf-8"))
    data["name"] = {lang: organisation if name == "My organisation" else name for lang, name in data["name"].items()}
    data["contact"]["email"] = "training@trades.example"
    data["legal"] = {lang: f"Published by {organisation}, 1 Market Street, hosted by ourselves." for lang in
                     data["legal"]}
    brand.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("My organisation", organisation), encoding="utf-8")
