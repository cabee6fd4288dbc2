// The practice scheduler and the practice state's codec (schedule.js): what comes back when, what a damaged
// or foreign state keeps, how two states merge, the calendar file.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, plain } = require("./browser.js");

const cq = load("core.js", "schedule.js");
const P = cq.practice;
const DAY = 864e5;
const T0 = new Date(2026, 11, 7, 22, 30).getTime(); // late evening, local time: "tomorrow" is still the next date

test("a wrong answer comes back the next calendar day, right answers later each time", () => {
  const today = P.day(T0);
  assert.equal(P.day(T0 + 2 * 3600e3), today + 1, "half past midnight is tomorrow already");
  let item = P.review({}, false, T0);
  assert.deepEqual(plain(item), { b: 1, d: today + 1, l: T0, n: 1, m: 1 });
  const gaps = [];
  let at = T0 + DAY;
  for (let i = 0; i < 5; i++) {
    item = P.review(item, true, at);
    gaps.push(item.d - P.day(at));
    at = (item.d - P.day(at)) * DAY + at;
  }
  assert.deepEqual(gaps, [3, 7, 14, 30, 30], "box 2 after the first box, then up to the fifth");
  assert.equal(P.review(item, false, at).d, P.day(at) + 1, "a lapse starts again at the first box");
});

test("a session: missed first, then due by day, then (asked for) the least recently seen; at most 10", () => {
  const today = 100;
  const items = {
    "q/late": { b: 2, d: 98, l: 5, n: 2, m: 0 }, "q/missed": { b: 1, d: 100, l: 9, n: 1, m: 1 },
    "q/missed-today": { b: 1, d: 101, l: 11, n: 2, m: 1 },
    "q/due": { b: 2, d: 100, l: 3, n: 2, m: 0 }, "q/later": { b: 3, d: 110, l: 1, n: 3, m: 0 },
    "q/later2": { b: 3, d: 105, l: 2, n: 3, m: 0 },
  };
  assert.deepEqual(plain(P.pick(items, today, 10)), ["q/missed", "q/late", "q/due"]);
  assert.deepEqual(plain(P.pick(items, today, 10, true)),
    ["q/missed", "q/late", "q/due", "q/later", "q/later2", "q/missed-today"]);
  assert.deepEqual(plain(P.pick(items, today, 2)), ["q/missed", "q/late"]);
  const many = {};
  for (let i = 0; i < 15; i++) many["q/" + i] = { b: 1, d: 90, l: i, n: 1, m: 0 };
  assert.equal(P.pick(many, today, 10).length, 10);
});

test("questions met in lessons and quizzes join practice; missed ones at once; practice items win", () => {
  const at = new Date(T0 - 3 * DAY).toISOString();
  const progress = { v: 1, quizzes: {
    checks: { at, answers: { a: { value: ["x"], correct: false }, b: { value: ["y"], correct: true },
                              c: { value: ["z"], correct: true, miss: 1 }, gone: { value: ["z"], correct: false } } },
    mod: { at, answers: { q1: { value: ["b"], correct: true } } },
  } };
  const practice = { items: { "mod/q1": { b: 3, d: P.day(T0) + 9, l: T0, n: 4, m: 0 } } };
  const items = P.known(practice, progress, ["checks/a", "checks/b", "checks/c", "mod/q1"], T0);
  assert.deepEqual(Object.keys(items).sort(), ["checks/a", "checks/b", "checks/c", "mod/q1"]);
  assert.equal(items["checks/a"].m, 1);
  assert.equal(items["checks/a"].d, P.day(T0) - 3, "missed three days ago: due since then");
  assert.equal(items["checks/c"].m, 1, "right at the second try: missed all the same");
  assert.equal(items["checks/b"].d, P.day(T0) - 2, "right three days ago: due the day after");
  assert.equal(items["mod/q1"].d, P.day(T0) + 9);
  assert.deepEqual(plain(P.due(items, P.day(T0))), ["checks/a", "checks/c", "checks/b"]);
});

test("a damaged state is kept item by item: wrong types, answers in the future, unknown ids", () => {
  const good = { b: 2, d: P.day(T0) + 3, l: T0 - DAY, n: 2, m: 0 };
  const raw = { v: 1, items: {
    "q/good": good, "q/future": { ...good, l: T0 + 5 * DAY }, "q/text": { ...good, b: "2" },
    "q/box": { ...good, b: 9 }, "q/null": null, "q/removed": good, "q/far": { ...good, d: P.day(T0) + 5000 },
  }, session: { day: P.day(T0), ids: ["q/good", "q/removed"], done: { "q/good": 1, "q/removed": 0 } } };
  const { state, bad } = P.clean(raw, ["q/good", "q/future", "q/text", "q/box", "q/null", "q/far"], T0);
  assert.deepEqual(Object.keys(state.items), ["q/good"]);
  assert.equal(bad, 5, "the removed question goes without counting as damage");
  assert.deepEqual(plain(state.session), { day: P.day(T0), ids: ["q/good"], done: { "q/good": 1 } });
  assert.equal(P.clean(raw, ["q/good"], T0 + DAY).state.session, null, "yesterday's session is over");
  for (const junk of [null, "text", 7, [], { v: 2, items: [] }, { v: 1, items: "x" }]) {
    assert.deepEqual(Object.keys(P.clean(junk, ["q/good"], T0).state.items), []);
  }
});

test("merging two states loses nothing: each question keeps its latest answer", () => {
  const a = { items: { "q/1": { b: 1, d: 5, l: 10, n: 1, m: 1 }, "q/2": { b: 3, d: 9, l: 30, n: 3, m: 0 } } };
  const b = { items: { "q/1": { b: 2, d: 7, l: 20, n: 2, m: 0 }, "q/3": { b: 1, d: 4, l: 5, n: 1, m: 0 } } };
  const m = plain(P.merge(a, b));
  assert.deepEqual(Object.keys(m.items).sort(), ["q/1", "q/2", "q/3"]);
  assert.equal(m.items["q/1"].l, 20);
  assert.equal(m.items["q/2"].l, 30);
  assert.deepEqual(plain(P.merge(b, a)).items, m.items, "in either order");
});

test("the calendar file: one all-day event per practice day, escaped text, CRLF lines", () => {
  const today = P.day(T0);
  const items = { "q/1": { b: 1, d: today + 1, l: T0, n: 1, m: 1 }, "q/2": { b: 2, d: today + 3, l: T0, n: 1, m: 0 },
                  "q/3": { b: 2, d: today + 3, l: T0, n: 1, m: 0 } };
  const days = P.upcoming(items, today, 5);
  assert.deepEqual(plain(days), [today + 1, today + 3]);
  const text = P.ics(days, "Practise: social media, goals", "https://example.org/en/practice/", T0);
  assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  assert.equal(text.match(/BEGIN:VEVENT/g).length, 2);
  assert.match(text, /DTSTART;VALUE=DATE:20261208\r\nDTEND;VALUE=DATE:20261209\r\n/);
  assert.match(text, /SUMMARY:Practise: social media\\, goals\r\n/);
  assert.ok(text.endsWith("END:VCALENDAR\r\n"));
});
