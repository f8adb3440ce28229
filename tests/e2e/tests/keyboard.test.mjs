// Keyboard use: the skip link comes first and leads into the main content, and wherever focus
// goes it can be seen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { PAGE_TYPES, TELEGRAM, launch, sampleUrl } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The focused element, its outline and whether it lies in the viewport. */
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    let text = element.tagName.toLowerCase();
    if (element.id) text += `#${element.id}`;
    if (element.classList.length) text += "." + [...element.classList].join(".");
    const label = (element.getAttribute("aria-label") || element.textContent || element.value || "").trim().slice(0, 40);
    return {
      description: `${text} "${label}"`,
      id: element.id,
      className: element.className,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      boxShadow: style.boxShadow,
      inViewport: box.bottom > 0 && box.right > 0 && box.top < window.innerHeight && box.left < window.innerWidth &&
        box.width > 0 && box.height > 0,
    };
  });
}

const hasVisibleOutline = (f) => f.outlineStyle !== "none" && f.outlineWidth > 0;

test("on every page type the first Tab reaches the skip link, which shows with a focus outline",
  async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const failures = [];
    try {
      const page = await context.newPage();
      for (const { name, path } of PAGE_TYPES) {
        await page.goto(sampleUrl(path));
        await page.keyboard.press("Tab");
        const f = await focused(page);
        if (!f || !f.className.includes("skip-link")) {
          failures.push(`${name}: the first Tab reaches ${f ? f.description : "nothing"}, not the skip link`);
          continue;
        }
        if (!f.inViewport) failures.push(`${name}: the focused skip link is not on screen`);
        if (!hasVisibleOutline(f)) failures.push(`${name}: the focused skip link has no outline (${f.outlineStyle})`);
      }
    } finally {
      await context.close();
    }
    assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
  });

test("activating the skip link moves focus to <main>, and the next Tab goes to the content", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(sampleUrl(TELEGRAM));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#main$/);
    const f = await focused(page);
    assert.equal(f?.id, "main", `focus is on ${f ? f.description : "nothing"}, not <main>`);
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => !!document.activeElement.closest("main"));
    assert.ok(inside, "the next Tab reaches a link inside <main>, past the site navigation");
  } finally {
    await context.close();
  }
});

test("after the skip link, the focused <main> shows a focus outline", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(sampleUrl(TELEGRAM));
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#main$/);
    const f = await focused(page);
    assert.equal(f?.id, "main");
    assert.ok(hasVisibleOutline(f),
      `the focused <main> has outline-style ${f.outlineStyle}, width ${f.outlineWidth}px`);
  } finally {
    await context.close();
  }
});

for (const width of [1280, 375]) {
  test(`every Tab stop of the document page shows a focus outline and scrolls into view at ${width} px`,
    async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const failures = [];
      try {
        const page = await context.newPage();
        await page.goto(sampleUrl(TELEGRAM));
        const stops = await page.evaluate(() => document.querySelectorAll(
          "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])").length);
        let reached = 0;
        for (let i = 0; i < stops; i += 1) {
          await page.keyboard.press("Tab");
          const f = await focused(page);
          if (!f) break; // past the last stop
          reached += 1;
          if (!hasVisibleOutline(f)) failures.push(`${f.description}: no focus outline (${f.outlineStyle} ${f.outlineWidth}px)`);
          if (!f.inViewport) failures.push(`${f.description}: focused but not on screen`);
        }
        assert.ok(reached > 20, `expected many Tab stops, reached ${reached}`);
      } finally {
        await context.close();
      }
      assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
    });
}

test("a note pop-up can be opened and closed from the keyboard", async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(sampleUrl(TELEGRAM));
    const mark = page.locator('sup.note-ref[data-hand="ed"] a').first();
    await mark.focus();
    await page.keyboard.press("Enter");
    const popup = page.locator(".note-popup");
    await popup.waitFor();
    assert.ok(await page.evaluate(() => !!document.activeElement.closest(".note-popup")), "focus is in the pop-up");
    await page.keyboard.press("Tab");
    const f = await focused(page);
    assert.ok(await page.evaluate(() => !!document.activeElement.closest(".note-popup")),
      `Tab stays in the pop-up (reached ${f?.description})`);
    assert.ok(hasVisibleOutline(f), `${f.description} in the pop-up shows focus`);
    await page.keyboard.press("Escape");
    await popup.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement.id), await mark.getAttribute("id"));
  } finally {
    await context.close();
  }
});
