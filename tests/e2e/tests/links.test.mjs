// No broken internal link anywhere in the built sites: every relative href/src of every HTML
// page (and every link of the sitemap and feed into the site's own base_url) names a file that
// exists, and every #fragment names an id on the target page.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { ROOT, SAMPLE_DIR, ALIAS_DIR, filesUnder } from "../lib.mjs";

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The markup without comments and without the contents of script and style elements. */
function strip(html) {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, "$1$2")
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, "$1$2");
}

/** Every URL an element of the page refers to, with its line for messages. */
function references(html) {
  const found = [];
  const tag = /<([a-zA-Z][\w:-]*)\b([^>]*)>/g;
  const attribute = /([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
  const body = strip(html);
  for (const match of body.matchAll(tag)) {
    const [, name, attributes] = match;
    const line = body.slice(0, match.index).split("\n").length;
    for (const a of attributes.matchAll(attribute)) {
      const key = a[1].toLowerCase();
      const value = decodeEntities(a[3] ?? a[4] ?? a[5] ?? "");
      if (["href", "src", "xlink:href", "poster", "action", "data"].includes(key)) {
        found.push({ element: name.toLowerCase(), attribute: key, url: value, line });
      } else if (key === "srcset") {
        for (const candidate of value.split(",")) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) found.push({ element: name.toLowerCase(), attribute: key, url, line });
        }
      } else if (key === "http-equiv" && /refresh/i.test(value)) {
        const content = attributes.match(/content\s*=\s*("([^"]*)"|'([^']*)')/i);
        const target = content && decodeEntities(content[2] ?? content[3]).match(/url\s*=\s*(.+)$/i);
        if (target) found.push({ element: name.toLowerCase(), attribute: "refresh", url: target[1].trim(), line });
      }
    }
  }
  return found;
}

const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const html = strip(fs.readFileSync(file, "utf8"));
    const ids = new Set();
    for (const m of html.matchAll(/\s(?:id|name)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      ids.add(decodeEntities(m[2] ?? m[3] ?? m[4]));
    }
    idCache.set(file, ids);
  }
  return idCache.get(file);
}

/** The file a URL (already resolved to file:) names, or null if none exists. */
function targetFile(url) {
  let file = fileURLToPath(url);
  if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  return fs.existsSync(file) ? file : null;
}

/** The edition's base_url, read from the home page's canonical link, if any. */
function baseUrlOf(siteDir) {
  const home = fs.readFileSync(path.join(siteDir, "index.html"), "utf8");
  const canonical = home.match(/<link rel="canonical" href="([^"]+)"/);
  return canonical && /^https?:/.test(canonical[1]) ? decodeEntities(canonical[1]) : null;
}

function check(siteDir) {
  const broken = [];
  const baseUrl = baseUrlOf(siteDir);
  const siteUrl = pathToFileURL(siteDir + "/");
  let checked = 0;
  for (const file of filesUnder(siteDir, [".html"])) {
    const html = fs.readFileSync(file, "utf8");
    const here = pathToFileURL(file);
    for (const ref of references(html)) {
      let raw = ref.url.trim();
      if (raw === "") {
        broken.push(`${path.relative(ROOT, file)}:${ref.line}: <${ref.element} ${ref.attribute}=""> is empty`);
        continue;
      }
      // Links into the site's own permalinks count as internal.
      if (baseUrl && raw.startsWith(baseUrl)) {
        raw = new URL(raw.slice(baseUrl.length), siteUrl).href;
      }
      let url;
      try {
        url = new URL(raw, here);
      } catch {
        broken.push(`${path.relative(ROOT, file)}:${ref.line}: <${ref.element} ${ref.attribute}="${ref.url}"> is not a URL`);
        continue;
      }
      if (url.protocol !== "file:") continue; // external: http(s), mailto, ...
      checked += 1;
      const where = `${path.relative(ROOT, file)}:${ref.line}: <${ref.element} ${ref.attribute}="${ref.url}">`;
      if (!url.href.startsWith(siteUrl.href)) {
        broken.push(`${where} leads outside the site`);
        continue;
      }
      const target = targetFile(url);
      if (!target) {
        broken.push(`${where}: no such file ${path.relative(siteDir, fileURLToPath(url))}`);
        continue;
      }
      if (url.hash && url.hash !== "#") {
        const id = decodeURIComponent(url.hash.slice(1));
        if (target.endsWith(".html") && !idsOf(target).has(id)) {
          broken.push(`${where}: no id "${id}" in ${path.relative(siteDir, target)}`);
        }
      }
    }
  }
  // The sitemap and the feed name pages by their permalinks.
  for (const name of ["sitemap.xml", "feed.xml"]) {
    const file = path.join(siteDir, name);
    if (!baseUrl || !fs.existsSync(file)) continue;
    const xml = fs.readFileSync(file, "utf8");
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>|<link\b[^>]*href="([^"]+)"/g)]
      .map((m) => decodeEntities(m[1] ?? m[2]));
    for (const raw of urls) {
      if (!raw.startsWith(baseUrl)) continue;
      checked += 1;
      const url = new URL(raw.slice(baseUrl.length), siteUrl);
      if (!targetFile(url)) broken.push(`${name}: ${raw} names no file of the site`);
    }
  }
  return { broken, checked };
}

for (const [name, dir] of [["sample edition", SAMPLE_DIR], ["alias edition", ALIAS_DIR]]) {
  test(`no internal link of the ${name} is broken`, () => {
    const { broken, checked } = check(dir);
    console.log(`links: ${checked} internal links checked in the ${name}`);
    assert.ok(checked > 10, `expected internal links, found ${checked}`);
    assert.equal(broken.length, 0, `${broken.length} broken link(s):\n  ${broken.join("\n  ")}`);
  });
}
