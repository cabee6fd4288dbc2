"""A learner's first visit on a slow phone (issue 22): bytes before the page is usable, and first paint.

Chromium (Debian's, through Playwright) with a 390x844 touch viewport and a cold cache (a new context
for every visit) loads a page over a connection throttled in the browser itself (CDP
`Network.emulateNetworkConditions`: 400 kbps each way, 400 ms from request to response headers). The
page counts as usable at its load event: what it fetched until then is what the learner waited for
(the search index, fetched when search opens, and the offline reader's downloads, which start after
load, are not in it). Bytes are those on the wire (CDP `encodedDataLength`: headers and body, gzip or
not), so the same page served with and without gzip shows what compression saves.

Timings are reported, never asserted: they depend on the machine.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.gzip_server import serving
from bench.report import Report

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
KBPS = 400
RTT_MS = 400
# The goals of issue 22, with gzip on.
FIRST_PAINT_GOAL_S = 2.5
BYTES_GOAL_KB = 300
NOTE = (f"A phone's first visit: Debian's Chromium at 390x844 with touch, a new context (cold cache) for each "
        f"visit, its network throttled by CDP to {KBPS} kbps each way and {RTT_MS} ms from request to response "
        "headers; bytes are those on the wire (headers included) until the load event, the page's `usable`: the "
        "search index (fetched when search opens) and the offline reader's downloads (after load) are not in them.")


@dataclass
class Visit:
    first_paint_s: float
    first_contentful_paint_s: float
    load_s: float  # the load event, from the start of navigation
    bytes: int  # on the wire until the load event
    files: int  # responses finished until the load event


def throttle(cdp: Any) -> None:
    """Slow this page's network as the issue's phone: 400 kbps down and up, 400 ms round trip."""
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})  # cold, even within one visit's context
    rate = KBPS * 1000 / 8  # bytes per second
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": RTT_MS,
                                                  "downloadThroughput": rate, "uploadThroughput": rate})


def visit(browser: Any, url: str) -> Visit:
    """One cold first visit of `url` on the throttled phone."""
    # The offline reader would start fetching the whole course at the load event: not part of the first
    # page, and blocked so that closing the context does not race its downloads.
    context = browser.new_context(**PHONE, service_workers="block")
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        finished: list[tuple[float, int]] = []  # (CDP timestamp, bytes) of each response
        loaded: list[float] = []
        cdp.on("Network.loadingFinished", lambda e: finished.append((e["timestamp"], int(e["encodedDataLength"]))))
        cdp.on("Page.loadEventFired", lambda e: loaded.append(e["timestamp"]))
        cdp.send("Page.enable")
        throttle(cdp)
        page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_timeout(100)  # the CDP events of the load event reach us just after it
        paints = dict(page.evaluate(
            "performance.getEntriesByType('paint').map(e => [e.name, e.startTime / 1000])"))
        load = float(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart / 1000"))
        until = loaded[0] if loaded else float("inf")
        before = [size for stamp, size in finished if stamp <= until]
        return Visit(first_paint_s=float(paints.get("first-paint", 0.0)),
                     first_contentful_paint_s=float(paints.get("first-contentful-paint", 0.0)),
                     load_s=load, bytes=sum(before), files=len(before))
    finally:
        context.close()


def median_visit(visits: list[Visit]) -> Visit:
    return Visit(*(statistics.median(getattr(v, name) for v in visits)
                   for name in Visit.__dataclass_fields__))


@contextmanager
def chromium(browser: Any | None = None) -> Iterator[Any]:
    """A Chromium to visit with: the caller's own if it has one (Playwright's sync API allows one instance per
    thread, and a test worker already runs the suite's), else a new one closed after."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def first_visits(site: Path, pages: dict[str, str], report: Report, say: Callable[[str], None],
                 runs: int = 3, browser: Any | None = None) -> None:
    """Report a first visit of each page ({label: site-relative path}), served with and without gzip."""
    if not Path(CHROMIUM).exists():
        report.add("first visit on a throttled phone", f"not measured: {CHROMIUM} missing",
                   f"first paint <= {FIRST_PAINT_GOAL_S} s, <= {BYTES_GOAL_KB} KB")
        return
    report.notes.append(NOTE)
    with chromium(browser) as chrome:
        for compress in (True, False):
            with serving(site, compress=compress) as base:
                for label, path in pages.items():
                    how = "gzip" if compress else "no gzip"
                    say(f"real course: first visit on a throttled phone, {label}, {how}, {runs} runs")
                    seen = median_visit([visit(chrome, f"{base}/{path}") for _ in range(runs)])
                    row(report, label, how, seen, runs)


def row(report: Report, label: str, how: str, seen: Visit, runs: int) -> None:
    """One report row; the issue's goals stand beside the figures served with gzip."""
    value = (f"first paint {seen.first_paint_s:.2f} s, first contentful paint {seen.first_contentful_paint_s:.2f} s, "
             f"load {seen.load_s:.2f} s, {seen.bytes / 1024:.0f} KB in {seen.files} files before load")
    measure = (f"first visit, phone 390x844, {KBPS} kbps, {RTT_MS} ms RTT, cold cache, {label}, {how} "
               f"(median of {runs})")
    if how == "gzip":
        met = seen.first_paint_s <= FIRST_PAINT_GOAL_S and seen.bytes <= BYTES_GOAL_KB * 1024
        report.add(measure, value, f"first paint <= {FIRST_PAINT_GOAL_S} s, <= {BYTES_GOAL_KB} KB", met)
    else:
        report.add(measure, value)
