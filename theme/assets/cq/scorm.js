/* SCORM 1.2 bridge for the course's quizzes. Shipped only in SCORM packages, loaded after core.js
 * and suspend.js (the suspend-data codec) and before quiz.js.
 *
 * A package launches one small page per module (sco/<module>.html) that holds the course in an
 * iframe. That launch page owns the LMS session: it finds the LMS API (window.parent chain, then
 * window.top.opener), calls LMSInitialize once, restores cmi.suspend_data, and calls LMSFinish
 * when the learner leaves. Moving from lesson to lesson only reloads the iframe, so the session
 * survives: a SCORM 1.2 SCO cannot initialise again once finished.
 * Each course page in the iframe finds that session in its parent and hands it to quiz.js as
 * window.cqBackend. Without an LMS nothing is set and quiz.js keeps using localStorage. */
(function (cq) {
  "use strict";

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

  /* -- the module's status: the course's rule (cq.standing) in SCORM 1.2's one element ------------- */
  // SCORM 2004 and cmi5 report completion (every lesson read) and success (the quiz passed) apart;
  // SCORM 1.2 has one cmi.core.lesson_status for both, and its "passed" and "failed" each also mean
  // the SCO is done (LMSs show either as complete), so the quiz's verdict wins once there is one:
  // passed when the quiz is passed; failed when it is done and not passed (as an LMS may make it anyway:
  // with the manifest's masteryscore and a score.raw, SCORM 1.2's run-time environment lets it set
  // passed or failed from the score, RTE p. 3-24); completed when every lesson is read and the quiz not yet done;
  // incomplete otherwise. A retried quiz goes back to completed or incomplete until it is done again.
  function status(r) {
    return r.passed ? "passed" : r.done ? "failed" : r.completed ? "completed" : "incomplete";
  }

  /* -- the session: owned by the launch page ---------------------------------------------------- */
  function startSession(api, config) {
    var started = Date.now();
    var finished = false;
    var bound = cq.suspend.launch(config);
    function get(key) { try { return String(api.LMSGetValue(key) || ""); } catch (e) { return ""; } }
    function set(key, value) { try { return api.LMSSetValue(key, String(value)) === "true"; } catch (e) { return false; } }
    function commit() { try { api.LMSCommit(""); } catch (e) { /* the LMS keeps what it got */ } }

    try { api.LMSInitialize(""); } catch (e) { /* already initialised by a frame around us */ }
    var state;
    try { state = bound.decode(get("cmi.suspend_data")); } catch (e) { state = { v: 1, quizzes: {} }; }
    if (get("cmi.core.lesson_status") === "not attempted" || !get("cmi.core.lesson_status")) {
      set("cmi.core.lesson_status", "incomplete");
    }
    set("cmi.core.exit", "suspend"); // the learner resumes where they left off
    commit();

    // The module as cq.standing reads it: the quiz's current questions only (and the attempt's draw),
    // and the module's lessons. An exam's score is reported once, when submitted: `reported` remembers
    // the attempt (its seed) already sent, across launches too.
    var module = bound.module;
    function attempt() { return state.quizzes[config.quiz] || {}; }
    var reported = config.exam && attempt().submitted ? attempt().seed || true : null;
    function report() {
      if (!config.quiz) return;
      var entry = attempt();
      var r = cq.standing(state, module);
      if (r.done && module.total && !(config.exam && reported === (entry.seed || true))) {
        if (config.exam) reported = entry.seed || true;
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
        set("cmi.core.score.raw", r.percent);
      }
      set("cmi.core.lesson_status", status(r));
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
        set("cmi.suspend_data", bound.encode(state));
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
      encode: bound.encode,
      decode: bound.decode
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
})(self.cq);
