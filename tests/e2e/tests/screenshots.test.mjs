// Screenshots of every page type at desktop and phone width, and of the document page in the
// dark scheme, with a note pop-up, without scripts and as printed, saved in artifacts/ for a
// person to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ARTIFACTS, PAGE_TYPES, TELEGRAM, launch, visitor, sampleUrl } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

async function shoot(page, name) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  const bytes = fs.readFileSync(file);
  assert.ok(bytes.length > 1000 && bytes.subarray(0, 4).equals(PNG), `${file} is a PNG image`);
  return file;
}

for (const width of [1280, 375]) {
  test(`a screenshot of every page type at ${width} px is saved`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    try {
      const { page, visit } = await visitor(context);
      for (const { name, path: relative } of PAGE_TYPES) {
        await visit(sampleUrl(relative));
        await shoot(page, `${name}-${width}`);
      }
    } finally {
      await context.close();
    }
  });
}

test("screenshots of the document page in the dark scheme, with a note pop-up, without scripts " +
  "and in print are saved", async () => {
  const shots = [
    { name: "document-dark-1280", options: { viewport: { width: 1280, height: 900 }, colorScheme: "dark" } },
    { name: "document-dark-375", options: { viewport: { width: 375, height: 800 }, colorScheme: "dark" } },
    { name: "document-sidenotes-1440", options: { viewport: { width: 1440, height: 900 } } },
    { name: "document-popup-375", options: { viewport: { width: 375, height: 800 } }, popup: true },
    { name: "document-popup-dark-1280", options: { viewport: { width: 1280, height: 900 }, colorScheme: "dark" }, popup: true },
    { name: "document-nojs-375", options: { viewport: { width: 375, height: 800 }, javaScriptEnabled: false } },
    { name: "document-yb-hidden-1280", options: { viewport: { width: 1280, height: 900 } }, hide: "yb" },
    { name: "document-print-a4", options: { viewport: { width: 794, height: 1123 } }, print: true },
    { name: "document-print-from-wide-window", options: { viewport: { width: 1440, height: 900 } }, print: true },
    { name: "timeline-dark-1280", path: "timeline/index.html", options: { viewport: { width: 1280, height: 900 }, colorScheme: "dark" } },
  ];
  for (const shot of shots) {
    const context = await browser.newContext(shot.options);
    try {
      const page = await context.newPage();
      await page.goto(sampleUrl(shot.path || TELEGRAM));
      if (shot.popup) {
        await page.locator('sup.note-ref[data-hand="pc"] a').first().click();
        await page.locator(".note-popup").waitFor();
      }
      if (shot.hide) await page.locator(`[data-hand-switch] input[value="${shot.hide}"]`).uncheck();
      if (shot.print) {
        await page.emulateMedia({ media: "print" });
        if (shot.options.viewport.width > 1000) await page.setViewportSize({ width: 794, height: 1123 });
      }
      await shoot(page, shot.name);
    } finally {
      await context.close();
    }
  }
});
