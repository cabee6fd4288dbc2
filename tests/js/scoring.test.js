// Scoring: one rule (core.js) for the quiz page, the progress page and the LMS (scorm.js).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load, plain } = require("./browser.js");

const cq = load("core.js");

test("single choice and true/false: right only with the right choice", () => {
  assert.equal(cq.judge("single", ["b"], ["b"]), true);
  assert.equal(cq.judge("single", ["a"], ["b"]), false);
  assert.equal(cq.judge("true_false", ["false"], ["false"]), true);
  assert.equal(cq.judge("true_false", ["true"], ["false"]), false);
});

test("multiple choice: every right choice and no other, in any order", () => {
  assert.equal(cq.judge("multiple", ["c", "a"], ["a", "c"]), true);
  assert.equal(cq.judge("multiple", ["a"], ["a", "c"]), false, "one right choice missing");
  assert.equal(cq.judge("multiple", ["a", "b", "c"], ["a", "c"]), false, "one wrong choice added");
  assert.equal(cq.judge("multiple", ["a", "a"], ["a", "c"]), false);
});

test("ordering and matching: each item in its own place", () => {
  // answer[i] is what the learner put for the author's item i; the key lists the items.
  assert.equal(cq.judge("ordering", ["0", "1", "2"], ["0", "1", "2"]), true);
  assert.equal(cq.judge("ordering", ["1", "0", "2"], ["0", "1", "2"]), false);
  assert.equal(cq.judge("matching", ["0", "1"], ["0", "1"]), true);
  assert.equal(cq.judge("matching", ["0", "0"], ["0", "1"]), false);
});

// As the page lists them: the right answer 4.5 with a tolerance of 0.1, a typical wrong one, 2.25.
const RATE = [{ id: "0", correct: true, min: 4.4, max: 4.6 }, { id: "1", correct: false, min: 2.25, max: 2.25 }];

test("numeric: right within the tolerance, its edges included", () => {
  for (const value of ["4.5", "4.4", "4.6", "4.55"]) assert.equal(cq.judge("numeric", [value], RATE), true, value);
  for (const value of ["4.61", "4.39", "2.25", "-4.5"]) assert.equal(cq.judge("numeric", [value], RATE), false, value);
});

test("numeric: the listed answer a value matches gives its feedback, a right or a typical wrong one", () => {
  assert.equal(cq.matchTyped(true, "4.45", RATE).id, "0");
  assert.equal(cq.matchTyped(true, "2.25", RATE).id, "1");
  assert.equal(cq.matchTyped(true, "3", RATE), null);
});

const TERM = [{ id: "0", correct: true, accept: ["KPI", "key performance indicator"] },
  { id: "1", correct: false, accept: ["ROI"] }];

test("short answer: case, accents, punctuation and extra spaces do not count", () => {
  for (const value of ["KPI", "kpi", " K.P.I. ", " Key  performance\tindicator", "KEY PERFORMANCE INDICATOR!"]) {
    assert.equal(cq.judge("short_answer", [value], TERM), true, value);
  }
  assert.equal(cq.judge("short_answer", ["ROI"], TERM), false);
  assert.equal(cq.matchTyped(false, "roi", TERM).id, "1");
  assert.equal(cq.judge("short_answer", ["KPIs"], TERM), false);
  assert.equal(cq.judge("short_answer", ["key performance-indicator"], TERM), false,
    "punctuation goes, as the generator's rule: a hyphen joins two words into one");
  const french = [{ id: "0", correct: true, accept: ["Taux d’engagement"] }];
  assert.equal(cq.judge("short_answer", ["taux dengagement"], french), true);
  assert.equal(cq.judge("short_answer", ["TAUX D'ENGAGEMENT"], french), true);
  // Marks are optional after Latin, Greek, Cyrillic, Arabic and Hebrew letters, as in model.normalise_answer;
  // a Hindi vowel sign is part of the word (काम, work, is not कम, less).
  assert.equal(cq.judge("short_answer", ["متابع"], [{ id: "0", correct: true, accept: ["مُتَابِع"] }]), true);
  assert.equal(cq.judge("short_answer", ["कम"], [{ id: "0", correct: true, accept: ["काम"] }]), false);
  assert.equal(cq.judge("short_answer", ["काम"], [{ id: "0", correct: true, accept: ["काम"] }]), true);
  assert.equal(cq.judge("short_answer", ["taux d engagement"], french), false, "an apostrophe is not a space");
});

const answered = (correct) => ({ value: ["a"], correct });

test("an attempt's score: right answers over the questions asked, rounded, at most 100", () => {
  const entry = { answers: { q1: answered(true), q2: answered(false), q3: answered(true) } };
  assert.deepEqual(plain(cq.score(entry, ["q1", "q2", "q3"], 3)),
    { answered: 3, right: 2, percent: 67, complete: true, submitted: false });
  assert.deepEqual(plain(cq.score({ answers: { q1: answered(true) } }, ["q1", "q2", "q3"], 3)),
    { answered: 1, right: 1, percent: 33, complete: false, submitted: false });
});

test("answers to questions a course update removed never count", () => {
  const entry = { answers: { gone: answered(true), q1: answered(false) } };
  assert.deepEqual(plain(cq.score(entry, ["q1", "q2"], 2)),
    { answered: 1, right: 0, percent: 0, complete: false, submitted: false });
});

test("a pool counts the questions its attempt drew, over the size it asks", () => {
  const entry = { draw: ["q2", "q3"], submitted: true,
    answers: { q1: answered(true), q2: answered(true), q3: answered(false) } };
  assert.deepEqual(plain(cq.score(entry, ["q1", "q2", "q3", "q4"], 2)),
    { answered: 2, right: 1, percent: 50, complete: true, submitted: true });
});

test("broken or foreign stored answers count as not answered", () => {
  const entry = { answers: { q1: { value: "a", correct: true }, q2: null, q3: { value: ["a"], correct: "yes" } } };
  assert.deepEqual(plain(cq.score(entry, ["q1", "q2", "q3"], 3)),
    { answered: 1, right: 0, percent: 0, complete: false, submitted: false });
  assert.deepEqual(plain(cq.score(undefined, ["q1"], 1)),
    { answered: 0, right: 0, percent: 0, complete: false, submitted: false });
  assert.equal(cq.score({ answers: {} }, [], 0).percent, 0, "an empty quiz does not divide by zero");
});
