// A reader searches the edition's full text: in the browser over HTTP, from disk (file://),
// and without JavaScript, where the page offers the indexes instead.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import path from "node:path";
import fs from "node:fs";
import { HERE, MANY_URL, SAMPLE_DIR, launch, withPage, sampleUrl } from "../lib.mjs";

const SEARCH_URL = sampleUrl("search/index.html");
const KIROV_TELEGRAM = "1920-07-12-kirov-to-chicherin";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The words of a text with case and accents folded (the pages here are English). */
function words(text) {
  const folded = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return folded.match(/[\p{Alphabetic}\p{N}]+/gu) || [];
}

/** The results listed once the search has answered: [{title, href}]. */
async function results(page) {
  await page.locator(".search-status").filter({ hasText: /document/ }).waitFor();
  return page.locator(".search-results a.doc-title").evaluateAll((links) =>
    links.map((a) => ({ title: a.textContent, href: a.href })));
}

test("a reader searches two words and gets the documents that hold both", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(SEARCH_URL);
    await page.getByLabel("Words to find in the documents").fill("Chicherin telegr");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=Chicherin\+telegr$/);
    const found = await results(page);
    assert.ok(found.some((r) => r.href.includes(KIROV_TELEGRAM)), JSON.stringify(found));
    const status = await page.locator(".search-status").innerText();
    assert.ok(status.startsWith(found.length === 1 ? "1 document contains " :
      `${found.length} documents contain `), status);
    assert.ok((await page.title()).startsWith(status.replace(/\.$/, "")), await page.title());
    assert.ok(await page.locator(".search-status").evaluate((p) => p === document.activeElement),
      "the count has the focus, so a screen reader reads it");
    // Each result holds both words: "chicherin", and a word that "telegr" begins.
    for (const result of found) {
      const response = await page.request.get(result.href);
      const text = words(await response.text());
      assert.ok(text.includes("chicherin"), `${result.href} names Chicherin`);
      assert.ok(text.some((w) => w.startsWith("telegr")), `${result.href} has telegr…`);
    }
    await page.locator(".search-results a.doc-title").first().click();
    await page.waitForURL(found[0].href);
    assert.equal((await page.locator("h1").innerText()).trim(), found[0].title.trim());
  });
});

test("case and accents do not matter, and a name finds the documents bound to its person", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(`${SEARCH_URL}?q=chicherin`);
    const plain = await results(page);
    await page.goto(`${SEARCH_URL}?q=${encodeURIComponent("CHÍCHERIN")}`);
    assert.deepEqual(await results(page), plain);
    assert.ok(plain.length >= 5, `Chicherin is named in many documents: ${plain.length}`);
  });
});

test("the search page folds text as annals folds it when it builds the index", async () => {
  const pairs = JSON.parse(fs.readFileSync(`${HERE}/../search-folding.json`, "utf8"));
  await withPage(browser, {}, async (page) => {
    await page.goto(SEARCH_URL);
    const folded = await page.evaluate((texts) => texts.map((t) => window.annalsSearch.terms(t)),
      pairs.map(([text]) => text));
    pairs.forEach(([text, expected], i) => {
      assert.deepEqual([...new Set(folded[i])].sort(), [...new Set(expected)].sort(), text);
    });
  });
});

test("every part of the index is asked for with the index's version", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(`${SEARCH_URL}?q=Kirov`);
    await results(page);
    const version = await page.locator(".search-form").getAttribute("data-version");
    assert.match(version, /^[0-9a-f]{16}$/);
    const sources = await page.locator("head script[src*='search/']").evaluateAll((scripts) =>
      scripts.map((s) => s.getAttribute("src")));
    assert.ok(sources.length >= 2, JSON.stringify(sources));
    assert.ok(sources.every((src) => src.endsWith(`.js?v=${version}`)), JSON.stringify(sources));
  });
});

test("a search with more results than one page lists them a hundred at a time", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(`${MANY_URL}search/index.html?q=common`);
    const first = await results(page);
    assert.equal(first.length, 100);
    assert.match(await page.locator(".search-status").innerText(), /^130 documents contain/);
    await page.getByRole("button", { name: "Show more" }).click();
    await page.locator(".search-results li").nth(129).waitFor();
    assert.equal(await page.locator(".search-results li").count(), 130);
    assert.equal(await page.getByRole("button", { name: "Show more" }).isVisible(), false);
    const titles = await page.locator(".search-results a").allInnerTexts();
    assert.equal(new Set(titles).size, 130, "each note once");
  });
});

test("a query of punctuation alone asks for a word", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(`${SEARCH_URL}?q=${encodeURIComponent("!!! —")}`);
    await page.locator(".search-status").filter({ hasText: "Type a word" }).waitFor();
    assert.equal(await page.locator(".search-results li").count(), 0);
  });
});

test("a word no document holds is said so", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(`${SEARCH_URL}?q=zzyzx`);
    await page.locator(".search-status").filter({ hasText: "No document contains" }).waitFor();
    assert.equal(await page.locator(".search-results li").count(), 0);
  });
});

test("search works on the site opened from disk", async () => {
  await withPage(browser, {}, async (page) => {
    const url = pathToFileURL(path.join(SAMPLE_DIR, "search", "index.html")).href;
    await page.goto(`${url}?q=Beria`);
    const found = await results(page);
    assert.ok(found.length > 0, "Beria is found");
    assert.ok(found.every((r) => r.href.startsWith("file:")), JSON.stringify(found));
  });
});

test("without JavaScript, the search page leads to the indexes instead", async () => {
  await withPage(browser, { javaScriptEnabled: false }, async (page) => {
    await page.goto(SEARCH_URL);
    assert.equal(await page.locator(".search-form").isVisible(), false, "no form that cannot work");
    const fallback = page.locator(".search-without-script");
    assert.ok(await fallback.isVisible());
    const links = await fallback.locator("a").evaluateAll((as) => as.map((a) => a.href));
    for (const section of ["documents", "timeline", "people", "places"]) {
      assert.ok(links.some((href) => href.endsWith(`/${section}/index.html`)), section);
    }
    for (const href of links) {
      assert.equal((await page.request.get(href)).status(), 200, href);
    }
  });
});
