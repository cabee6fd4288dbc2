// The exam clock's arithmetic (exam.js) and feedback without a repeated verdict (core.js).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./browser.js");

const cq = load("core.js", "exam.js");

test("an extension adds half the time allowed, at least a minute, as often as asked", () => {
  assert.equal(cq.clock.step(10), 5);
  assert.equal(cq.clock.step(15), 8);
  assert.equal(cq.clock.step(1), 1);
  assert.equal(cq.clock.allowed(10, 0), 10);
  assert.equal(cq.clock.allowed(10, 3), 25);
  assert.equal(cq.clock.allowed(10, undefined), 10, "no extension stored yet");
});

test("the seconds left count from Start, never below zero, and read m:ss", () => {
  const start = 1_000_000;
  assert.equal(cq.clock.secondsLeft(start, 10, 0, start), 600);
  assert.equal(cq.clock.secondsLeft(start, 10, 0, start + 599_001), 1);
  assert.equal(cq.clock.secondsLeft(start, 10, 0, start + 700_000), 0);
  assert.equal(cq.clock.secondsLeft(start, 10, 1, start + 700_000), 200, "an extension after 0:00 is too late only once submitted");
  assert.equal(cq.clock.text(605), "10:05");
  assert.equal(cq.clock.text(59), "0:59");
});

test("feedback drops the verdict the status line already gave", () => {
  assert.equal(cq.unrepeat("Exact\u00a0: 90 / 2 000 = 4,5 %.", ["Exact.", "Pas tout à fait."]), "90 / 2 000 = 4,5 %.");
  assert.equal(cq.unrepeat("Exact : oui.", ["Exact."]), "Oui.");
  assert.equal(cq.unrepeat("Right: number and date.", ["Right.", "Not quite."]), "Number and date.");
  assert.equal(cq.unrepeat("Not quite: divide by the reach.", ["Right.", "Not quite."]), "Divide by the reach.");
  assert.equal(cq.unrepeat("Yes: the goal decides.", ["Right.", "Not quite."]), "Yes: the goal decides.");
  assert.equal(cq.unrepeat("Rightly so.", ["Right."]), "Rightly so.", "a word that only begins the same stays");
  assert.equal(cq.unrepeat("Right.", ["Right."]), "Right.", "nothing left: the feedback stays whole");
});
