// FSRS-4.5, written here from the algorithm its authors publish (the "Algorithm" page of the
// open-spaced-repetition wiki: power forgetting curve, stability and difficulty updates, default
// parameters), to measure against the Leitner scheme that schedule.js ships. No code of ts-fsrs is used.
// A step for cq.practice.review: (item, correct, days since its last answer) -> {s, f, days}; answers
// have two grades here, right ("Good", 3) and wrong ("Again", 1). `retention`: the recall it aims at.
"use strict";

const W = [0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072,
  0.0793, 0.3246, 1.587, 0.2272, 2.8755];
const FACTOR = 19 / 81, DECAY = -0.5;

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const recall = (t, s) => Math.pow(1 + (FACTOR * t) / s, DECAY);
const d0 = (g) => W[4] - (g - 3) * W[5];

function fsrs(retention = 0.9) {
  const scale = (Math.pow(retention, 1 / DECAY) - 1) / FACTOR; // the interval is `scale` times the stability
  return (item, correct, t) => {
    const g = correct ? 3 : 1;
    let s, f;
    if (!item.s) {
      s = W[g - 1];
      f = clamp(d0(g), 1, 10);
    } else {
      const r = recall(t, item.s);
      s = correct
        ? item.s * (Math.exp(W[8]) * (11 - item.f) * Math.pow(item.s, -W[9]) * (Math.exp(W[10] * (1 - r)) - 1) + 1)
        : Math.min(item.s, W[11] * Math.pow(item.f, -W[12]) * (Math.pow(item.s + 1, W[13]) - 1) * Math.exp(W[14] * (1 - r)));
      f = clamp(W[7] * d0(3) + (1 - W[7]) * (item.f - W[6] * (g - 3)), 1, 10);
    }
    return { s, f, days: s * scale };
  };
}

module.exports = { fsrs, recall };
