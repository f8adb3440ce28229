// axe-core finds no WCAG 2.0/2.1 A or AA violation, and no best-practice one, on any page type,
// in the light and in the dark colour scheme (contrast included).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  PAGE_TYPES, REDIRECT, TELEGRAM, launch, visitor, sampleUrl, runAxe, formatViolations,
} from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function assertNoViolations(violations, where) {
  assert.equal(violations.length, 0,
    `axe found ${violations.length} violation(s) on ${where}:\n${formatViolations(violations)}`);
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe finds no violations on any page type in the ${colorScheme} scheme`, async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    try {
      const { page, visit } = await visitor(context);
      for (const { name, path } of PAGE_TYPES) {
        await t.test(`${name}: ${path}`, async () => {
          await visit(sampleUrl(path));
          assertNoViolations(await runAxe(page), `${path} (${colorScheme})`);
        });
      }
    } finally {
      await context.close();
    }
  });

  test(`axe finds no violations on the document page with a note pop-up open, a hand hidden ` +
    `and at phone width in the ${colorScheme} scheme`, async (t) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme });
    try {
      const { page, visit } = await visitor(context);
      await visit(sampleUrl(TELEGRAM));
      await t.test("phone width", async () => {
        assertNoViolations(await runAxe(page), `${TELEGRAM} at 375 px (${colorScheme})`);
      });
      await t.test("note pop-up open", async () => {
        await page.locator('sup.note-ref[data-hand="pc"] a').first().click();
        await page.locator(".note-popup").waitFor();
        assertNoViolations(await runAxe(page), `${TELEGRAM} with a note pop-up (${colorScheme})`);
        await page.keyboard.press("Escape");
      });
      await t.test("a hand hidden", async () => {
        await page.locator('[data-hand-switch] input[value="pc"]').uncheck();
        assertNoViolations(await runAxe(page), `${TELEGRAM} with hand pc hidden (${colorScheme})`);
      });
    } finally {
      await context.close();
    }
  });

  test(`axe finds no violations on the document page with sidenotes (1400 px) in the ` +
    `${colorScheme} scheme`, async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme });
    try {
      const { page, visit } = await visitor(context);
      await visit(sampleUrl(TELEGRAM));
      await page.locator(".sidenote").first().waitFor({ state: "attached" });
      assertNoViolations(await runAxe(page), `${TELEGRAM} at 1400 px (${colorScheme})`);
    } finally {
      await context.close();
    }
  });
}

// The redirect stub refreshes to its target at once. Answering that navigation with
// "204 No Content" cancels it, so the stub stays in the tab long enough for axe to look at it.
test("axe finds no violations on an alias redirect page", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.route(REDIRECT.target, (route) => route.fulfill({ status: 204 }));
    await page.goto(REDIRECT.url);
    await page.waitForTimeout(300);
    assert.equal(page.url(), REDIRECT.url, "the redirect stub should still be shown");
    assertNoViolations(await runAxe(page), "the alias redirect page");
  } finally {
    await context.close();
  }
});
