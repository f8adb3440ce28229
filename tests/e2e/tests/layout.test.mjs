// The document page's layout: no sideways scroll on a phone, paragraph numbers on screen and
// clear of the text at every width, long headings wrap, and on wide screens sidenotes in the
// margin that follow the hand switch and keep clear of the text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { PAGE_TYPES, TELEGRAM, launch, visitor, sampleUrl, horizontalOverflow } from "../lib.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openAt(width, height = 900) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(sampleUrl(TELEGRAM));
  return { context, page };
}

/**
 * Paragraph numbers that are (partly) outside the viewport or overlap the text of their
 * paragraph, as messages.
 */
function pnumProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    const intersects = (a, b) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (const pnum of document.querySelectorAll(".document-text a.pnum")) {
      const box = pnum.getBoundingClientRect();
      const label = `paragraph number ${pnum.textContent.trim()} (${pnum.getAttribute("href")})`;
      if (box.left < 0 || box.right > width) {
        problems.push(`${label} spans ${Math.round(box.left)}..${Math.round(box.right)} px, outside the ` +
          `viewport 0..${width}`);
      }
      const block = pnum.parentElement;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let overlap = null;
      for (let node = walker.nextNode(); node && !overlap; node = walker.nextNode()) {
        if (pnum.contains(node) || !node.textContent.trim() || node.parentElement.closest(".sidenote")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (intersects(rect, box)) { overlap = node.textContent.trim().slice(0, 40); break; }
        }
      }
      if (overlap) problems.push(`${label} overlaps the text "${overlap}"`);
    }
    return problems;
  });
}

test("at 375 px the document page does not scroll sideways, its paragraph numbers show clear of " +
  "the text and its long title wraps", async () => {
  const { context, page } = await openAt(375, 800);
  try {
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow.scrollWidth <= overflow.innerWidth,
      `scrollWidth ${overflow.scrollWidth} > ${overflow.innerWidth}:\n  ${overflow.offenders.join("\n  ")}`);
    assert.deepEqual(await pnumProblems(page), []);
    const heading = await page.locator("h1").evaluate((h1) => {
      const box = h1.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(h1).lineHeight);
      return { right: box.right, height: box.height, lineHeight, scrollWidth: h1.scrollWidth,
        clientWidth: h1.clientWidth, width: document.documentElement.clientWidth };
    });
    assert.ok(heading.right <= heading.width, `the title ends at ${heading.right} px, beyond ${heading.width}`);
    assert.ok(heading.scrollWidth <= heading.clientWidth, "the title does not overflow its box");
    assert.ok(heading.height > 2 * heading.lineHeight, "the long title wraps over several lines");
    for (const selector of [".heading-block", ".notes", ".document-details", ".pager"]) {
      const box = await page.locator(selector).first().boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 375.5, `${selector} fits in 375 px`);
    }
  } finally {
    await context.close();
  }
});

test("paragraph numbers stay inside the viewport and clear of the text at every width from 320 " +
  "to 1600 px", async () => {
  const failures = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    for (const width of [320, 375, 414, 600, 640, 650, 660, 680, 700, 768, 900, 1024, 1279, 1280, 1300, 1440, 1600]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(sampleUrl(TELEGRAM)); // sidenotes are decided when the page loads
      const problems = await pnumProblems(page);
      if (problems.length) failures.push(`at ${width} px:\n    ${problems.join("\n    ")}`);
      const overflow = await horizontalOverflow(page);
      if (overflow.scrollWidth > overflow.innerWidth) {
        failures.push(`at ${width} px the page scrolls sideways (scrollWidth ${overflow.scrollWidth})` +
          `:\n    ${overflow.offenders.join("\n    ")}`);
      }
    }
  } finally {
    await context.close();
  }
  assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
});

for (const width of [1300, 1440]) {
  test(`at ${width} px each note shows as a sidenote beside the text, clear of it, and hides with ` +
    "its hand", async () => {
    const { context, page } = await openAt(width);
    try {
      const sidenotes = page.locator(".sidenote");
      const notes = await page.locator(".note-group .note").count();
      assert.equal(await sidenotes.count(), notes, "one sidenote per note");
      for (let i = 0; i < notes; i += 1) {
        assert.ok(await sidenotes.nth(i).isVisible(), `sidenote ${i + 1} shows`);
      }
      const geometry = await page.evaluate(() => {
        const text = document.querySelector(".document-text").getBoundingClientRect();
        const paragraphs = [...document.querySelectorAll(".document-text > p")];
        const textRight = Math.max(...paragraphs.map((p) => {
          const r = document.createRange();
          let right = 0;
          for (const node of p.childNodes) {
            if (node.nodeType === 1 && node.classList.contains("sidenote")) continue;
            r.selectNode(node);
            for (const rect of r.getClientRects()) right = Math.max(right, rect.right);
          }
          return right;
        }));
        return {
          textRight,
          textLeft: text.left,
          width: document.documentElement.clientWidth,
          sidenotes: [...document.querySelectorAll(".sidenote")].map((s) => {
            const b = s.getBoundingClientRect();
            return { hand: s.dataset.hand, left: b.left, right: b.right, top: b.top, bottom: b.bottom };
          }),
        };
      });
      for (const [i, s] of geometry.sidenotes.entries()) {
        assert.ok(s.left >= geometry.textRight, `sidenote ${i + 1} (${s.hand}) starts at ${Math.round(s.left)} px, ` +
          `inside the text, which ends at ${Math.round(geometry.textRight)} px`);
        assert.ok(s.right <= geometry.width, `sidenote ${i + 1} (${s.hand}) ends at ${Math.round(s.right)} px, ` +
          `beyond the viewport (${geometry.width} px)`);
        for (const [j, t] of geometry.sidenotes.entries()) {
          if (j <= i) continue;
          const overlap = Math.min(s.bottom, t.bottom) - Math.max(s.top, t.top);
          assert.ok(overlap <= 1, `sidenotes ${i + 1} and ${j + 1} overlap by ${Math.round(overlap)} px`);
        }
      }
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow.scrollWidth <= overflow.innerWidth, `scrolls sideways: ${overflow.offenders.join("; ")}`);

      await page.locator('[data-hand-switch] input[value="yb"]').uncheck();
      for (let i = 0; i < notes; i += 1) {
        const hand = await sidenotes.nth(i).getAttribute("data-hand");
        assert.equal(await sidenotes.nth(i).isVisible(), hand !== "yb",
          `with yb hidden, the sidenote of ${hand} is ${hand === "yb" ? "hidden" : "shown"}`);
      }
      await page.locator('[data-hand-switch] input[value="yb"]').check();
      assert.ok(await page.locator('.sidenote[data-hand="yb"]').isVisible(), "yb's sidenote shows again");
    } finally {
      await context.close();
    }
  });
}

test("below 80rem there are no sidenotes", async () => {
  const { context, page } = await openAt(1024);
  try {
    assert.equal(await page.locator(".sidenote").count(), 0);
  } finally {
    await context.close();
  }
});

test("sidenotes give way when a wide window becomes narrow (a tablet turned upright)", async () => {
  const { context, page } = await openAt(1366, 1024);
  try {
    assert.ok(await page.locator(".sidenote").count() > 0, "sidenotes at 1366 px");
    await page.setViewportSize({ width: 1024, height: 1366 });
    await page.waitForTimeout(100);
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow.scrollWidth <= overflow.innerWidth,
      `at 1024 px after loading at 1366 px the page scrolls sideways (scrollWidth ${overflow.scrollWidth}):` +
      `\n  ${overflow.offenders.join("\n  ")}`);
    assert.deepEqual(await pnumProblems(page), []);
    const visible = await page.locator(".sidenote").evaluateAll((all) =>
      all.filter((s) => s.getClientRects().length > 0).length);
    const textWidth = await page.locator(".document-text").evaluate((e) => e.getBoundingClientRect().width);
    assert.ok(visible === 0 || textWidth > 500,
      `after narrowing, ${visible} sidenotes still show and squeeze the text to ${Math.round(textWidth)} px`);
  } finally {
    await context.close();
  }
});

test("at 1440 px pages without notes keep their content centred, with no empty sidenote column",
  async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const failures = [];
    try {
      const { page, visit } = await visitor(context);
      for (const { name, path } of PAGE_TYPES) {
        await visit(sampleUrl(path));
        const layout = await page.evaluate(() => {
          const main = document.querySelector("main");
          const style = getComputedStyle(main);
          const box = main.getBoundingClientRect();
          const left = box.left + parseFloat(style.paddingLeft);
          const right = window.innerWidth - (box.right - parseFloat(style.paddingRight));
          return {
            notes: document.querySelectorAll(".note-ref").length,
            sidenotes: document.querySelectorAll(".sidenote").length,
            left: Math.round(left),
            right: Math.round(right),
            withSidenotes: document.documentElement.classList.contains("with-sidenotes"),
          };
        });
        if (layout.notes > 0) continue;
        if (Math.abs(layout.left - layout.right) > 2) {
          failures.push(`${name} (${path}): the content column has ${layout.left} px on its left and ` +
            `${layout.right} px on its right` + (layout.withSidenotes ? " (<html class=\"with-sidenotes\"> with no sidenotes)" : ""));
        }
      }
    } finally {
      await context.close();
    }
    assert.equal(failures.length, 0, `\n${failures.join("\n")}`);
  });
