/* SCORM 1.2 bridge for the course's quizzes. Shipped only in SCORM packages, loaded before quiz.js.
 *
 * A package launches one small page per module (sco/<module>.html) that holds the course in an
 * iframe. That launch page owns the LMS session: it finds the LMS API (window.parent chain, then
 * window.top.opener), calls LMSInitialize once, restores cmi.suspend_data, and calls LMSFinish
 * when the learner leaves. Moving from lesson to lesson only reloads the iframe, so the session
 * survives: a SCORM 1.2 SCO cannot initialise again once finished.
 * Each course page in the iframe finds that session in its parent and hands it to quiz.js as
 * window.cqBackend. Without an LMS nothing is set and quiz.js keeps using localStorage.
 *
 * cmi.suspend_data holds at most 4,096 characters, so the quiz state is packed against an index
 * of the course's quizzes written into the launch page: about four characters an answer. */
(function () {
  "use strict";

  var LIMIT = 4000; // below the 4,096 of SCORM 1.2, leaving room for LMSs that count bytes loosely
  var MAX_TRIES = 500;

  /* -- finding the LMS: the discovery algorithm of the SCORM 1.2 run-time guide ---------------- */
  function scan(win) {
    var tries = 0;
    try {
      while (win && !win.API && win.parent && win.parent !== win && tries < MAX_TRIES) {
        tries += 1;
        win = win.parent;
      }
      return win && win.API ? win.API : null;
    } catch (e) { return null; } // a parent on another origin cannot be read
  }
  function findApi() {
    var api = scan(window);
    if (!api) {
      try { if (window.top && window.top.opener) api = scan(window.top.opener); } catch (e) { api = null; }
    }
    return api;
  }

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
      if (m[1] === "@") entry.at = new Date(parseInt(m[2], 36) * 1000).toISOString();
      else if (m[1] === "~") entry.seed = parseInt(m[2], 36);
      else if (m[1] === "^") entry.started = parseInt(m[2], 36) * 1000;
      else if (m[1] === "*") entry.submitted = true;
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

  function decode(text, index, key) {
    var state = { v: 1, quizzes: {} };
    if (!text) return state;
    if (text.charAt(0) === "{") { // written without an index (a page launched on its own)
      var parsed = JSON.parse(text);
      return parsed && parsed.v === 1 && parsed.quizzes ? parsed : state;
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
        var value = m[3].charAt(0) === "'" ? [decodeURIComponent(m[3].slice(1))] : m[3].split("").map(function (c) {
          var n = parseInt(c, 36);
          return q[1] ? q[1][n] : String(n);
        });
        entry.answers[q[0]] = { value: value, correct: m[2] === "+" };
      });
      state.quizzes[quiz[0]] = entry;
    });
    if (bar !== -1) {
      var rest = JSON.parse(text.slice(bar + 1));
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

  /* -- the session: owned by the launch page ---------------------------------------------------- */
  function startSession(api, config) {
    var started = Date.now();
    var finished = false;
    var index = config.index || null;
    function get(key) { try { return String(api.LMSGetValue(key) || ""); } catch (e) { return ""; } }
    function set(key, value) { try { return api.LMSSetValue(key, String(value)) === "true"; } catch (e) { return false; } }
    function commit() { try { api.LMSCommit(""); } catch (e) { /* the LMS keeps what it got */ } }

    try { api.LMSInitialize(""); } catch (e) { /* already initialised by a frame around us */ }
    var state;
    try { state = decode(get("cmi.suspend_data"), index, config.key); } catch (e) { state = { v: 1, quizzes: {} }; }
    if (get("cmi.core.lesson_status") === "not attempted" || !get("cmi.core.lesson_status")) {
      set("cmi.core.lesson_status", "incomplete");
    }
    set("cmi.core.exit", "suspend"); // the learner resumes where they left off
    commit();

    // Counts the quiz's current questions only (and the attempt's draw); an exam reports once, when
    // submitted: `reported` remembers the attempt (its seed) already sent, across launches too.
    var ids = [];
    (index || []).forEach(function (quiz) { if (quiz[0] === config.quiz) ids = quiz[2].map(function (q) { return q[0]; }); });
    function attempt() { return state.quizzes[config.quiz] || {}; }
    var reported = config.exam && attempt().submitted ? attempt().seed || true : null;
    function report() {
      if (!config.quiz) return;
      var entry = attempt();
      var answers = entry.answers && typeof entry.answers === "object" ? entry.answers : {};
      var total = Number(config.total) || 0;
      var asked = Array.isArray(entry.draw) ? ids.filter(function (id) { return entry.draw.indexOf(id) !== -1; }) : ids;
      var done = asked.filter(function (id) { return answers[id] && Array.isArray(answers[id].value); });
      if (config.exam) {
        if (!entry.submitted || reported === (entry.seed || true)) return;
        reported = entry.seed || true;
      } else if (!total || done.length < total) { set("cmi.core.lesson_status", "incomplete"); return; }
      var right = done.filter(function (id) { return answers[id].correct === true; }).length;
      var percent = Math.min(100, Math.round((100 * right) / total));
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", percent);
      set("cmi.core.lesson_status", percent >= Number(config.pass) ? "passed" : "failed");
    }

    function sessionTime() {
      var s = Math.floor((Date.now() - started) / 1000);
      function two(n) { return (n < 10 ? "0" : "") + n; }
      return two(Math.floor(s / 3600)) + ":" + two(Math.floor(s / 60) % 60) + ":" + two(s % 60);
    }

    return {
      load: function () { return JSON.parse(JSON.stringify(state)); },
      save: function (next) {
        state = JSON.parse(JSON.stringify(next));
        set("cmi.suspend_data", encode(state, index, config.quiz, config.key));
        report();
        set("cmi.core.exit", "suspend");
        commit();
      },
      finish: function () {
        if (finished) return;
        finished = true;
        set("cmi.core.session_time", sessionTime());
        set("cmi.core.exit", "suspend");
        commit();
        try { api.LMSFinish(""); } catch (e) { /* the LMS is already gone */ }
      },
      encode: function (s) { return encode(s, index, config.quiz, config.key); },
      decode: function (text) { return decode(text, index, config.key); }
    };
  }

  function launchConfig() {
    var node = document.getElementById("cq-scorm");
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }

  function findSession() {
    var win = window;
    for (var i = 0; i < 10 && win.parent && win.parent !== win; i++) {
      win = win.parent;
      try { if (win.cqScormSession) return win.cqScormSession; } catch (e) { return null; }
    }
    return null;
  }

  var config = launchConfig();
  if (config) { // the launch page of a SCO
    var api = findApi();
    if (!api) return; // opened outside an LMS: the course pages fall back to localStorage
    var session = window.cqScormSession = startSession(api, config);
    window.addEventListener("pagehide", session.finish);
    window.addEventListener("unload", session.finish);
    return;
  }
  var found = findSession();
  if (!found) {
    var direct = findApi();
    if (!direct) return;
    // A course page launched by an LMS without our launch page: own the session here.
    found = window.cqScormSession = startSession(direct, {});
    window.addEventListener("pagehide", found.finish);
  }
  window.cqBackend = { load: found.load, save: found.save };
})();
