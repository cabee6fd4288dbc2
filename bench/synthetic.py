"""Write a synthetic course of N lessons that the real pipeline accepts, in English and French.

Shape (from issue 8): lessons of about 600 words, modules of 10 lessons, a check quiz of 5
questions embedded in every lesson, and a module quiz of 5 questions per module. The sizes
of quiz texts follow the real course (prompt ~25 words, 3 choices of ~10 words with ~25
words of feedback each, explanation ~28 words). Every question is single, multiple or
true/false, so the very same questions can also be written for mkdocs-quiz, which has no
ordering or matching type. Text is pseudo-random but reproducible (seeded).
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
LESSONS_PER_MODULE = 10
QUESTIONS_PER_QUIZ = 5
# single, single, multiple, true/false, single: close to the real course's mix, all mkdocs-quiz can express.
QUESTION_TYPES = ("single", "single", "multiple", "true_false", "single")


def _pool(words: str) -> list[str]:
    return words.split()


EN = _pool(
    "account audience business brand calendar campaign comment community customer review reply post page "
    "photo video story team owner manager staff shop bakery salon garage hotel restaurant florist goal "
    "indicator reach message week month budget time plan rule tone answer question platform network "
    "follower visitor order booking result report charter guide step list table example reason risk "
    "answers writes reads checks plans measures shares follows keeps helps builds chooses decides "
    "local small clear useful simple regular public private weekly monthly careful friendly honest "
    "quickly often rarely together before after every each more less the a of for with to and in on"
)
FR = _pool(
    "compte public entreprise marque calendrier campagne commentaire communauté client avis réponse "
    "publication page photo vidéo équipe gérant personnel boutique boulangerie salon garage hôtel "
    "restaurant fleuriste objectif indicateur portée message semaine mois budget temps plan règle ton "
    "question plateforme réseau abonné visiteur commande réservation résultat bilan charte guide étape "
    "liste tableau exemple raison risque répond écrit lit vérifie prévoit mesure partage suit garde aide "
    "construit choisit décide local petit clair utile simple régulier public privé hebdomadaire mensuel "
    "prudent aimable honnête vite souvent rarement ensemble avant après chaque plus moins le la les un "
    "une des pour avec dans sur et"
)


@dataclass(frozen=True)
class Shape:
    """What was written: counts a caller needs to compute per-page figures."""

    lessons: int
    modules: int
    questions: int  # in every quiz, both kinds, once (each is shown in two languages)

    @property
    def pages_per_language(self) -> int:
        # lessons + one overview and one quiz page per module + home + progress
        return self.lessons + 2 * self.modules + 2


class Writer:
    """Deterministic text in both languages; the same seed gives the same course."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def words(self, lang: str, count: int) -> str:
        pool = EN if lang == "en" else FR
        return " ".join(self.rng.choice(pool) for _ in range(count))

    def sentence(self, lang: str, count: int) -> str:
        text = self.words(lang, count)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, lang: str, words: int) -> str:
        out: list[str] = []
        while words > 0:
            n = min(words, self.rng.randint(9, 17))
            out.append(self.sentence(lang, n))
            words -= n
        return " ".join(out)

    def text(self, count: int, sentence: bool = True) -> dict[str, str]:
        make = self.sentence if sentence else self.words
        return {lang: make(lang, count) for lang in ("en", "fr")}


def lesson_body(w: Writer, lang: str, previous: str | None, directive: str) -> str:
    """About 600 words of Markdown with the features real lessons use."""
    link = {"en": "the previous lesson", "fr": "la leçon précédente"}[lang]
    lines = [
        "## " + w.words(lang, 4).capitalize(), "",
        w.paragraph(lang, 90), "",
        w.paragraph(lang, 80), "",
        *[f"- {w.sentence(lang, 9)}" for _ in range(4)], "",
        f'!!! tip "{w.words(lang, 3).capitalize()}"',
        "    " + w.paragraph(lang, 45), "",
        "## " + w.words(lang, 4).capitalize(), "",
        w.paragraph(lang, 80) + (f" See [{link}]({previous})." if previous else ""), "",
        "| " + " | ".join(w.words(lang, 1) for _ in range(3)) + " |",
        "|---|---|---|",
        *["| " + " | ".join(w.words(lang, 3) for _ in range(3)) + " |" for _ in range(4)], "",
        "## " + w.words(lang, 3).capitalize(), "",
        w.paragraph(lang, 90), "",
        w.paragraph(lang, 90), "",
        directive, "",
    ]
    return "\n".join(lines)


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def question(w: Writer, kind: str, qid: str, lesson: str | None) -> dict[str, Any]:
    q: dict[str, Any] = {"id": qid, "type": kind}
    if lesson:
        q["lesson"] = lesson
    q["prompt"] = w.text(25)
    if kind == "true_false":
        q["answer"] = w.rng.random() < 0.5
        q["feedback_true"] = w.text(25)
        q["feedback_false"] = w.text(25)
    else:
        count = 4 if kind == "multiple" else 3
        right = set(w.rng.sample(range(count), 2 if kind == "multiple" else 1))
        q["choices"] = [
            {"id": "abcd"[i], **({"correct": True} if i in right else {}),
             "text": w.text(10, sentence=False), "feedback": w.text(25)}
            for i in range(count)
        ]
    q["explanation"] = w.text(28)
    return q


def quiz(w: Writer, title: dict[str, str], kind: str, lesson: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"title": title, "kind": kind}
    if kind == "module":
        data["pass_mark"] = 80
    data["questions"] = [question(w, t, f"q{i + 1}", lesson) for i, t in enumerate(QUESTION_TYPES)]
    return data


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_course(dest: Path, lessons: int, seed: int = 8) -> Shape:
    """A course of `lessons` lessons under `dest` (replaced), with the project's mkdocs.yml, course.yml and theme."""
    if dest.exists():
        shutil.rmtree(dest)
    modules = -(-lessons // LESSONS_PER_MODULE)
    if modules > 100:
        raise ValueError("module folders are numbered 00-99: at most 1,000 lessons")
    w = Writer(seed)
    dest.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copy(REPO / "course.yml", dest / "course.yml")  # English and French, as the shipped course
    shutil.copytree(REPO / "theme", dest / "theme")
    for lang, suffix in (("en", ""), ("fr", ".fr")):
        title = {"en": "Synthetic course", "fr": "Cours synthétique"}[lang]
        write_text(dest / "pages" / f"index{suffix}.md", front_matter(
            {"title": title, "description": title}) + w.paragraph(lang, 60) + "\n")
    done = 0
    for m in range(modules):
        slug = f"{m:02d}-module-{m:03d}"
        quiz_id = f"m{m:02d}"
        count = min(LESSONS_PER_MODULE, lessons - done)
        titles = w.text(4, sentence=False)
        for lang, suffix in (("en", ""), ("fr", ".fr")):
            meta = {"title": titles[lang].capitalize(), "description": w.sentence(lang, 12), "duration": 6 * count,
                    "quiz": quiz_id, "objectives": [w.sentence(lang, 10) for _ in range(3)]}
            write_text(dest / "modules" / slug / f"index{suffix}.md", front_matter(meta) + w.paragraph(lang, 50) + "\n")
        write_yaml(dest / "quizzes" / f"{quiz_id}.yml",
                   quiz(w, {"en": f"Module {m} quiz", "fr": f"Quiz du module {m}"}, "module", None))
        for n in range(1, count + 1):
            name = f"{n:02d}-lesson-{done + n:04d}"
            check_id = f"{quiz_id}-l{n:02d}"
            previous = f"{n - 1:02d}-lesson-{done + n - 1:04d}.md" if n > 1 else None
            lesson_titles = w.text(5, sentence=False)
            for lang, suffix in (("en", ""), ("fr", ".fr")):
                meta = {"title": lesson_titles[lang].capitalize(), "description": w.sentence(lang, 14), "duration": 6}
                # Links point at the English source in both languages, as the validator expects.
                body = lesson_body(w, lang, previous, f"[[quiz:{check_id}]]")
                write_text(dest / "modules" / slug / f"{name}{suffix}.md", front_matter(meta) + body)
            write_yaml(dest / "quizzes" / f"{check_id}.yml",
                       quiz(w, {"en": "Check your understanding", "fr": "Vérifiez votre compréhension"}, "check",
                            f"{slug}/{name}"))
        done += count
    return Shape(lessons, modules, QUESTIONS_PER_QUIZ * (lessons + modules))


def write_yaml(path: Path, data: dict[str, Any]) -> None:
    write_text(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
