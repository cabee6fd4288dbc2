/* Where the learner is in a lesson: fetched by progress.js on a lesson page only (a quiz page, within its
 * 10 KB, never loads it). A lesson opened is where to resume; it is read once its end is seen or a check
 * answered; until then the heading the learner last reached is kept, so the resume box (progress-page.js)
 * brings them back to that lesson, at that section.
 *
 * state.at: the lessons opened and not yet read, the last opened last, each with the id of the heading
 * reached ("" at the top). A few only (KEEP): an LMS keeps this state in SCORM 1.2's 4,096 characters. */
(function (cq) {
  "use strict";

  var KEEP = 3;
  var LESSON = "[data-cq-lesson]";
  function store() { return window.cqStore; }
  function lesson() { var end = document.querySelector(LESSON); return end && store() ? end.getAttribute("data-cq-lesson") : null; }
  function object(value) { return value && typeof value === "object" ? value : {}; }

  function markRead(slug) {
    var state = store().load(), at = object(state.at);
    state.visited = object(state.visited);
    if (state.visited[slug] && !(slug in at)) return;
    state.visited[slug] = 1;
    delete at[slug];
    if (Object.keys(at).length) state.at = at; else delete state.at;
    store().save(state);
  }

  // The lesson is the last one opened; unread, it moves to the end of state.at with the heading reached.
  function place(slug, heading) {
    var state = store().load(), old = object(state.at), at = {};
    state.last = slug;
    if (!object(state.visited)[slug]) {
      Object.keys(old).forEach(function (k) { if (k !== slug) at[k] = old[k]; });
      at[slug] = heading;
      Object.keys(at).slice(0, -KEEP).forEach(function (k) { delete at[k]; });
      state.at = at;
    }
    store().save(state);
  }

  // The last heading whose top has passed the upper third of the window: the section being read.
  function reached() {
    var found = "";
    cq.all(document, "article h2[id], article h3[id]").forEach(function (h) {
      if (h.getBoundingClientRect().top < innerHeight / 3) found = h.id;
    });
    return found;
  }

  var current = null, heading = null, waiting = false, watcher = null;
  // Scrolling is read twice a second at most, and stored only when the section changes.
  addEventListener("scroll", function () {
    if (waiting || !current) return;
    waiting = true;
    setTimeout(function () {
      waiting = false;
      if (!current || lesson() !== current) return; // instant navigation left the lesson
      var now = reached();
      if (now !== heading) { heading = now; place(current, now); }
    }, 500);
  }, { passive: true });
  document.addEventListener("cq:checked", function () { var slug = lesson(); if (slug) markRead(slug); });

  cq.mount(function () {
    if (watcher) { watcher.disconnect(); watcher = null; }
    current = lesson();
    if (!current) return;
    heading = reached();
    place(current, heading);
    var slug = current;
    if (!("IntersectionObserver" in window)) { markRead(slug); return; }
    watcher = new IntersectionObserver(function (seen) {
      if (!seen.some(function (e) { return e.isIntersecting; })) return;
      markRead(slug);
      watcher.disconnect();
    });
    watcher.observe(document.querySelector(LESSON));
  });
})(self.cq);
