/* The learner's journey: lessons read, where to resume, the home page's cards; the progress page and
 * the certificate are in progress-page.js, fetched by those pages only. Progress lives in this browser
 * only, in the store quiz.js provides (localStorage, or an LMS inside a SCORM package). */
(function (cq) {
  "use strict";

  // This language's interface strings (progress_js in theme/strings/<code>.yml): the build writes them in.
  var TEXT = {/*strings:progress_js*/};

  var t = cq.strings(TEXT), all = cq.all;
  function store() { return window.cqStore; }
  function map() {
    var node = document.getElementById("cq-map");
    try { return node ? JSON.parse(node.textContent) : null; } catch (e) { return null; }
  }

  /* -- what the learner has done: the rule is cq.standing (core.js), which SCORM reports too ------- */
  var quizResult = cq.standing;
  function visited(state) { return state.visited && typeof state.visited === "object" ? state.visited : {}; }
  function summary(state, course) {
    var seen = visited(state), read = 0, lessons = 0, left = 0, passed = 0, next = null;
    course.modules.forEach(function (m) {
      m.lessons.forEach(function (l) {
        lessons += 1;
        if (seen[l.slug]) read += 1; else { left += l.duration; if (!next) next = { lesson: l, module: m }; }
      });
      if (quizResult(state, m).passed) passed += 1;
    });
    return { read: read, lessons: lessons, left: left, passed: passed, next: next };
  }

  /* -- reading: a lesson opened is where to resume; it is read once its end is seen or a check answered */
  // (`visited` keeps its stored name: it has meant "read" since progress files and SCORM data hold it.)
  function markRead(slug) {
    var state = store().load();
    state.visited = visited(state);
    if (state.visited[slug]) return;
    state.visited[slug] = 1;
    store().save(state);
  }
  var watcher = null;
  function marker() { return document.querySelector("[data-cq-lesson]"); }
  function recordVisit() {
    if (watcher) { watcher.disconnect(); watcher = null; }
    var end = marker();
    if (!end || !store()) return;
    var slug = end.getAttribute("data-cq-lesson");
    var state = store().load();
    state.last = slug;
    store().save(state);
    if (!("IntersectionObserver" in window)) { markRead(slug); return; }
    watcher = new IntersectionObserver(function (seen) {
      if (!seen.some(function (e) { return e.isIntersecting; })) return;
      markRead(slug);
      watcher.disconnect();
    });
    watcher.observe(end);
  }
  document.addEventListener("cq:checked", function () { var end = marker(); if (end && store()) markRead(end.getAttribute("data-cq-lesson")); });

  /* -- resume box (home page and module overviews) ----------------------------------------- */
  function link(href, text) { var a = document.createElement("a"); a.href = href; a.textContent = text; return a; }
  function mountResume(box, course, state) {
    var only = box.getAttribute("data-cq-resume");
    var scope = only ? { modules: course.modules.filter(function (m) { return m.slug === only; }) } : course;
    var s = summary(state, scope);
    var seen = visited(state);
    var target = null;
    // Resume at the lesson last opened while it is unread, else at the next unread one after it, else
    // at the first unread lesson: leaving a lesson half way brings the learner back to it.
    scope.modules.forEach(function (m) {
      m.lessons.forEach(function (l, i) {
        if (l.slug === state.last && !target) {
          var after = m.lessons.slice(i).filter(function (x) { return !seen[x.slug]; })[0];
          if (after) target = { lesson: after, module: m };
        }
      });
    });
    target = target || s.next;
    var line = box.querySelector(".cq-resume-next");
    line.textContent = "";
    if (target) {
      var words = t(s.read ? "cont" : "start", { l: "\u0001", m: target.module.title }).split("\u0001");
      line.appendChild(document.createTextNode(words[0]));
      line.appendChild(link(target.lesson.href, target.lesson.title));
      line.appendChild(document.createTextNode(words[1]));
    } else {
      line.textContent = t("done");
    }
    box.querySelector(".cq-resume-stats").textContent = t("stats", {
      r: s.read, n: s.lessons, q: s.passed, t: scope.modules.length, min: s.left });
    box.hidden = false;
  }

  /* -- bars: a picture of the numbers the text already gives (hidden from screen readers) ---------- */
  function fill(bar, share) {
    if (!bar) return;
    bar.querySelector("span").style.width = Math.round(100 * Math.min(1, share)) + "%";
    bar.hidden = false;
  }

  /* -- module cards on the home page: Start, Continue (at the next unread lesson, then the quiz) or Review */
  function mountCards(course, state) {
    var seen = visited(state);
    course.modules.forEach(function (m) {
      var card = document.querySelector('[data-cq-card="' + m.slug + '"]');
      if (!card) return;
      var r = quizResult(state, m);
      fill(card.querySelector(".cq-bar"), r.share);
      var line = card.querySelector(".cq-card-state");
      line.textContent = t("lessons", { r: r.read, n: m.lessons.length }) + ", " + t(r.passed ? "quizPassed" : "quizTodo") + ".";
      line.hidden = false;
      var next = m.lessons.filter(function (l) { return !seen[l.slug]; })[0];
      var go = card.querySelector(".cq-card-go");
      var done = r.passed && r.completed;
      if (!r.read && !r.answered) return; // not started: the page already says "Start"
      if (!done) go.href = next ? next.href : m.quizHref;
      // Completed and passed: the module is done, to review.
      card.querySelector(".cq-card-label").textContent = t(done ? "cardReview" : "cardGo");
    });
  }

  // "Get my certificate" where it is earned: every module quiz passed (home, progress page, last quiz).
  function certificateButtons(course, state) {
    var earned = course.modules.every(function (m) { return quizResult(state, m).passed; });
    all(document, ".cq-cert-go").forEach(function (p) { p.hidden = !earned; });
  }
  document.addEventListener("cq:saved", function (e) {
    var course = map();
    if (course && e.detail) certificateButtons(course, e.detail);
  });

  function mount() {
    if (!store()) return;
    recordVisit();
    var course = map();
    if (!course) return;
    var state = store().load();
    certificateButtons(course, state);
    all(document, "[data-cq-resume]").forEach(function (box) { mountResume(box, course, state); });
    mountCards(course, state);
    mountPages(course);
  }

  var page = null, fetching = false;
  function mountPages(course) {
    var roots = all(document, "[data-cq-progress], [data-cq-certificate]");
    if (!roots.length || fetching) return;
    if (!page) {
      fetching = true;
      cq.load("progress-page.js", function () {
        page = window.cqProgressPage({ t: t, store: store, quizResult: quizResult, summary: summary,
          fill: fill, link: link });
        fetching = false;
        mountPages(map()); // the page shown now: instant navigation may have moved on
      });
      return;
    }
    roots.forEach(function (root) { page[root.hasAttribute("data-cq-progress") ? "progress" : "certificate"](root, course); });
  }

  cq.mount(mount);
})(self.cq);
