// annals: small enhancements; every page works without them.
// Paragraph numbers: clicking one also copies the paragraph's full address to the clipboard.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.pnum");
    if (!link || !navigator.clipboard) return;
    var url = new URL(link.getAttribute("href"), window.location.href);
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical) url = new URL(link.getAttribute("href"), canonical.href);
    navigator.clipboard.writeText(url.href).then(function () {
      link.setAttribute("data-copied", "");
      window.setTimeout(function () { link.removeAttribute("data-copied"); }, 1500);
    }, function () {});
  });
})();
