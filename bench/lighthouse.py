"""Lighthouse performance (mobile preset, simulated slow 4G) of a page, with Debian's Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@dataclass
class Score:
    performance: float
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    cls: float
    bytes: int  # transferred, as Lighthouse counted them
    script_ms: dict[str, float]  # CPU time per script file (4x slowed mobile CPU), from "bootup-time"


def available() -> str | None:
    """None when Lighthouse can run here, else the reason it cannot."""
    if not LIGHTHOUSE.exists():
        return "node_modules/.bin/lighthouse missing (make bench runs npm install)"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} missing (make browsers installs it)"
    return None


def measure(url: str) -> Score:
    """Run Lighthouse's default (mobile) performance audit on `url`."""
    with tempfile.TemporaryDirectory(prefix="coursegen-lh-") as work:
        report = Path(work) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
             f"--output-path={report}", "--quiet", f"--chrome-flags={' '.join(FLAGS)}"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=240,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return Score(
        performance=float(data["categories"]["performance"]["score"]),
        fcp_ms=float(audits["first-contentful-paint"]["numericValue"]),
        lcp_ms=float(audits["largest-contentful-paint"]["numericValue"]),
        tbt_ms=float(audits["total-blocking-time"]["numericValue"]),
        cls=float(audits["cumulative-layout-shift"]["numericValue"]),
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        script_ms={item["url"].rsplit("/", 1)[-1] or "(the page)": float(item["total"])
                   for item in (audits.get("bootup-time", {}).get("details") or {}).get("items", [])},
    )
