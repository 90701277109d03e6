/* StaticHtml (see static_html/__init__.py): server-made, escaped HTML drawn with one innerHTML.
   A click on an in-app link inside it navigates the way dcc.Link does: a history entry, Dash's
   location event, back to the top; modified clicks and other targets are left to the browser. */
(function () {
  "use strict";
  var React = window.React;

  function navigate(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var link = event.target && event.target.closest ? event.target.closest("a[data-dash-link]") : null;
    if (!link || (link.target && link.target !== "_self")) {
      return;
    }
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) {
      return;
    }
    event.preventDefault();
    window.history.pushState({}, "", url.pathname + url.search + url.hash);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
  }

  function StaticHtml(props) {
    var attrs = Object.assign({}, props.attrs || {});
    attrs.id = props.id;
    attrs.className = props.className;
    attrs.style = props.style;
    attrs.onClick = navigate;
    attrs.dangerouslySetInnerHTML = { __html: props.html || "" };
    return React.createElement(props.tag || "div", attrs);
  }

  window.static_html = { StaticHtml: React.memo(StaticHtml) };
})();
