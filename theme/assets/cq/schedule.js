/* Spaced practice: when each question the learner has met comes back, and the practice state's codec.
 * Loaded only by the practice page and the home page's count (cq.load), never by a lesson or a quiz.
 *
 * The scheduler is a Leitner scheme, measured against FSRS on simulated learners (tests/js/practice-sim.test.js,
 * with our own implementation of FSRS-4.5 in tests/js/fsrs.js): it recalled as well or better for a few more
 * answers a week, weighs 300 bytes and needs no npm (ts-fsrs would, at build time, for pip and SCORM users).
 *
 * Days are the learner's local calendar days, counted from 1970: "tomorrow" is the next date on her
 * wall calendar, whatever the hour. Every date comes from cq.now(), so tests can move time. */
(function (cq) {
  "use strict";

  var DAY = 864e5;
  // The one clock of practice: Playwright's clock moves it in the browser tests.
  function now() { return Date.now(); }
  // The learner's calendar day of an instant (local time).
  function day(ms) { return Math.floor((ms - new Date(ms).getTimezoneOffset() * 6e4) / DAY); }

  /* -- Leitner: five boxes; right moves a question up a box, wrong sends it back to the first ----------- */
  // Chosen over FSRS by tests/js/practice-sim.test.js: on simulated learners with two grades (right,
  // wrong), FSRS's published default parameters recalled less for about the same number of answers.
  var BOXES = [1, 3, 7, 14, 30];
  function leitner(item, correct) {
    var b = correct ? Math.min((item.b || 0) + 1, BOXES.length) : 1;
    return { b: b, days: correct ? BOXES[b - 1] : 1 };
  }

  // The item after an answer at `ms`: {b: box, d: due day, l: last answer (ms), n: answers, m: 1 if it was
  // wrong}. `step` (item, correct, days since its last answer) -> {its own fields, days: the interval}:
  // Leitner unless a test passes another scheme.
  function review(item, correct, ms, step) {
    var next = (step || leitner)(item, correct, item.l ? Math.max(0, day(ms) - day(item.l)) : 0);
    // A wrong answer comes back the next day; a right one after its interval, at least a day later.
    next.d = day(ms) + (correct ? Math.max(1, Math.round(next.days)) : 1);
    delete next.days;
    next.l = ms;
    next.n = (item.n || 0) + 1;
    next.m = correct ? 0 : 1;
    return next;
  }

  /* -- state: {v: 1, items: {"quiz/question": item}, session: {day, ids, done: {id: 0|1}}} --------------- */
  function number(x, lo, hi) { return typeof x === "number" && isFinite(x) && x >= lo && x <= hi; }
  // Only well-formed items of questions the course still has are kept: each damaged one goes on its own
  // (wrong types, an answer dated in the future), and the caller warns once for all of them.
  function clean(raw, ids, ms) {
    var out = { v: 1, items: {}, session: null }, bad = 0, today = day(ms);
    var items = raw && typeof raw === "object" && raw.items && typeof raw.items === "object" ? raw.items : {};
    if (raw && (raw.v !== 1 || typeof raw.items !== "object")) bad++;
    Object.keys(items).forEach(function (id) {
      var it = items[id];
      if (ids.indexOf(id) === -1) return; // a course update removed it: dropped without a word
      if (it && number(it.b, 1, BOXES.length) && it.b % 1 === 0 && number(it.l, 0, ms + 6e4) &&
          number(it.d, day(it.l), today + 400) && number(it.n, 1, 1e6) && (it.m === 0 || it.m === 1)) {
        out.items[id] = { b: it.b, d: it.d, l: it.l, n: it.n, m: it.m };
      } else bad++;
    });
    var s = raw && raw.session;
    if (s && s.day === today && Array.isArray(s.ids) && s.done && typeof s.done === "object") {
      var known = s.ids.filter(function (id) { return ids.indexOf(id) !== -1; });
      var done = {};
      known.forEach(function (id) { if (s.done[id] === 0 || s.done[id] === 1) done[id] = s.done[id]; });
      out.session = { day: today, ids: known, done: done };
    }
    return { state: out, bad: bad };
  }
  // Two states (this browser's and a progress file's) as one: for each question, the later answer wins.
  function merge(a, b) {
    var items = {};
    [a, b].forEach(function (st) {
      Object.keys((st && st.items) || {}).forEach(function (id) {
        var it = st.items[id];
        if (!items[id] || it.l > items[id].l) items[id] = it;
      });
    });
    return { v: 1, items: items, session: (a && a.session) || (b && b.session) || null };
  }

  /* -- what is practised: questions met in lessons and quizzes, then practised here ------------------- */
  // The items of every question the learner has answered (progress: cq:v1 state), practice items first.
  // A question met in a lesson or a quiz but never practised counts as answered then; missed (its first
  // answer in that sitting wrong) it is due at once.
  function known(practice, progress, ids, ms) {
    var items = {};
    Object.keys(progress.quizzes || {}).forEach(function (quiz) {
      var entry = progress.quizzes[quiz], answers = entry && entry.answers;
      var at = Date.parse(entry && entry.at) || 0;
      Object.keys(answers && typeof answers === "object" ? answers : {}).forEach(function (q) {
        var a = answers[q], id = quiz + "/" + q;
        if (ids.indexOf(id) === -1 || !a || !Array.isArray(a.value)) return;
        var right = a.correct === true && !a.miss, item = review({}, right, Math.min(at, ms));
        if (!right) item.d = day(item.l); // missed in a lesson or a quiz: practised the same day
        items[id] = item;
      });
    });
    Object.keys(practice.items).forEach(function (id) { items[id] = practice.items[id]; });
    return items;
  }
  // Questions due on `today`, missed ones first, then by due day, then least recently answered.
  function due(items, today) {
    return Object.keys(items).filter(function (id) { return items[id].d <= today; })
      .sort(function (x, y) { var a = items[x], b = items[y]; return b.m - a.m || a.d - b.d || a.l - b.l; });
  }
  // A session: up to `max` due questions; with `more` (the learner asked to practise anyway), topped up
  // with the questions not seen for longest.
  function pick(items, today, max, more) {
    var first = due(items, today);
    var rest = !more ? [] : Object.keys(items).filter(function (id) { return first.indexOf(id) === -1; })
      .sort(function (x, y) { return items[x].l - items[y].l; });
    return first.concat(rest).slice(0, max);
  }
  // The next days something falls due (after today), at most `max` of them, as day numbers.
  function upcoming(items, today, max) {
    var days = [];
    Object.keys(items).forEach(function (id) { var d = items[id].d; if (d > today && days.indexOf(d) === -1) days.push(d); });
    return days.sort(function (a, b) { return a - b; }).slice(0, max);
  }

  /* -- a calendar file (RFC 5545): one all-day event a practice day ----------------------------------- */
  function ymd(d) { return new Date(d * DAY).toISOString().slice(0, 10).replace(/-/g, ""); }
  function ics(days, title, url, stamp) {
    var esc = function (s) { return String(s).replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n"); };
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//coursegen//practice//EN"];
    days.forEach(function (d) {
      lines.push("BEGIN:VEVENT", "UID:practice-" + ymd(d) + "@coursegen", "DTSTAMP:" + ymd(day(stamp)) + "T000000Z",
        "DTSTART;VALUE=DATE:" + ymd(d), "DTEND;VALUE=DATE:" + ymd(d + 1), "SUMMARY:" + esc(title),
        "URL:" + esc(url), "END:VEVENT");
    });
    return lines.concat("END:VCALENDAR").join("\r\n") + "\r\n";
  }

  // "quiz/question" of every question the course map (render/journey.py) lists: module quizzes and checks.
  function mapIds(course) {
    var out = [];
    course.modules.forEach(function (m) {
      m.ids.forEach(function (q) { out.push(m.quiz + "/" + q); });
      m.lessons.forEach(function (l) { l.checks.forEach(function (c) { out.push(c[0] + "/" + c[1]); }); });
    });
    return out;
  }

  cq.now = now;
  cq.practice = { KEY: "cq:practice", day: day, review: review, clean: clean, merge: merge,
                  known: known, due: due, pick: pick, upcoming: upcoming, ics: ics, ymd: ymd, mapIds: mapIds };
})(self.cq);
