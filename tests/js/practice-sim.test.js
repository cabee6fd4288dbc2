// Simulated learners: FSRS (schedule.js, our own implementation) against a Leitner baseline, on the same
// learners and the same days. The learners' memory is NOT FSRS's model (that would let FSRS grade its own
// homework): each question has a half-life h, recall after t days is 2^(-t/h), a right answer multiplies h
// (more after a longer gap: the spacing effect), a wrong one halves it. A learner meets 40 questions over
// her first two weeks (a third of them missed) and opens the practice page on about 3 days a week, doing
// what is due (up to 10). Measured over 13 weeks: practice answers a week, and recall (the chance she
// would answer a question right), averaged over every question and every day from week 3, and on day 91.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./browser.js");
const { fsrs } = require("./fsrs.js");

const cq = load("core.js", "schedule.js");
const P = cq.practice;
const DAY = 864e5;
const START = Date.UTC(2026, 0, 5, 9); // 9:00, a Monday

function rng(seed) { // mulberry32: the same learners for both schedulers
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function simulate(step, memory, learners = 200, days = 91) {
  let answers = 0, recallSum = 0, recallN = 0, finalSum = 0, finalN = 0;
  for (let k = 0; k < learners; k++) {
    const next = rng(1000 + k);
    const growth = memory.growth + next(); // how much a right answer strengthens this learner's memory
    const qs = Array.from({ length: 40 }, (_, i) => ({ id: "q/" + i, h: memory.h0 * (1 + 2 * next()), seen: null, met: 2 * Math.floor(i / 6) }));
    const items = {};
    const answer = (q, t) => {
      const gap = (t - q.seen) / DAY, right = next() < Math.pow(2, -gap / q.h);
      q.h = right ? q.h * growth * (1 + Math.min(1, gap / q.h) / 2) : Math.max(0.5, q.h / 2);
      q.seen = t;
      return right;
    };
    for (let d = 0; d < days; d++) {
      const ms = START + d * DAY;
      for (const q of qs) {
        if (q.met !== d) continue;
        q.seen = ms - 3600e3; // read in the lesson an hour before its question
        items[q.id] = P.review({}, answer(q, ms), ms, step);
      }
      if (d > 0 && next() < 0.43) {
        for (const id of P.pick(items, P.day(ms), 10)) {
          const q = qs[Number(id.slice(2))];
          items[id] = P.review(items[id], answer(q, ms), ms, step);
          answers++;
        }
      }
      if (d >= 14) {
        const end = ms + 12 * 3600e3;
        for (const q of qs) {
          const r = Math.pow(2, -(end - q.seen) / DAY / q.h);
          recallSum += r; recallN++;
          if (d === days - 1) { finalSum += r; finalN++; }
        }
      }
    }
  }
  return { perWeek: answers / learners / (days / 7), recall: recallSum / recallN, final: finalSum / finalN };
}

// Two kinds of learner: a first answer's memory lasting 1 to 3 days (growing 2-3 times with each right
// answer), and a stronger one (2 to 6 days, 2.5-3.5 times).
const MEMORIES = { typical: { h0: 1, growth: 2 }, strong: { h0: 2, growth: 2.5 } };

test("Leitner against FSRS on the same simulated learners: answers a week and recall", () => {
  const lines = ["learners  scheme             answers/week  recall wk 3-13  recall day 91"];
  for (const [name, memory] of Object.entries(MEMORIES)) {
    const leitner = simulate(undefined, memory), f90 = simulate(fsrs(0.9), memory), f95 = simulate(fsrs(0.95), memory);
    for (const [scheme, r] of [["leitner (chosen)", leitner], ["fsrs, 90 %", f90], ["fsrs, 95 %", f95]]) {
      lines.push(`${name.padEnd(9)} ${scheme.padEnd(18)} ${r.perWeek.toFixed(1).padStart(12)} ` +
        `${(100 * r.recall).toFixed(1).padStart(12)} % ${(100 * r.final).toFixed(1).padStart(12)} %`);
    }
    // The choice holds while Leitner recalls at least as well as FSRS at either target, for at most a
    // fifth more answers than FSRS aiming at 95 %, which asks about as many.
    assert.ok(leitner.recall >= f90.recall && leitner.recall >= f95.recall, `${name}: ${lines.join("\n")}`);
    assert.ok(leitner.perWeek <= 1.2 * f95.perWeek, `${name}: ${lines.join("\n")}`);
  }
  console.log(lines.join("\n"));
});
