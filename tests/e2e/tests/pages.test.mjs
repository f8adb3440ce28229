// Every page type loads cleanly at desktop and phone widths, and never scrolls sideways on a phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  PAGE_TYPES, SAMPLE_DIR, launch, visitor, sampleUrl, horizontalOverflow,
} from "../lib.mjs";

const WIDTHS = [1280, 375, 320];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const width of WIDTHS) {
  test(`every page type loads without console errors or failed requests at ${width} px` +
    (width < 1000 ? " and has no horizontal scroll" : ""), async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const failures = [];
    try {
      const { page, visit } = await visitor(context);
      for (const { name, path: relative } of PAGE_TYPES) {
        const problems = await visit(sampleUrl(relative));
        if (problems.length) {
          failures.push(`${name} (${relative}):\n    ${problems.join("\n    ")}`);
        }
        if (width < 1000) {
          const overflow = await horizontalOverflow(page);
          if (overflow.scrollWidth > overflow.innerWidth) {
            failures.push(`${name} (${relative}) scrolls sideways at ${width} px: ` +
              `scrollWidth ${overflow.scrollWidth} > innerWidth ${overflow.innerWidth}\n    ` +
              overflow.offenders.join("\n    "));
          }
        }
      }
    } finally {
      await context.close();
    }
    assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
  });
}

test("no document page of the sample edition scrolls sideways at 320 px", async () => {
  const documents = fs.readdirSync(path.join(SAMPLE_DIR, "documents"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `documents/${entry.name}/index.html`);
  assert.ok(documents.length >= 10, `expected the sample's documents, found ${documents.length}`);
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const failures = [];
  try {
    const { page, visit } = await visitor(context);
    for (const relative of documents) {
      const problems = await visit(sampleUrl(relative));
      if (problems.length) failures.push(`${relative}:\n    ${problems.join("\n    ")}`);
      const overflow = await horizontalOverflow(page);
      if (overflow.scrollWidth > overflow.innerWidth) {
        failures.push(`${relative} scrolls sideways at 320 px: scrollWidth ` +
          `${overflow.scrollWidth} > ${overflow.innerWidth}\n    ${overflow.offenders.join("\n    ")}`);
      }
    }
  } finally {
    await context.close();
  }
  assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
});

// Without a declared icon every browser asks for /favicon.ico at the root of the host, outside
// the site (it may be published under a path): a 404 in every reader's console.
test("every page type declares an icon that exists, so browsers do not ask for /favicon.ico", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const failures = [];
  try {
    const { page, visit } = await visitor(context);
    for (const { name, path: relative } of PAGE_TYPES) {
      await visit(sampleUrl(relative));
      const icons = await page.locator('head link[rel~="icon"]').evaluateAll((links) => links.map((l) => l.href));
      if (icons.length === 0) {
        failures.push(`${name} (${relative}): no <link rel="icon"> in <head>`);
        continue;
      }
      for (const icon of icons) {
        if (icon.startsWith("data:")) continue;
        const response = await page.request.get(icon);
        if (!response.ok()) failures.push(`${name} (${relative}): icon ${icon} answers ${response.status()}`);
      }
    }
  } finally {
    await context.close();
  }
  assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
});
