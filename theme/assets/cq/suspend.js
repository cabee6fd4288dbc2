/* The SCORM suspend-data codec: what scorm.js writes to cmi.suspend_data and reads back. Loaded
 * after core.js and before scorm.js, in SCORM packages only; no page, no LMS: tests/js/ runs it in Node.
 *
 * cmi.suspend_data holds at most 4,096 characters, so the quiz state is packed against an index of the
 * course's quizzes written into the launch page: about four characters an answer. Two forms are read:
 * "c1<key>;…" (packed against the index whose fingerprint is <key>) and plain JSON (written without
 * an index, by a course page launched on its own). Anything else reads as no progress. */
(function (cq) {
  "use strict";

  var LIMIT = 4000; // below the 4,096 of SCORM 1.2, leaving room for LMSs that count bytes loosely

  /* -- packing the quiz state --------------------------------------------------------------- */
  function b36(n) { return Number(n).toString(36); }
  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  // index: [[quizId, kind, [[questionId, choiceIds, null or "t"], ...]], ...]; null: values are item positions;
  // "t": the learner typed the answer, kept as text after an apostrophe (URI-encoded: no , ; | inside).
  function lookup(index) {
    var quizzes = {};
    (index || []).forEach(function (quiz, qi) {
      var questions = {};
      quiz[2].forEach(function (q, i) { questions[q[0]] = { at: i, choices: q[1] }; });
      quizzes[quiz[0]] = { at: qi, questions: questions };
    });
    return quizzes;
  }

  function packValue(values, choices) {
    if (choices === "t") {
      var text = values.length === 1 && typeof values[0] === "string" ? encodeURIComponent(values[0]) : null;
      return text !== null && text.length <= 200 ? "'" + text : null;
    }
    var out = "";
    for (var i = 0; i < values.length; i++) {
      var n = choices ? choices.indexOf(String(values[i])) : Number(values[i]);
      if (!(n >= 0 && n < 36 && Math.floor(n) === n)) return null;
      out += b36(n);
    }
    return out;
  }

  // The attempt travels in the segment's head: @time of the last answer, ~seed, ^start of an exam's
  // clock, * once an exam is submitted, =drawn questions (by their place in the index, dot-separated).
  function packAttempt(quiz, known) {
    var head = "";
    var when = Date.parse(quiz.at);
    if (!isNaN(when)) head += "@" + b36(Math.floor(when / 1000));
    if (quiz.seed > 0) head += "~" + b36(Math.floor(quiz.seed));
    if (quiz.started > 0) head += "^" + b36(Math.floor(quiz.started / 1000));
    if (quiz.submitted) head += "*";
    if (Array.isArray(quiz.draw)) {
      head += "=" + quiz.draw.filter(function (id) { return own(known.questions, id); })
        .map(function (id) { return b36(known.questions[id].at); }).join(".");
    }
    return head;
  }
  function unpackAttempt(head, quiz, entry) {
    var re = /([@~^*=])([0-9a-z.]*)/g, m;
    while ((m = re.exec(head)) !== null) {
      var n = parseInt(m[2], 36);
      if (m[1] === "*") entry.submitted = true;
      else if (m[1] !== "=" && !(n >= 0 && n <= 8e12)) continue; // no number (a cut-short segment): left out
      else if (m[1] === "@") entry.at = new Date(n * 1000).toISOString();
      else if (m[1] === "~") entry.seed = n;
      else if (m[1] === "^") entry.started = n * 1000;
      else entry.draw = m[2].split(".").filter(Boolean).map(function (n) { return quiz[2][parseInt(n, 36)]; })
        .filter(Boolean).map(function (q) { return q[0]; });
    }
  }

  function encodeJson(state, keep) {
    var copy = JSON.parse(JSON.stringify(state));
    var text = JSON.stringify(copy);
    var ids = Object.keys(copy.quizzes || {}).filter(function (id) { return id !== keep; });
    while (text.length > LIMIT && ids.length) { delete copy.quizzes[ids.pop()]; text = JSON.stringify(copy); }
    return text.length > LIMIT ? "" : text;
  }

  // `key` fingerprints the index: data packed for another version of the course is not misread.
  function encode(state, index, keep, key) {
    if (!index) return encodeJson(state, keep);
    var table = lookup(index);
    var segments = [];
    var rest = { q: {} };
    Object.keys(state).forEach(function (key) {
      if (key !== "v" && key !== "quizzes") { rest.k = rest.k || {}; rest.k[key] = state[key]; }
    });
    Object.keys(state.quizzes || {}).forEach(function (quizId) {
      var quiz = state.quizzes[quizId];
      var known = table[quizId];
      if (!known || !quiz || typeof quiz.answers !== "object") { rest.q[quizId] = quiz; return; }
      var tokens = [];
      Object.keys(quiz.answers || {}).forEach(function (qid) {
        var answer = quiz.answers[qid];
        var q = known.questions[qid];
        var packed = q && answer && Array.isArray(answer.value) ? packValue(answer.value, q.choices) : null;
        if (packed === null) {
          rest.q[quizId] = rest.q[quizId] || { answers: {} };
          rest.q[quizId].answers[qid] = answer;
          return;
        }
        tokens.push(b36(q.at) + (answer.correct ? "+" : "-") + packed);
      });
      segments.push({ id: quizId, text: b36(known.at) + packAttempt(quiz, known) + ":" + tokens.join(",") });
    });
    function join(withRest) {
      var text = "c1" + (key || "") + ";" + segments.map(function (s) { return s.text; }).join(";");
      return withRest ? text + "|" + JSON.stringify(rest) : text;
    }
    var hasRest = rest.k || Object.keys(rest.q).length;
    var text = join(hasRest);
    if (text.length > LIMIT) text = join(false); // unknown keys go first: they are not ours to keep at any price
    // Still too long only for a course of about a thousand questions: keep this module's quiz.
    while (text.length > LIMIT) {
      var victim = -1;
      for (var i = segments.length - 1; i >= 0 && victim === -1; i--) if (segments[i].id !== keep) victim = i;
      if (victim === -1) break;
      segments.splice(victim, 1);
      text = join(false);
    }
    return text.length > LIMIT ? "" : text;
  }

  // Never throws: what cannot be read (cut short by an LMS, written by another course) is left out.
  function json(text) { try { return JSON.parse(text); } catch (e) { return null; } }

  function decode(text, index, key) {
    var state = { v: 1, quizzes: {} };
    if (!text) return state;
    if (text.charAt(0) === "{") { // written without an index (a page launched on its own)
      var parsed = json(text);
      return parsed && parsed.v === 1 && parsed.quizzes && typeof parsed.quizzes === "object" ? parsed : state;
    }
    var head = "c1" + (key || "") + ";";
    if (text.slice(0, head.length) !== head) return state;
    var bar = text.indexOf("|");
    var body = bar === -1 ? text.slice(head.length) : text.slice(head.length, bar);
    var quizzes = index || [];
    body.split(";").forEach(function (segment) {
      var colon = segment.indexOf(":");
      if (colon === -1) return;
      var head = /^([0-9a-z]+)(.*)$/.exec(segment.slice(0, colon));
      var quiz = head && quizzes[parseInt(head[1], 36)];
      if (!quiz) return;
      var entry = { answers: {} };
      unpackAttempt(head[2], quiz, entry);
      segment.slice(colon + 1).split(",").forEach(function (token) {
        var m = /^([0-9a-z]+)([+-])('[^,;|]*|[0-9a-z]*)$/.exec(token);
        var q = m && quiz[2][parseInt(m[1], 36)];
        if (!q) return;
        var value;
        try {
          value = m[3].charAt(0) === "'" ? [decodeURIComponent(m[3].slice(1))] : m[3].split("").map(function (c) {
            var n = parseInt(c, 36);
            return q[1] ? q[1][n] : String(n);
          });
        } catch (e) { return; } // a broken %-escape
        if (value.indexOf(undefined) !== -1) return; // a choice the index does not have
        entry.answers[q[0]] = { value: value, correct: m[2] === "+" };
      });
      state.quizzes[quiz[0]] = entry;
    });
    if (bar !== -1) {
      var rest = json(text.slice(bar + 1)) || {};
      Object.keys(rest.k || {}).forEach(function (key) { if (!own(state, key)) state[key] = rest.k[key]; });
      Object.keys(rest.q || {}).forEach(function (quizId) {
        var extra = rest.q[quizId] || {};
        var entry = state.quizzes[quizId] = state.quizzes[quizId] || { answers: {} };
        Object.keys(extra).forEach(function (key) {
          if (key === "answers") {
            Object.keys(extra.answers || {}).forEach(function (qid) { entry.answers[qid] = extra.answers[qid]; });
          } else if (!own(entry, key)) { entry[key] = extra[key]; }
        });
      });
    }
    return state;
  }

  cq.suspend = { encode: encode, decode: decode, LIMIT: LIMIT };
})(self.cq);
