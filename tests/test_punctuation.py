"""Punctuation the generator adds around an author's texts follows the page's language: lists of accepted
answers joined as CLDR joins alternatives (a、b或c, a أو b, "a, b or c"), and no full stop added after a text
that already ends with its own script's sentence mark (؟ 。 ？ ।)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.build import build
from generator.cli.main import main
from generator.render.quiz import sentence
from tests.conftest import soup

ACCEPTED = {"zh": ["KPI", "关键绩效指标", "绩效指标"], "ar": ["KPI", "مؤشر الأداء الرئيسي", "مؤشر الأداء"]}
WRONG = {"zh": ["ROI", "投资回报率"], "ar": ["ROI", "العائد على الاستثمار"]}
PROMPT = {"zh": "哪个缩写指为判断目标是否达成而跟踪的数字？",
          "ar": "ما الاختصار الذي يدل على الرقم الذي نتابعه لمعرفة بلوغ الهدف؟"}


def test_a_text_ending_with_its_scripts_own_mark_takes_no_full_stop() -> None:
    for text in ("هل هذا صحيح؟", "对吗？", "这是目标。", "太好了！", "क्या यह सही है।", "کیا یہ درست ہے۔"):
        assert str(sentence(text)) == text, text
    assert str(sentence("A goal")) == "A goal." and str(sentence("Really?")) == "Really?"
    assert str(sentence("这是目标")) == "这是目标."  # no full stop of its own: ours (CLDR has none to give)


def test_accepted_answers_are_joined_as_the_language_joins_alternatives(tmp_path: Path) -> None:
    root = tmp_path / "course"
    assert main(["init", str(root), "--languages", "zh,ar", "-q"]) == 0
    quiz = root / "quizzes" / "01-first-module.yml"
    data = yaml.safe_load(quiz.read_text(encoding="utf-8"))
    data["questions"].append({
        "id": "term", "type": "short_answer", "prompt": PROMPT, "answers": ACCEPTED,
        "feedback": {"zh": "对。", "ar": "نعم."}, "explanation": {"zh": "关键绩效指标。", "ar": "مؤشر الأداء."},
        "wrong_answers": [{"answers": WRONG, "feedback": {"zh": "不对。", "ar": "لا."}}]})
    quiz.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    build(root, root / "site")
    said = {}
    for lang in ("zh", "ar"):
        page = soup(root / "site" / lang / "01-first-module" / "quiz" / "index.html")
        said[lang] = [li.get_text(" ", strip=True) for li in page.select("#cq-01-first-module-term .cq-answer li")]
        prompt = page.select_one("#cq-01-first-module-term .cq-prompt, #cq-01-first-module-term legend")
        assert prompt is not None and prompt.get_text(strip=True).endswith(PROMPT[lang][-1]), "no full stop added"
    assert "（" not in said["zh"][0]  # parentheses stay ASCII: CLDR gives no brackets (see the report)
    assert "关键绩效指标或绩效指标" in said["zh"][0] and "关键绩效指标, 绩效指标" not in said["zh"][0], said
    assert "ROI或投资回报率" in said["zh"][1], said
    assert "مؤشر الأداء الرئيسي أو مؤشر الأداء" in said["ar"][0] and "، " not in said["ar"][0], said
    assert "ROI أو العائد على الاستثمار" in said["ar"][1], said
