"""Waiting in a page on a condition that is a Promise (caches, service worker registrations).

Playwright's `wait_for_function` does not await a Promise the predicate returns: a Promise is truthy, so a
wait on `caches.keys().then(...)` returns at once, whatever the promise resolves to (measured with
Playwright 1.65 and Chromium). `page.evaluate` does await it: `until` polls with it.
"""

from __future__ import annotations

import time
from typing import Any


def until(page: Any, predicate: str, arg: object = None, timeout: float = 60.0, what: str = "") -> Any:
    """Evaluate `predicate` (a JS function of `arg`, or an expression) every 200 ms until it resolves truthy;
    return that value, or fail after `timeout` seconds saying `what` was awaited. A navigation under way
    (the context destroyed) counts as not yet."""
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = page.evaluate(predicate, arg)
        except Error as error:
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what or predicate[:120]}")
        page.wait_for_timeout(200)
