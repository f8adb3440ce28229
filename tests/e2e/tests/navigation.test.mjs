// A reader moves through the edition: home to a document, a person and back, a paragraph
// link, a note mark (a pop-up with scripts, a jump without), an old address that redirects.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  REDIRECT, TELEGRAM, SAMPLE_URL, launch, withPage, sampleUrl,
} from "../lib.mjs";

const TELEGRAM_URL = sampleUrl(TELEGRAM);
const TELEGRAM_ID = "1920-07-16-ordzhonikidze-to-lenin";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a reader follows a link from the home page to a document", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(SAMPLE_URL + "index.html");
    const link = page.locator("main a.doc-title").first();
    const title = (await link.innerText()).trim();
    const target = await link.evaluate((a) => a.href);
    await link.click();
    await page.waitForURL(target);
    assert.match(page.url(), /\/documents\/[^/]+\/index\.html$/);
    const h1 = (await page.locator("h1").innerText()).trim();
    assert.equal(h1, title, "the page is the document the link named");
    assert.equal(await page.locator("article.document .document-text").count(), 1,
      "the page shows a document's text");
  });
});

test("a person link in a document's text leads to the person's page, which lists the document " +
  "back with a paragraph link", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(TELEGRAM_URL);
    const link = page.locator('.document-text a[href*="people/"]').first();
    const name = (await link.innerText()).trim();
    const paragraph = await link.evaluate((a) => a.closest("[id^=p]")?.id);
    const target = await link.evaluate((a) => a.href);
    await link.click();
    await page.waitForURL(target);
    assert.match(page.url(), /\/people\/[^/]+\/index\.html$/);
    assert.ok(await page.locator("h1").isVisible(), "the person's page has a heading");
    const back = page.locator(`main a[href*="${TELEGRAM_ID}/index.html"]`);
    assert.ok(await back.count() > 0, `the page of ${name} lists the telegram`);
    const anchor = page.locator(`main a[href*="${TELEGRAM_ID}/index.html#${paragraph}"]`);
    assert.ok(await anchor.count() > 0,
      `the page of ${name} links to the paragraph ${paragraph} where the telegram names them`);
    await anchor.first().click();
    await page.waitForURL(new RegExp(`${TELEGRAM_ID}/index\\.html#${paragraph}$`));
    assert.ok(await page.locator(`#${paragraph}`).isVisible(), `paragraph ${paragraph} is shown`);
    assert.ok(await page.locator(`#${paragraph}`).evaluate((p) => {
      const box = p.getBoundingClientRect();
      return box.top >= -1 && box.top < window.innerHeight;
    }), `the browser scrolled to ${paragraph}`);

    await page.goBack();
    await page.waitForURL(/\/people\/[^/]+\/index\.html$/);
    await page.goBack();
    await page.waitForURL(TELEGRAM_URL);
  });
});

test("clicking a paragraph number puts #pN in the address and copies the paragraph's permalink",
  async () => {
    await withPage(browser, {}, async (page, context) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(SAMPLE_URL).origin });
      await page.goto(TELEGRAM_URL);
      const pnum = page.locator("a.pnum").nth(2);
      const href = await pnum.getAttribute("href");
      assert.match(href, /^#p\d+$/);
      await pnum.click();
      await page.waitForURL(TELEGRAM_URL + href);
      assert.equal(await page.locator(href).count(), 1, `the target ${href} exists`);
      assert.ok(await page.locator(`${href}:target`).count() === 1, `${href} is the :target`);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, canonical + href, "the copied address is the paragraph's permalink");
    });
  });

test("with scripts on, a note mark opens the note in a pop-up that Escape closes, returning focus " +
  "to the mark", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(TELEGRAM_URL);
    const mark = page.locator('sup.note-ref[data-hand="yb"] a').first();
    const noteId = (await mark.getAttribute("href")).slice(1);
    const noteText = (await page.locator(`#${noteId} .note-body`).innerText()).trim();
    await mark.click();
    const popup = page.locator('.note-popup[role="dialog"]');
    await popup.waitFor();
    assert.ok(await popup.isVisible(), "the pop-up is shown");
    assert.ok((await popup.innerText()).includes(noteText), `the pop-up shows the note "${noteText}"`);
    assert.ok(await popup.getAttribute("aria-label"), "the dialog has an accessible name");
    assert.equal(page.url(), TELEGRAM_URL, "the page did not jump to the note");
    assert.ok(await page.evaluate(() => !!document.activeElement.closest(".note-popup")),
      "focus moved into the pop-up");
    await page.keyboard.press("Escape");
    await popup.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement.id), await mark.getAttribute("id"),
      "focus returned to the mark");
  });
});

test("with scripts off, every note of every hand shows and a note mark jumps to its note", async () => {
  await withPage(browser, { javaScriptEnabled: false }, async (page) => {
    await page.goto(TELEGRAM_URL);
    const notes = page.locator(".note-group .note");
    const count = await notes.count();
    assert.ok(count >= 4, `the telegram has its notes (${count})`);
    for (let i = 0; i < count; i += 1) {
      assert.ok(await notes.nth(i).isVisible(), `note ${await notes.nth(i).getAttribute("id")} is shown`);
    }
    for (const hand of ["ed", "pc", "yb"]) {
      assert.ok(await page.locator(`.note-group[data-hand="${hand}"]`).isVisible(), `the notes of ${hand} show`);
      assert.ok(await page.locator(`sup.note-ref[data-hand="${hand}"]`).first().isVisible(), `the marks of ${hand} show`);
    }
    assert.equal(await page.locator("[data-hand-switch]").isVisible(), false,
      "no empty hand switch shows without scripts");
    const mark = page.locator('sup.note-ref[data-hand="yb"] a').first();
    const href = await mark.getAttribute("href");
    await mark.click();
    await page.waitForURL(TELEGRAM_URL + href);
    assert.equal(await page.locator(".note-popup").count(), 0);
    assert.ok(await page.locator(href).isVisible());
    const back = page.locator(`${href} a.backref`).first();
    await back.click();
    await page.waitForURL(TELEGRAM_URL + (await back.getAttribute("href")));
  });
});

test("with scripts off, every page type still shows its main content and navigation", async () => {
  const { PAGE_TYPES } = await import("../lib.mjs");
  await withPage(browser, { javaScriptEnabled: false }, async (page) => {
    for (const { path } of PAGE_TYPES) {
      await page.goto(sampleUrl(path));
      assert.ok(await page.locator("h1").first().isVisible(), `${path}: its heading shows`);
      assert.ok(await page.locator(".site-nav").isVisible(), `${path}: the navigation shows`);
    }
  });
});

test("an alias (a document's former id) redirects to the document", async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(REDIRECT.url);
    await page.waitForURL(REDIRECT.target);
    assert.equal(await page.locator("article.document").count(), 1);
  });
  await withPage(browser, { javaScriptEnabled: false }, async (page) => {
    await page.goto(REDIRECT.url);
    await page.waitForURL(REDIRECT.target);
  });
});
