// plotly.js is not a page script. dcc.Graph waits for `window.Plotly` before it draws; until the real one
// is here, window.Plotly is a promise-like stand-in, and each chart shows its still picture, drawn on the
// server (firstview/picture.py), in its own box. When to fetch our trimmed, fingerprinted bundle (its URL
// is in <meta name="plotly-src">; it sets window.Plotly itself when it runs):
// - on a touch screen (a phone or tablet: the primary pointer is coarse), when the reader touches a chart,
//   or when a chart with no picture comes near (pictures come with a page's first view only, so a page
//   drawn by in-app navigation has none): plotly costs a mid-range phone ~1-2 s of blocked main thread,
//   so a resident reading the figures pays for it (and for 400 kB of chart code over mobile data) only
//   when asking for the interactive chart or for another page;
// - anywhere else (a mouse: a desktop, the meeting room's projector), as soon as a chart is on the screen
//   or within a quarter screen of it.
// A failed fetch (a phone losing its signal) is tried again after 2, 4, 8 ... 60 s or as soon as the
// browser is back online; the pictures stay meanwhile. (Left to itself, dcc.Graph retries a failed
// script at once, forever, redrawing the page each time.) Printing fetches at once: `window.chartsReady()`
// resolves when every chart on the page is drawn (assets/pwa.js waits for it before the print dialog).
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="plotly-src"]');
  if (!meta || window.Plotly) { return; }
  var url = meta.getAttribute("content");
  var loading = null;
  var start = null;

  function fetchBundle(done, attempt) {
    var script = document.createElement("script");
    script.src = url;
    script.async = true;
    script.onload = function () { done(); };
    script.onerror = function () {
      script.remove();
      var retried = false;
      var again = function () {
        if (retried) { return; }
        retried = true;
        clearTimeout(timer);
        window.removeEventListener("online", again);
        fetchBundle(done, attempt + 1);
      };
      var timer = setTimeout(again, Math.min(60000, 2000 * Math.pow(2, attempt)));
      window.addEventListener("online", again);
    };
    document.head.appendChild(script);
  }

  // Boxes of charts that are waiting for plotly: with a mouse every chart; on a touch screen only those
  // with no still picture (a page drawn by in-app navigation: pictures come with a page's first view only).
  function waiting() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".dash-graph"));
    if (!touch) { return boxes; }
    if (document.getElementById("ssr-snapshot")) { return []; }  // the live page is not shown yet
    return boxes.filter(function (box) { return !box.parentNode.querySelector(".chart-picture"); });
  }

  function chartNear() {
    var reach = window.innerHeight * 0.25;
    var boxes = waiting();
    for (var i = 0; i < boxes.length; i++) {
      var r = boxes[i].getBoundingClientRect();
      if ((r.width || r.height) && r.bottom > -reach && r.top < window.innerHeight + reach) { return true; }
    }
    return false;
  }

  function whenNear(go) {
    var done = false, queued = false;
    function now() {
      if (done) { return; }
      done = true;
      window.removeEventListener("scroll", soon);
      window.removeEventListener("resize", soon);
      clearInterval(timer);
      go();
    }
    function soon() {
      if (queued) { return; }
      queued = true;
      requestAnimationFrame(function () { queued = false; if (chartNear()) { now(); } });
    }
    window.addEventListener("scroll", soon, { passive: true });
    window.addEventListener("resize", soon);
    var timer = setInterval(soon, 1000);  // a page drawn anew (in-app navigation) moves charts without a scroll
    soon();
    return now;
  }

  function whenTouched(go) {
    var done = false;
    var near = null;
    function now() {
      if (done) { return; }
      done = true;
      document.removeEventListener("pointerdown", touched, true);
      document.documentElement.classList.add("charts-loading");
      near();
      go();
    }
    function touched(event) {
      if (event.target && event.target.closest && event.target.closest(".chart")) { now(); }
    }
    document.addEventListener("pointerdown", touched, true);
    near = whenNear(now);  // or a chart with no picture comes near (after in-app navigation)
    return now;
  }

  var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;

  function load() {
    loading = loading || new Promise(function (resolve) {
      start = (touch ? whenTouched : whenNear)(function () { fetchBundle(resolve, 0); });
    });
    return loading;
  }

  window.Plotly = {
    then: function (onLoaded, onFailed) { return load().then(onLoaded, onFailed); }
  };
  window.addEventListener("beforeprint", function () { if (start) { start(); } });

  window.chartsReady = function () {
    if (start) { start(); }
    return new Promise(function (resolve) {
      var until = Date.now() + 8000;
      (function wait() {
        var boxes = document.querySelectorAll(".dash-graph");
        var drawn = document.querySelectorAll(".dash-graph .main-svg").length > 0 || boxes.length === 0;
        var all = Array.prototype.every.call(boxes, function (b) {
          return !(b.offsetWidth || b.offsetHeight) || b.querySelector(".main-svg");
        });
        if ((drawn && all) || Date.now() > until) { resolve(); } else { setTimeout(wait, 150); }
      })();
    });
  };
})();
