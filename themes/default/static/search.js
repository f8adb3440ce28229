// annals: full-text search, run in the browser over the index annals writes into search/
// (src/search.rs says how it is made). The index is loaded as scripts, a shard at a time,
// so it also works on a site opened from disk. Without JavaScript the page shows links to
// the indexes instead of the form.
(function () {
  "use strict";

  var form = document.querySelector(".search-form");
  if (!form) {
    return;
  }
  var SHOWN = 100;
  var root = form.getAttribute("data-root");
  var shards = Number(form.getAttribute("data-shards"));
  var perFile = Number(form.getAttribute("data-documents-per-file"));
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var results = document.querySelector(".search-results");

  var shardTerms = {};
  var documentLists = {};
  window.annalsSearch = {
    shard: function (number, terms) {
      shardTerms[number] = terms;
    },
    documents: function (number, list) {
      documentLists[number] = list;
    }
  };

  var scripts = {};
  function load(path) {
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root + path;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return scripts[path];
  }

  // The same folding as src/search.rs: decomposed, without combining marks, lower-cased,
  // split into runs of letters and digits.
  function terms(text) {
    var folded = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    return folded.match(/[\p{Alphabetic}\p{N}]+/gu) || [];
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

  // The documents holding `word`, or a term it begins (words of one character: only itself).
  function documentsWith(word) {
    var shard = shardTerms[shardOf(word)] || {};
    var found = new Set();
    Object.keys(shard).forEach(function (term) {
      if (term === word || (word.length > 1 && term.lastIndexOf(word, 0) === 0)) {
        positions(shard[term]).forEach(function (position) {
          found.add(position);
        });
      }
    });
    return found;
  }

  function say(text) {
    status.textContent = text;
  }

  function show(query, matches) {
    var listed = matches.slice(0, SHOWN);
    var files = Array.from(new Set(listed.map(function (position) {
      return Math.floor(position / perFile);
    })));
    return Promise.all(files.map(function (file) {
      return load("search/documents/" + file + ".js");
    })).then(function () {
      results.textContent = "";
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
      var count = matches.length === 1 ? "1 document" : matches.length + " documents";
      var more = matches.length > SHOWN ? "; the first " + SHOWN + " are listed, in the edition's order" : "";
      say(count + " contain " + query + more + ".");
    });
  }

  function search(query) {
    var words = Array.from(new Set(terms(query)));
    results.textContent = "";
    if (words.length === 0) {
      say("");
      return;
    }
    if (shards === 0) {
      say("The edition has no documents to search.");
      return;
    }
    say("Searching…");
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
      var quoted = words.map(function (word) {
        return "“" + word + "”";
      }).join(" and ");
      if (matches.length === 0) {
        say("No document contains " + quoted + ".");
        return undefined;
      }
      return show(quoted, matches);
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
