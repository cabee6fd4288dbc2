"""Lighthouse (npm lighthouse@12.2.3, Debian's Chromium), mobile preset: accessibility, best practices
and SEO at 1.00 on a lesson page and a quiz page. Performance moves with machine load: see bench/.

Run by `make bench`, not `make test` (the `lighthouse` marker): two Lighthouse runs cost about 15 s of a quiet
machine, and axe (tests/test_a11y.py) checks the same WCAG rules on every template in `make test`."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, REPO

pytestmark = [pytest.mark.browser, pytest.mark.lighthouse]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"


@pytest.mark.parametrize("path", ["en/03-replies/02-reply-frameworks/", "fr/01-goals/quiz/"])
def test_lighthouse_scores(built_real: Path, serve: object, tmp_path: Path, path: str) -> None:
    if not LIGHTHOUSE.exists():
        pytest.fail("lighthouse is missing: run `make test`, which runs npm install")
    url = f"{serve(built_real)}/{path}"  # type: ignore[operator]
    report = tmp_path / "report.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run([str(LIGHTHOUSE), url, "--only-categories=accessibility,best-practices,seo",
                    "--output=json", f"--output-path={report}", "--quiet", f"--chrome-flags={flags}"],
                   env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300)
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: category["score"] for key, category in data["categories"].items()}
    failing = [audit["id"] for audit in data["audits"].values()
               if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0]
    assert (scores, failing) == ({"accessibility": 1, "best-practices": 1, "seo": 1}, [])
