/* cmi5 assignable unit (AU) runtime. Shipped only in cmi5 packages, loaded after core.js and suspend.js
 * (the resume-state codec, shared with scorm.js) and before quiz.js.
 *
 * As in SCORM, each module launches one small page (au/<module>.html) that owns the session and shows the
 * course in a frame; course pages in the frame hand the session to quiz.js as window.cqBackend. The launch
 * follows the cmi5 spec (section 8): the launch URL's parameters, one POST to the `fetch` URL for the
 * authorization token, then LMS.LaunchData from the State API. The frame is filled only once that is done, so a
 * course page never starts on localStorage while the LMS is still answering.
 * Statements (section 9): initialized; completed once every lesson of the module is read; passed or failed with
 * the scaled score once its quiz is done; terminated when the learner leaves. Each carries the registration,
 * the LMS's context template (session id, publisher) and the cmi5 category. Answers and lessons read travel
 * as SCORM's suspend data, in a State API document of this AU, so a relaunch resumes.
 * Written here rather than taken from npm's @xapi/cmi5: that library brings @xapi/xapi, axios, deepmerge and uuid
 * (about 200 kB unpacked before its dependencies) for the five calls this file makes (2.4 kB gzipped, minified). */
(function (cq) {
  "use strict";

  var TEXT = cq.strings({/*strings:cmi5_js*/});
  var VERBS = "http://adlnet.gov/expapi/verbs/";
  var CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/";
  var SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
  var PROGRESS = "https://w3id.org/xapi/cq/state/progress"; // our State API document: resume data and what was sent
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  function uuid() { // crypto.randomUUID needs a secure context; an LMS may serve over plain http
    var b = crypto.getRandomValues(new Uint8Array(16)), h = "";
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) h += (b[i] < 16 ? "0" : "") + b[i].toString(16) + ([3, 5, 7, 9].indexOf(i) !== -1 ? "-" : "");
    return h;
  }
  function copy(value) { return JSON.parse(JSON.stringify(value)); }

  /* -- the launch URL's parameters (spec 8.1): all five, well formed, or nothing is sent ---------------- */
  function launchParameters(search) {
    var q = new URLSearchParams(search), p = {}, ok = true;
    ["endpoint", "fetch", "actor", "registration", "activityId"].forEach(function (k) { p[k] = q.get(k); ok = ok && !!p[k]; });
    if (!ok || !UUID.test(p.registration)) return null;
    try {
      p.actor = JSON.parse(p.actor);
      if (!/^https?:$/.test(new URL(p.endpoint).protocol) || !/^https?:$/.test(new URL(p.fetch).protocol)) return null;
    } catch (e) { return null; }
    if (!p.actor || typeof p.actor !== "object" || !(p.actor.account || p.actor.mbox)) return null;
    if (p.endpoint.slice(-1) !== "/") p.endpoint += "/";
    return p;
  }

  /* -- talking to the LMS: one retry, then the caller is told ------------------------------------------- */
  // keepalive: a request still under way when the learner leaves is finished by the browser, not cut off. Its
  // promise fails as the page goes (measured in Chromium: the statement reached the LRS all the same), so nothing
  // is retried once the page is leaving: the retry would only send it twice.
  var leaving = false;
  function request(url, options) {
    options.keepalive = true;
    function once() {
      return fetch(url, options).then(function (r) {
        if (!r.ok && r.status !== 404) throw new Error("HTTP " + r.status);
        return r;
      });
    }
    return once().catch(function (e) { if (leaving) throw e; return once(); });
  }

  function startSession(config, p, show) {
    var started = Date.now(), token = "", launch = {}, progress = {}, state = { v: 1, quizzes: {} };
    var bound = cq.suspend.launch(config), module = bound.module;
    var judged = false, finished = false, queue = [], busy = null;
    function headers(json) {
      var h = { "Authorization": "Basic " + token, "X-Experience-API-Version": "1.0.3" };
      if (json) h["Content-Type"] = "application/json";
      return h;
    }
    function stateUrl(id) {
      return p.endpoint + "activities/state?" + new URLSearchParams({ stateId: id, activityId: p.activityId,
        agent: JSON.stringify(p.actor), registration: p.registration });
    }
    function getState(id) {
      return request(stateUrl(id), { headers: headers() }).then(function (r) { return r.status === 404 ? {} : r.json(); });
    }
    function duration() { return "PT" + ((Date.now() - started) / 1000).toFixed(2) + "S"; }

    // The LMS's context template, with the registration and the cmi5 category (moveOn too for the statements
    // that decide it: completed, passed, failed). The session id comes from the template (spec 10.2.1).
    function statement(verb, result, moveOn) {
      var context = copy(launch.contextTemplate || {});
      context.registration = p.registration;
      var activities = context.contextActivities = context.contextActivities || {};
      activities.category = (activities.category || []).concat([{ id: CATEGORY + "cmi5" }],
                                                                moveOn ? [{ id: CATEGORY + "moveon" }] : []);
      context.extensions = context.extensions || {};
      if (!context.extensions[SESSION]) context.extensions[SESSION] = p.session = p.session || uuid();
      var s = { id: uuid(), timestamp: new Date().toISOString(), actor: p.actor,
                verb: { id: VERBS + verb, display: { "en-US": verb } },
                object: { id: p.activityId, objectType: "Activity" }, context: context };
      if (result) s.result = result;
      return s;
    }
    // One request at a time, in order: statements reach the LRS in the order they happened. The progress document
    // is written whole, so a newer copy replaces one still waiting.
    function post(job) {
      var options = job.statements ? { method: "POST", body: JSON.stringify(job.statements) }
                                   : { method: "PUT", body: job.progress };
      options.headers = headers(true);
      return request(job.statements ? p.endpoint + "statements" : stateUrl(PROGRESS), options)
        .catch(function () { show("unsaved"); });
    }
    function pump() {
      if (busy || !queue.length) return;
      busy = queue.shift();
      post(busy).then(function () { busy = null; pump(); });
    }
    function enqueue(job) {
      if (job.progress) queue = queue.filter(function (waiting) { return !waiting.progress; });
      queue.push(job);
      pump();
    }
    function send(s) { enqueue({ statements: [s] }); }
    function keepProgress() {
      if (launch.launchMode === "Review") return; // a review looks at what was done; it changes nothing
      progress.data = bound.encode(state);
      enqueue({ progress: JSON.stringify(progress) });
    }

    // The course's rule, as in SCORM: completed is every lesson of the module read, passed its quiz passed. Spec
    // 9.3: only in Normal mode; completed once per registration; passed or failed at most once a session, and
    // never after passed in the registration. An attempt is judged once (its time of last answer and its draw are
    // kept), so a relaunch does not send failed again for the answers it resumes.
    function report() {
      if (launch.launchMode !== "Normal") return;
      var r = cq.standing(state, module), entry = state.quizzes[module.quiz] || {};
      if (r.completed && !progress.completed) {
        progress.completed = true;
        send(statement("completed", { completion: true, duration: duration() }, true));
      }
      // In whole seconds, as the resume codec keeps it: the same attempt read back after a relaunch has the same key.
      var attempt = Math.floor(Date.parse(entry.at) / 1000 || 0) + "~" + (entry.seed || 0);
      if (r.done && module.total && !progress.passed && !judged && progress.judged !== attempt) {
        judged = true;
        progress.judged = attempt;
        progress.passed = r.passed;
        send(statement(r.passed ? "passed" : "failed", { success: r.passed, duration: duration(),
          score: { scaled: r.percent / 100, raw: r.percent, min: 0, max: 100 } }, true));
      }
    }

    function begin() {
      return request(p.fetch, { method: "POST" }).then(function (r) { return r.json(); }).then(function (answer) {
        if (!answer || !answer["auth-token"]) throw new Error("no token: " + (answer && answer["error-text"]));
        token = answer["auth-token"];
        return getState("LMS.LaunchData");
      }).then(function (data) {
        launch = data || {};
        if (["Normal", "Browse", "Review"].indexOf(launch.launchMode) === -1) throw new Error("bad LaunchData");
        // The LMS's masteryScore decides passed (spec 10.2.2); the package's pass mark is the same by default.
        if (typeof launch.masteryScore === "number") module.pass = Math.round(launch.masteryScore * 100);
        return getState(PROGRESS);
      }).then(function (saved) {
        progress = saved && typeof saved === "object" ? saved : {};
        try { state = bound.decode(progress.data || ""); } catch (e) { state = { v: 1, quizzes: {} }; }
        send(statement("initialized"));
      });
    }

    return {
      begin: begin,
      load: function () { return copy(state); },
      save: function (next) {
        state = copy(next);
        report();
        keepProgress();
      },
      finish: function () {
        if (finished || !token) return;
        finished = true;
        // The page is going: what still waits goes now, its statements in one batch that ends with terminated. A
        // statement still on its way goes in the batch too: sent alone it could be stored after terminated (measured
        // here), and the LRS stores a statement id once (a copy that arrives second is answered 204).
        var batch = busy && busy.statements ? busy.statements : [];
        queue.splice(0).forEach(function (job) { if (job.statements) batch = batch.concat(job.statements); else post(job); });
        post({ statements: batch.concat([statement("terminated", { duration: duration() })]) });
      },
      encode: bound.encode,
      decode: bound.decode
    };
  }

  /* -- the launch page: a plain message where the course cannot run --------------------------------------- */
  function message(key) {
    var node = document.getElementById("cq-cmi5-message");
    if (!node) {
      node = document.createElement("p");
      node.id = "cq-cmi5-message";
      node.setAttribute("role", "alert");
      node.style.cssText = "margin:0;padding:.8em 1em;font:1rem/1.4 system-ui,sans-serif;background:#fff3cd;color:#3d2e00";
      document.body.insertBefore(node, document.body.firstChild);
    }
    node.textContent = TEXT(key);
    return node;
  }

  function findSession() {
    var win = window;
    for (var i = 0; i < 10 && win.parent && win.parent !== win; i++) {
      win = win.parent;
      try { if (win.cqCmi5Session) return win.cqCmi5Session; } catch (e) { return null; }
    }
    return null;
  }

  var node = document.getElementById("cq-cmi5");
  if (node) { // the launch page of an AU
    var config = JSON.parse(node.textContent);
    document.addEventListener("DOMContentLoaded", function () {
      var frame = document.querySelector("iframe[data-src]");
      var p = launchParameters(window.location.search);
      if (!p) { message("badLaunch"); frame.remove(); return; }
      var session = startSession(config, p, function (key) { message(key); });
      session.begin().then(function () {
        window.cqCmi5Session = session;
        window.addEventListener("pagehide", function () { leaving = true; session.finish(); });
        frame.src = frame.getAttribute("data-src");
      }, function () { message("noLms"); frame.remove(); });
    });
    return;
  }
  var found = findSession();
  if (found) window.cqBackend = { load: found.load, save: found.save };
})(self.cq);
