"""A course as a Spanish (or any) author writes it: `coursegen init --languages A,B`, then every text the
author owns replaced with its translation from tests/data/noenglish/texts.yml (home page, two modules with
lessons and trainer notes, a practice quiz with every question type, a timed exam with a pool, check
questions, the brand's legal texts and licence line). What is left in English in its outputs is ours."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data" / "noenglish"
TEXTS = DATA / "texts.yml"
M1, M2 = "01-objetivos", "02-respuestas"


@cache
def texts() -> dict[str, Any]:
    return dict(yaml.safe_load(TEXTS.read_text(encoding="utf-8")))


def _suffix(lang: str, langs: tuple[str, ...]) -> str:
    return "" if lang == langs[0] else f".{lang}"


def _page(meta: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + body + "\n"


def _each(langs: tuple[str, ...], key: str) -> dict[str, Any]:
    """One text of the quizzes in every language of the course."""
    return {lang: texts()[lang]["q"][key] for lang in langs}


def _choices(langs: tuple[str, ...], prefix: str, right: set[str], ids: str = "abc") -> list[dict[str, Any]]:
    return [{"id": c, "correct": c in right, "text": _each(langs, f"{prefix}_{c}"),
             "feedback": _each(langs, f"{prefix}_{c}_fb")} for c in ids]


def _questions(langs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    def e(key: str) -> dict[str, Any]:
        return _each(langs, key)

    return {
        "eleccion": {"type": "single", "lesson": f"{M1}/01-meta", "prompt": e("s_prompt"),
                   "choices": _choices(langs, "s", {"c"}), "explanation": e("s_expl")},
        "varias": {"type": "multiple", "prompt": e("m_prompt"), "choices": _choices(langs, "m", {"a", "b"}),
                     "explanation": e("m_expl")},
        "cierto": {"type": "true_false", "answer": False, "prompt": e("tf_prompt"),
                       "feedback_true": e("tf_true"), "feedback_false": e("tf_false"), "explanation": e("tf_expl")},
        "orden": {"type": "ordering", "prompt": e("o_prompt"),
                     "items": [{"text": e(f"o_{n}"), "feedback": e(f"o_{n}_fb")} for n in (1, 2, 3)],
                     "explanation": e("o_expl")},
        "parejas": {"type": "matching", "prompt": e("p_prompt"),
                     "pairs": [{"left": e(f"p_l{n}"), "right": e(f"p_r{n}"), "feedback": e(f"p_fb{n}")}
                               for n in (1, 2)], "explanation": e("p_expl")},
        "numero": {"type": "numeric", "lesson": f"{M1}/02-medir", "prompt": e("n_prompt"), "answer": 4.5,
                    "tolerance": 0.1, "unit": "%", "feedback": e("n_fb"),
                    "wrong_answers": [{"answer": 22.2, "feedback": e("n_wrong_fb")}], "explanation": e("n_expl")},
        "respuesta-corta": {"type": "short_answer", "prompt": e("sa_prompt"), "answers": e("sa_answers"),
                         "feedback": e("sa_fb"), "explanation": e("sa_expl")},
    }


def _quiz(title: dict[str, Any], kind: str, questions: dict[str, dict[str, Any]], **extra: Any) -> str:
    body = {"title": title, "kind": kind, **extra,
            "questions": [{"id": qid, **q} for qid, q in questions.items()]}
    # JSON is YAML: no line folding, every text quoted as written.
    return "# yaml-language-server: $schema=schema/quiz.schema.json\n" + json.dumps(body, ensure_ascii=False,
                                                                                   indent=1) + "\n"


def write_texts(root: Path, langs: tuple[str, ...], local_catalogues: Path | None = None,
                brand_licence: bool = False) -> None:
    """Replace every author text of the course `init` made in `root` with the translations of texts.yml.

    The licence line is mkdocs.yml's, in the first language, unless `brand_licence`: then the brand gives
    one per language (its `copyright`)."""
    for scaffolded in ("modules/01-first-module", "quizzes/01-first-module.yml",
                       "quizzes/01-first-module-checks.yml"):
        path = root / scaffolded
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    if local_catalogues is not None:  # a language whose interface strings coursegen does not ship yet
        shutil.copytree(local_catalogues, root / "theme" / "strings", dirs_exist_ok=True)
    first = texts()[langs[0]]
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    lines = [f"copyright: {json.dumps(first['licence'], ensure_ascii=False)}" if line.startswith("copyright:")
             else f"site_author: {json.dumps(first['brand']['name'], ensure_ascii=False)}"
             if line.startswith("site_author:") else line for line in lines]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for lang in langs:
        t, sfx = texts()[lang], _suffix(lang, langs)
        pages, m1, m2 = root / "pages", root / "modules" / M1, root / "modules" / M2
        for folder in (m1, m2):
            folder.mkdir(parents=True, exist_ok=True)
        (pages / f"index{sfx}.md").write_text(
            _page({"title": t["title"], "description": t["home"]["description"]}, t["home"]["body"]), encoding="utf-8")
        (pages / f"abbreviations{sfx}.md").write_text(f"*[{t['abbr'][0]}]: {t['abbr'][1]}\n", encoding="utf-8")
        for folder, key, quiz, extra in ((m1, "m1", M1, f"[[quiz:{M1}-checks]]"), (m2, "m2", M2, "")):
            meta = {"title": t[key]["title"], "description": t[key]["description"], "quiz": quiz,
                    "objectives": t[key]["objectives"]}
            (folder / f"index{sfx}.md").write_text(_page(meta, f"{t[key]['body']}\n\n{extra}".strip()),
                                                   encoding="utf-8")
        lessons = ((m1, "01-meta", "m1l1", f"{t['abbr'][0]}\n\n[[question:{M1}-checks/primera]]"),
                   (m1, "02-medir", "m1l2", f"[[question:{M1}-checks/tasa]]"), (m2, "01-resena", "m2l1", ""))
        for folder, stem, key, extra in lessons:
            body = f"## {t[key]['title']}\n\n{t[key]['body']}\n\n{extra}".strip()
            (folder / f"{stem}{sfx}.md").write_text(
                _page({"title": t[key]["title"], "description": t[key]["description"]}, body), encoding="utf-8")
        (m1 / f"trainer{sfx}.md").write_text(
            _page({"title": t["m1t"]["title"], "description": t["m1t"]["description"]},
                  f"## {t['m1t']['title']}\n\n{t['m1t']['body']}"), encoding="utf-8")
    questions = _questions(langs)
    quizzes = root / "quizzes"
    (quizzes / f"{M1}.yml").write_text(_quiz(_each(langs, "quiz1"), "module", questions, pass_mark=75),
                                       encoding="utf-8")
    exam = {f"examen-{qid}": questions[qid] for qid in ("eleccion", "cierto", "numero")}
    (quizzes / f"{M2}.yml").write_text(_quiz(_each(langs, "quiz2"), "module", exam, pass_mark=60, mode="exam",
                                             time_limit=10, draw=2), encoding="utf-8")
    checks = {"primera": {"type": "single", "lesson": f"{M1}/01-meta", "prompt": _each(langs, "c_prompt"),
                        "choices": _choices(langs, "c", {"b"}, "ab"), "explanation": _each(langs, "c_expl")},
              "tasa": questions["numero"]}
    (quizzes / f"{M1}-checks.yml").write_text(_quiz(_each(langs, "checks"), "check", checks), encoding="utf-8")
    _write_brand(root, langs, brand_licence)


def _write_brand(root: Path, langs: tuple[str, ...], licence: bool) -> None:
    def brand(key: str) -> dict[str, str]:
        return {lang: texts()[lang]["brand"][key] for lang in langs}

    data = {"name": brand("name"), "colors": {"primary": "#4051b5", "accent": "#3f51e0"},
            "contact": {"email": "formacion@example.org", "url": "https://example.org/", "address": brand("address")},
            "legal": brand("legal"), "privacy": brand("privacy"), "completion_stats": True,
            **({"copyright": brand("copyright")} if licence else {})}
    (root / "brands" / "default.yml").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
