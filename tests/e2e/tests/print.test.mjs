// Printing a document: PDFs in A4 and Letter, and a print layout that keeps the text, its
// paragraph numbers and every note, and leaves out what only works on screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ARTIFACTS, TELEGRAM, launch, sampleUrl } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A4 at 96 dpi; a reader's print dialog leaves about 1 cm margins, Playwright's PDF none.
const PAPER = { width: 794, height: 1123 };

async function printed(viewport = PAPER) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(sampleUrl(TELEGRAM));
  await page.emulateMedia({ media: "print" });
  if (viewport.width !== PAPER.width) await page.setViewportSize(PAPER);
  return { context, page };
}

for (const format of ["A4", "Letter"]) {
  test(`the document page prints to a ${format} PDF of more than one page`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(sampleUrl(TELEGRAM));
      const file = path.join(ARTIFACTS, `document-${format.toLowerCase()}.pdf`);
      await page.pdf({ path: file, format, printBackground: true, margin: { top: "1.5cm", bottom: "1.5cm", left: "1.5cm", right: "1.5cm" } });
      const bytes = fs.readFileSync(file);
      assert.ok(bytes.length > 1000, `${file} is not empty`);
      assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-", `${file} is a PDF`);
      const pages = (bytes.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
      // The telegram with its notes and details does not fit on one page; a blank or missing
      // page would.
      assert.ok(pages >= 2, `${file} has ${pages} pages`);
      console.log(`print: ${path.basename(file)}: ${pages} page(s), ${bytes.length} bytes`);
    } finally {
      await context.close();
    }
  });
}

test("in print the site navigation is not displayed and every note of every hand is", async () => {
  const { context, page } = await printed();
  try {
    assert.equal(await page.locator(".site-nav").evaluate((e) => getComputedStyle(e).display), "none",
      ".site-nav is display: none in print");
    const notes = page.locator(".note-group .note");
    const count = await notes.count();
    assert.ok(count >= 4);
    for (let i = 0; i < count; i += 1) {
      assert.ok(await notes.nth(i).isVisible(), `note ${await notes.nth(i).getAttribute("id")} prints`);
    }
    assert.ok(await page.locator(".document-text").isVisible(), "the text prints");
  } finally {
    await context.close();
  }
});

test("in print the hand switch, a screen-only control, is not displayed", async () => {
  const { context, page } = await printed();
  try {
    assert.equal(await page.locator("[data-hand-switch]").isVisible(), false,
      "the hand switch (checkboxes 'Show the notes of') prints on paper");
  } finally {
    await context.close();
  }
});

test("in print the paragraph numbers lie on the page, not beyond its left edge", async () => {
  const { context, page } = await printed();
  try {
    const boxes = await page.locator(".document-text a.pnum").evaluateAll((all) =>
      all.map((a) => ({ href: a.getAttribute("href"), left: a.getBoundingClientRect().left,
        display: getComputedStyle(a).display })));
    assert.ok(boxes.length >= 5);
    const off = boxes.filter((b) => b.display === "none" || b.left < 0);
    assert.deepEqual(off.map((b) => `${b.href} at ${Math.round(b.left)} px (${b.display})`), [],
      "paragraph numbers are needed to cite a printed page");
  } finally {
    await context.close();
  }
});

test("printing from a wide window gives the text the page's full width and prints no sidenotes",
  async () => {
    const { context, page } = await printed({ width: 1440, height: 900 });
    try {
      const layout = await page.evaluate(() => ({
        text: document.querySelector(".document-text").getBoundingClientRect().width,
        page: document.documentElement.clientWidth,
        sidenotes: [...document.querySelectorAll(".sidenote")].filter((s) => s.getClientRects().length > 0).length,
      }));
      assert.equal(layout.sidenotes, 0, `${layout.sidenotes} sidenotes print, repeating the notes`);
      assert.ok(layout.text > 0.9 * layout.page,
        `the text is ${Math.round(layout.text)} px wide on a ${layout.page} px page`);
    } finally {
      await context.close();
    }
  });
