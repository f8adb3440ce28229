// The hand switch: a reader hides a hand's notes and its marks go with them; the choice is kept
// on other pages (localStorage) and undone by ticking the hand again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { TELEGRAM, LETTER, launch, watch, sampleUrl } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Whether every element matching `selector` is shown (true), hidden (false), or mixed. */
async function shown(page, selector) {
  const all = page.locator(selector);
  const count = await all.count();
  assert.ok(count > 0, `expected elements matching ${selector}`);
  const states = [];
  for (let i = 0; i < count; i += 1) states.push(await all.nth(i).isVisible());
  if (states.every(Boolean)) return true;
  if (!states.some(Boolean)) return false;
  return `mixed: ${states.join(", ")}`;
}

async function expectHand(page, hand, visible, where) {
  const state = visible ? "shown" : "hidden";
  assert.equal(await shown(page, `.note-group[data-hand="${hand}"]`), visible,
    `${where}: the notes of ${hand} are ${state}`);
  assert.equal(await shown(page, `sup.note-ref[data-hand="${hand}"]`), visible,
    `${where}: the note marks of ${hand} are ${state}`);
}

test("hiding the compiler's hand hides its notes and marks, on this page and the next, until it " +
  "is shown again", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  try {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(sampleUrl(TELEGRAM));
    const switcher = page.locator("[data-hand-switch]");
    assert.ok(await switcher.isVisible(), "the hand switch shows");
    for (const hand of ["ed", "pc", "yb"]) {
      const box = switcher.locator(`input[type="checkbox"][value="${hand}"]`);
      assert.ok(await box.isChecked(), `${hand} starts ticked`);
      assert.ok((await box.evaluate((b) => b.labels?.[0]?.textContent || "")).trim().length > 1,
        `the checkbox of ${hand} has a label`);
      await expectHand(page, hand, true, "telegram, first visit");
    }

    await switcher.locator('input[value="yb"]').uncheck();
    await expectHand(page, "yb", false, "telegram, yb unticked");
    await expectHand(page, "ed", true, "telegram, yb unticked");
    await expectHand(page, "pc", true, "telegram, yb unticked");
    assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem("annals-hidden-hands"))), ["yb"]);

    await page.goto(sampleUrl(LETTER));
    assert.equal(await page.locator('[data-hand-switch] input[value="yb"]').isChecked(), false,
      "yb is still unticked on another document");
    await expectHand(page, "yb", false, "letter, after unticking yb on the telegram");
    await expectHand(page, "ed", true, "letter, after unticking yb on the telegram");

    await page.reload();
    await expectHand(page, "yb", false, "letter, reloaded");

    await page.locator('[data-hand-switch] input[value="yb"]').check();
    await expectHand(page, "yb", true, "letter, yb ticked again");
    await page.goto(sampleUrl(TELEGRAM));
    await expectHand(page, "yb", true, "telegram, after ticking yb again");
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("the hand switch works from the keyboard", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(sampleUrl(TELEGRAM));
    const box = page.locator('[data-hand-switch] input[value="pc"]');
    await box.focus();
    await page.keyboard.press("Space");
    assert.equal(await box.isChecked(), false);
    await expectHand(page, "pc", false, "telegram, pc unticked with the space bar");
    await page.keyboard.press("Space");
    await expectHand(page, "pc", true, "telegram, pc ticked again with the space bar");
  } finally {
    await context.close();
  }
});

test("hiding every hand hides the Notes heading too, and no empty notes section remains", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(sampleUrl(TELEGRAM));
    for (const hand of ["ed", "pc", "yb"]) {
      await page.locator(`[data-hand-switch] input[value="${hand}"]`).uncheck();
    }
    assert.equal(await page.locator("#notes-heading").isVisible(), false, "the Notes heading is hidden");
    assert.equal(await shown(page, ".note-ref"), false, "no note mark shows");
    assert.equal(await shown(page, ".note-group"), false, "no group of notes shows");
  } finally {
    await context.close();
  }
});
