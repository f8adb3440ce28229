// annals: full-text search, run in the browser over the index annals writes into search/
// (src/search.rs says how it is made). The index is loaded as scripts, a shard at a time,
// so it also works on a site opened from disk. Without JavaScript the page shows links to
// the indexes instead of the form.
(function () {
  "use strict";

  var PAGE = 100;
  // The same folding as src/search.rs (DIACRITICS, LETTERS); tests/search-folding.json holds
  // the pairs both are tested with.
  var DIACRITICS = /[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var LETTERS = { "ß": "ss", "ı": "i", "ς": "σ", "ł": "l", "đ": "d", "ð": "d", "ø": "o", "æ": "ae", "œ": "oe" };

  function terms(text) {
    var folded = text.normalize("NFKD").replace(DIACRITICS, "").toLowerCase()
      .replace(/[ßıςłđðøæœ]/g, function (letter) { return LETTERS[letter]; });
    return folded.match(/[\p{Alphabetic}\p{M}\p{N}]+/gu) || [];
  }

  var shardTerms = {};
  var documentLists = {};
  window.annalsSearch = {
    terms: terms,
    shard: function (number, terms) {
      shardTerms[number] = terms;
    },
    documents: function (number, list) {
      documentLists[number] = list;
    }
  };

  var form = document.querySelector(".search-form");
  if (!form) {
    return;
  }
  var root = form.getAttribute("data-root");
  var version = form.getAttribute("data-version");
  var documents = Number(form.getAttribute("data-documents"));
  var shards = Number(form.getAttribute("data-shards"));
  var perFile = Number(form.getAttribute("data-documents-per-file"));
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var results = document.querySelector(".search-results");
  var more = document.querySelector(".search-more");
  var title = document.title;

  // Every script is asked for with the index's version, so a browser that cached a part of
  // an earlier build never mixes it with this one.
  var scripts = {};
  function load(path) {
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root + path + "?v=" + version;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return scripts[path];
  }

  // FNV-1a of the UTF-8 bytes of the term's first two characters, as src/search.rs shards.
  function shardOf(term) {
    var key = Array.from(term).slice(0, 2).join("");
    var bytes = new TextEncoder().encode(key);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    }
    return hash % shards;
  }

  function positions(postings) {
    var at = 0;
    return postings.split(",").map(function (difference) {
      at += parseInt(difference, 36);
      return at;
    });
  }

  // The documents holding `word`, or a term it begins (a word of one character: only itself).
  function documentsWith(word) {
    var shard = shardTerms[shardOf(word)] || {};
    var prefix = Array.from(word).length > 1;
    var found = new Set();
    Object.keys(shard).forEach(function (term) {
      if (term === word || (prefix && term.lastIndexOf(word, 0) === 0)) {
        positions(shard[term]).forEach(function (position) {
          found.add(position);
        });
      }
    });
    return found;
  }

  function counted(count) {
    return count === 1 ? "1 document contains" : count + " documents contain";
  }

  // Lists the next PAGE of `matches` after those shown.
  function showMore(matches) {
    var shown = results.children.length;
    var listed = matches.slice(shown, shown + PAGE);
    var files = Array.from(new Set(listed.map(function (position) {
      return Math.floor(position / perFile);
    })));
    return Promise.all(files.map(function (file) {
      return load("search/documents/" + file + ".js");
    })).then(function () {
      listed.forEach(function (position) {
        var entry = documentLists[Math.floor(position / perFile)][position % perFile];
        var item = document.createElement("li");
        item.className = "doc-item";
        var date = document.createElement("span");
        date.className = "doc-date";
        date.textContent = entry[2];
        var link = document.createElement("a");
        link.className = "doc-title";
        link.href = root + entry[0];
        link.textContent = entry[1];
        item.append(date, " ", link);
        results.appendChild(item);
      });
      more.hidden = results.children.length >= matches.length;
    });
  }

  function say(text) {
    status.textContent = text;
  }

  function search(query) {
    var words = Array.from(new Set(terms(query)));
    if (words.length === 0) {
      say(query.trim() ? "Type a word to search for: letters or digits." : "");
      return;
    }
    if (documents === 0) {
      say("The edition has no documents to search.");
      return;
    }
    say("Searching…");
    var quoted = words.map(function (word) {
      return "“" + word + "”";
    }).join(" and ");
    var needed = Array.from(new Set(words.map(shardOf)));
    Promise.all(needed.map(function (shard) {
      return load("search/index/" + shard + ".js");
    })).then(function () {
      var sets = words.map(documentsWith);
      var matches = Array.from(sets[0]).filter(function (position) {
        return sets.every(function (set) {
          return set.has(position);
        });
      }).sort(function (a, b) {
        return a - b;
      });
      more.querySelector("button").onclick = function () {
        showMore(matches);
      };
      return showMore(matches).then(function () {
        var found = matches.length === 0 ? "No document contains " + quoted : counted(matches.length) + " " + quoted;
        var order = matches.length > PAGE ? ", listed in the edition's order" : "";
        say(found + order + ".");
        document.title = found + " · " + title;
        status.focus();
      });
    }).catch(function () {
      say("The search index could not be loaded. Build the site again, or open it from where it is published.");
    });
  }

  form.hidden = false;
  var fallback = document.querySelector(".search-without-script");
  if (fallback) {
    fallback.hidden = true;
  }
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  search(query);
})();
