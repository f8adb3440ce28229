// annals: small enhancements. Every page works without them: with scripts off, every note of
// every hand shows at the end of the text and every link works.
//
// 1. Paragraph numbers copy the paragraph's full address when clicked.
// 2. Copy buttons on citations ([data-copy] elements).
// 3. The hand switch: readers show or hide the notes of each hand (and their marks); the
//    choice is kept across pages in localStorage.
// 4. Note pop-ups: a note mark opens its note beside the text instead of jumping away.
(function () {
  "use strict";

  var STORE = "annals-hidden-hands";

  function canonicalUrl(fragment) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : window.location.href;
    return new URL(fragment, base).href;
  }

  function copy(text, element) {
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(text).then(function () {
      element.setAttribute("data-copied", "");
      window.setTimeout(function () { element.removeAttribute("data-copied"); }, 1500);
    }, function () {});
  }

  // 1. Paragraph links.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.pnum");
    if (link) copy(canonicalUrl(link.getAttribute("href")), link);
  });

  // 2. Copy buttons: a button is added to every element marked data-copy.
  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (element) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + (element.getAttribute("data-copy") || "text"));
    button.addEventListener("click", function () {
      copy(element.innerText.trim(), button);
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
    });
    element.insertAdjacentElement("afterend", button);
  });

  // 3. The hand switch.
  function hiddenHands() {
    try {
      return JSON.parse(window.localStorage.getItem(STORE) || "[]");
    } catch (error) {
      return [];
    }
  }

  function saveHiddenHands(hands) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(hands));
    } catch (error) { /* private browsing: the choice lasts for this page only */ }
  }

  function applyHands(hidden) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hand]"), function (element) {
      element.hidden = hidden.indexOf(element.getAttribute("data-hand")) !== -1;
    });
    var notes = document.querySelector(".notes");
    if (notes) {
      var visible = notes.querySelectorAll(".note-group:not([hidden])").length;
      notes.classList.toggle("all-hidden", visible === 0);
    }
  }

  var groups = document.querySelectorAll(".note-group[data-hand]");
  var switchPlace = document.querySelector("[data-hand-switch]");
  if (groups.length > 0 && switchPlace) {
    var hidden = hiddenHands();
    var fieldset = document.createElement("fieldset");
    fieldset.className = "hand-switch";
    var legend = document.createElement("legend");
    legend.textContent = "Show the notes of";
    fieldset.appendChild(legend);
    Array.prototype.forEach.call(groups, function (group) {
      var hand = group.getAttribute("data-hand");
      var heading = group.querySelector(".hand-name");
      var label = document.createElement("label");
      label.setAttribute("data-hand-label", hand);
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = hand;
      box.checked = hidden.indexOf(hand) === -1;
      box.addEventListener("change", function () {
        var now = hiddenHands().filter(function (h) { return h !== hand; });
        if (!box.checked) now.push(hand);
        saveHiddenHands(now);
        applyHands(now);
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + (heading ? heading.firstChild.textContent : hand)));
      fieldset.appendChild(label);
    });
    switchPlace.appendChild(fieldset);
    switchPlace.hidden = false;
    applyHands(hidden);
  }

  // 4. Note pop-ups.
  var popup = null;
  var opener = null;

  function closePopup() {
    if (!popup) return;
    popup.remove();
    popup = null;
    if (opener) opener.focus();
    opener = null;
  }

  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest(".note-ref a");
    if (!mark) {
      if (popup && !popup.contains(event.target)) closePopup();
      return;
    }
    var note = document.getElementById(mark.getAttribute("href").slice(1));
    if (!note) return;
    event.preventDefault();
    closePopup();
    opener = mark;
    popup = document.createElement("div");
    popup.className = "note-popup";
    popup.setAttribute("role", "dialog");
    popup.setAttribute("aria-label", mark.getAttribute("aria-label") || "Note");
    popup.tabIndex = -1;
    var body = note.querySelector(".note-body");
    var hand = note.closest(".note-group");
    var title = document.createElement("p");
    title.className = "note-popup-hand";
    title.textContent = (mark.textContent || "") + " · " + (hand ? hand.querySelector(".hand-name").firstChild.textContent : "");
    popup.appendChild(title);
    popup.appendChild(body.cloneNode(true));
    var go = document.createElement("a");
    go.href = mark.getAttribute("href");
    go.textContent = "Go to the note";
    go.addEventListener("click", function () { popup.remove(); popup = null; opener = null; });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close";
    close.addEventListener("click", closePopup);
    var actions = document.createElement("p");
    actions.className = "note-popup-actions";
    actions.appendChild(go);
    actions.appendChild(close);
    popup.appendChild(actions);
    var cell = mark.closest("li, td, dd");
    var block = mark.closest("p, blockquote, h1, h2, h3, h4, h5, h6");
    if (cell) cell.appendChild(popup);
    else if (block) block.insertAdjacentElement("afterend", popup);
    else document.body.appendChild(popup);
    popup.focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closePopup();
  });

  // 5. Sidenotes on wide screens: each note also appears in the margin beside its first mark.
  // They repeat the notes at the end for the eye only (aria-hidden), so a screen reader reads
  // each note once; the hand switch hides them with their hand.
  if (window.matchMedia("(min-width: 80rem)").matches) {
    var placed = {};
    Array.prototype.forEach.call(document.querySelectorAll(".document-text .note-ref a"), function (mark) {
      var id = mark.getAttribute("href").slice(1);
      var note = document.getElementById(id);
      if (!note || placed[id]) return;
      placed[id] = true;
      var side = document.createElement("span");
      var group = note.closest(".note-group");
      side.className = "sidenote";
      if (group) side.setAttribute("data-hand-order", group.getAttribute("data-hand-order"));


      side.setAttribute("aria-hidden", "true");
      side.setAttribute("data-hand", note.getAttribute("data-hand"));
      var marker = document.createElement("span");
      marker.className = "sidenote-marker";
      marker.textContent = mark.textContent + " ";
      side.appendChild(marker);
      Array.prototype.forEach.call(note.querySelectorAll(".note-body > *"), function (part, index) {
        if (index > 0) side.appendChild(document.createTextNode(" "));
        Array.prototype.forEach.call(part.childNodes, function (child) {
          side.appendChild(child.cloneNode(true));
        });
      });
      mark.parentNode.insertAdjacentElement("afterend", side);
    });
    // The margin column is kept only where there are notes to put in it.
    if (Object.keys(placed).length > 0) {
      document.documentElement.classList.add("with-sidenotes");
      applyHands(hiddenHands());
    }

  }
})();

