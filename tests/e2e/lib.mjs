// Shared setup of the browser tests. The runner (./run) builds the sites, serves them and
// passes where they are through the environment:
//   E2E_BASE_URL   http://127.0.0.1:PORT/ : the server's root
//   E2E_ROOT       the folder it serves: sample/ (the sample edition), alias/ (a tiny edition
//                  with one alias redirect page), many/ (130 notes sharing a word)
//   E2E_ARTIFACTS  where screenshots and PDFs go (default tests/e2e/artifacts)
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const HERE = path.dirname(fileURLToPath(import.meta.url));

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with tests/e2e/run`);
  }
  return value;
}

export const BASE_URL = required("E2E_BASE_URL").replace(/\/?$/, "/");
export const ROOT = required("E2E_ROOT");
export const SAMPLE_URL = new URL("sample/", BASE_URL).href;
export const SAMPLE_DIR = path.join(ROOT, "sample");
export const ALIAS_URL = new URL("alias/", BASE_URL).href;
export const ALIAS_DIR = path.join(ROOT, "alias");
/** An edition of 130 notes that all hold the word "common". */
export const MANY_URL = new URL("many/", BASE_URL).href;
export const ARTIFACTS = process.env.E2E_ARTIFACTS || path.join(HERE, "artifacts");
fs.mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM = process.env.E2E_CHROMIUM || "/usr/bin/chromium";
export const AXE_PATH = path.join(HERE, "node_modules", "axe-core", "axe.min.js");

/** The document with notes of three hands (ed, pc, yb), person and place links. */
export const TELEGRAM = "documents/1920-07-16-ordzhonikidze-to-lenin/index.html";
/** Another document with notes of the compiler (yb). */
export const LETTER = "documents/1920-07-10-letter-caucasus-bureau/index.html";

/** One page of every type of the sample edition. */
export const PAGE_TYPES = [
  { name: "home", path: "index.html" },
  { name: "documents", path: "documents/index.html" },
  { name: "document", path: TELEGRAM },
  { name: "collections", path: "collections/index.html" },
  { name: "collection", path: "collections/karabakh-1920/index.html" },
  { name: "people", path: "people/index.html" },
  { name: "person", path: "people/ordzhonikidze/index.html" },
  { name: "places", path: "places/index.html" },
  { name: "place", path: "places/baku/index.html" },
  { name: "tags", path: "tags/index.html" },
  { name: "tag", path: "tags/karabakh/index.html" },
  { name: "types", path: "types/index.html" },
  { name: "type", path: "types/telegram/index.html" },
  { name: "glossary", path: "glossary/index.html" },
  { name: "timeline", path: "timeline/index.html" },
  { name: "search", path: "search/index.html" },
];

/** The alias redirect page of the tiny edition, and where it leads. */
export const REDIRECT = {
  name: "redirect",
  url: new URL("documents/old-letter/index.html", ALIAS_URL).href,
  target: new URL("documents/1920-07-12-letter/index.html", ALIAS_URL).href,
};

export const sampleUrl = (relative) => new URL(relative, SAMPLE_URL).href;

export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/**
 * One page of `context` reused for many visits (much faster than a page per visit):
 * `visit(url)` loads url and returns the problems recorded while loading it.
 */
export async function visitor(context) {
  const page = await context.newPage();
  const problems = watch(page);
  return {
    page,
    async visit(url, { waitUntil = "load" } = {}) {
      problems.length = 0;
      await page.goto(url, { waitUntil });
      return [...problems];
    },
  };
}

/**
 * Runs `body(page, context)` in a new context of `browser` (1024 × 800 unless `options` say
 * otherwise) and fails if the page logged an error or a request failed on the way.
 */
export async function withPage(browser, options, body) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await body(page, context);
    assert.deepEqual(problems, [], "console errors or failed requests on the way");
  } finally {
    await context.close();
  }
}

/** Starts recording a page's console errors, script errors, failed requests and HTTP errors. */
export function watch(page) {
  const problems = [];
  page.on("console", (message) => {
    // A page without <link rel="icon"> makes Chromium ask for /favicon.ico at the root of the
    // host after the page has loaded, so whether that 404 is seen here depends on timing;
    // pages.test.mjs checks for the icon link instead.
    if (message.type() === "error" && !/\/favicon\.ico\b/.test(message.location()?.url || "")) {
      const where = message.location();
      problems.push(`console ${message.type()}: ${message.text()}` +
        (where && where.url ? ` (${where.url}:${where.lineNumber})` : ""));
    }
  });
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("requestfailed", (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

/** Width of the page's content beyond the viewport, and what sticks out (for messages). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = window.innerWidth;
    const offenders = [];
    if (root.scrollWidth > width) {
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.right > width + 0.5 || box.left < -0.5) {
          // Report the outermost offenders only.
          if (offenders.some((o) => o.element.contains(element))) continue;
          offenders.push({ element, left: box.left, right: box.right });
        }
      }
    }
    const describe = (element) => {
      let text = element.tagName.toLowerCase();
      if (element.id) text += `#${element.id}`;
      if (element.classList.length) text += "." + [...element.classList].join(".");
      return text;
    };
    return {
      scrollWidth: root.scrollWidth,
      innerWidth: width,
      offenders: offenders.slice(0, 8).map((o) =>
        `${describe(o.element)} spans ${Math.round(o.left)}..${Math.round(o.right)} px: ` +
        JSON.stringify((o.element.textContent || "").trim().slice(0, 60))),
    };
  });
}

/** Runs axe-core on the page with WCAG 2.0/2.1 A and AA rules and best practices. */
export async function runAxe(page) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
      resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        html: n.html,
        summary: n.failureSummary,
      })),
    }));
  });
}

/** axe violations as readable text: rule, impact, then each element with its HTML. */
export function formatViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.map((n) =>
      `    - ${n.target}\n      ${n.html.replace(/\s+/g, " ").slice(0, 300)}\n` +
      `      ${(n.summary || "").replace(/\n\s*/g, "\n      ")}`).join("\n");
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n    ${v.helpUrl}\n${nodes}`;
  }).join("\n");
}

/** Every file under `dir` whose name ends with one of `extensions`. */
export function filesUnder(dir, extensions) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (extensions.some((e) => entry.name.endsWith(e))) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}
