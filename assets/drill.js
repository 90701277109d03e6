// Drill-downs keep the reader where they were. A tap on a chart or a table row opens the next level;
// Dash's links scroll to the top, which on a phone put the table two screens away after every tap.
// Here the view the reader tapped in (a treemap, bar chart or table: its id ends in -treemap, -bars or
// -table) is brought back to the same place on the screen once the next level has been drawn.
(function () {
  var PATTERN = /-(treemap|bars|table)$/;
  var keep = null;
  var timer = null;

  function drillView(node) {
    for (var el = node; el && el !== document.body; el = el.parentElement) {
      if (el.id && PATTERN.test(el.id)) { return el; }
    }
    return null;
  }

  // Watching the whole page's DOM costs every React commit a mutation record per change (~20 ms on a
  // phone while a page is first drawn): watch only between a drill tap and the next level's drawing.
  var observer = new MutationObserver(function () {
    if (!keep) { observer.disconnect(); return; }
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(restore, 200);
  });

  document.addEventListener("click", function (event) {
    var el = drillView(event.target);
    if (!el) { return; }
    keep = { id: el.id, top: el.getBoundingClientRect().top, href: location.href, until: Date.now() + 10000 };
    observer.observe(document.documentElement, { childList: true, subtree: true });
  }, true);

  function restore() {
    timer = null;
    if (!keep || Date.now() > keep.until) { keep = null; observer.disconnect(); return; }
    if (location.href === keep.href) { return; }  // the click did not navigate (yet)
    if (document.querySelector('[data-dash-is-loading="true"]')) { timer = setTimeout(restore, 150); return; }
    var el = document.getElementById(keep.id);
    var top = Math.min(Math.max(keep.top, 8), window.innerHeight * 0.5);
    if (el && el.getClientRects().length) { window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - top); }
    keep = null;
    observer.disconnect();
  }
})();
