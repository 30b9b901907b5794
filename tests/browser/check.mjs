// Loads a web edition in headless Chromium and reports what a reader's browser makes of it:
// axe-core violations at WCAG 2.2 AA, sideways scrolling at 320 CSS pixels and at 200 %
// zoom, the page's text in reading order, its headings, where the skip link goes, what
// print hides, and full-page screenshots in the light and the dark scheme.
//
//   node check.mjs '{"url": "http://127.0.0.1:8000/", "name": "shipped", "out": "/tmp/shots"}'
//   node check.mjs '{"url": "…", "mode": "reload"}'   waits for the page to reload itself
//
// Prints one JSON object on standard output; the Rust tests make the assertions.

import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// The flags that let Chromium start as root on a machine with no network but loopback:
// no sandbox (root), and no background connections, which a closed network refuses.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--hide-scrollbars",
];

const config = JSON.parse(process.argv[2]);
const profile = mkdtempSync(join(tmpdir(), "folio-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.FOLIO_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: FLAGS,
  viewport: { width: 1280, height: 900 },
});

try {
  const result = config.mode === "reload" ? await reload(config) : await check(config);
  process.stdout.write(JSON.stringify(result) + "\n");
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

async function open(url, { width, height, scale = 1, scheme = "light" }) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme, media: "screen" });
  if (scale !== 1) {
    // 200 % zoom: CSS pixels twice the size, so a 1280-pixel window is 640 CSS pixels wide.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setDeviceMetricsOverride", {
      width,
      height,
      deviceScaleFactor: scale,
      mobile: false,
    });
  }
  await page.goto(url, { waitUntil: "load" });
  return page;
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    const brief = (v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    });
    return { violations: r.violations.map(brief), incomplete: r.incomplete.map((v) => v.id), passes: r.passes.length };
  }, TAGS);
}

// The page scrolls sideways when its content is wider than the window. Elements inside a
// region that scrolls on its own (a wide table) do not make the page scroll, and are not
// listed; elements the page hides (the skip link before it has focus) neither.
async function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const scrolls = (e) => {
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        if (["auto", "scroll"].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1 && !scrolls(e))
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className : ""));
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide };
  });
}

async function check({ url, name, out }) {
  const runs = [];
  const shots = [];
  for (const scheme of ["light", "dark"]) {
    for (const [width, height, scale] of [
      [320, 640, 1],
      [1280, 900, 1],
      [640, 450, 2],
    ]) {
      const page = await open(url, { width, height, scale, scheme });
      const run = { scheme, width, scale, axe: await axe(page), overflow: await overflow(page) };
      if (out && scale === 1) {
        // Images load lazily as they scroll into view; a full-page screenshot needs them all.
        await page.evaluate(async () => {
          const images = [...document.images];
          images.forEach((i) => (i.loading = "eager"));
          await Promise.all(images.map((i) => i.decode().catch(() => {})));
        });
        const path = join(out, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path, fullPage: true });
        shots.push(path);
      }
      runs.push(run);
      await page.close();
    }
  }

  const page = await open(url, { width: 1280, height: 900 });
  const text = await page.evaluate(() => document.body.innerText);
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => [Number(h.tagName[1]), h.textContent.trim()]),
  );
  const langs = await page.evaluate(() =>
    [...document.querySelectorAll("[lang]")].map((e) => [e.getAttribute("lang"), e.textContent.trim().slice(0, 60)]),
  );
  // The first Tab reaches the skip link, which shows itself and leads to the main content.
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { tag: a.tagName.toLowerCase(), href: a.getAttribute("href"), visible: r.top >= 0 && r.height > 0 };
  });
  await page.keyboard.press("Enter");
  const afterSkip = await page.evaluate(() => location.hash);
  await page.emulateMedia({ media: "print" });
  const print = await page.evaluate(() => ({
    skipShown: getComputedStyle(document.querySelector(".skip")).display !== "none",
    background: getComputedStyle(document.body).backgroundColor,
  }));
  const scripts = await page.evaluate(() => document.querySelectorAll("script").length);
  await page.close();
  return { runs, text, headings, langs, skip, afterSkip, print, scripts, shots };
}

// Waits for the page to reload itself: says "ready" once it has loaded, then reports
// whether it loaded again within the time allowed.
async function reload({ url }) {
  const page = await open(url, { width: 800, height: 600 });
  const marker = await page.evaluate(() => (window.__folioMarker = Math.random()));
  process.stdout.write("ready\n");
  const reloaded = await page
    .waitForEvent("load", { timeout: 20000 })
    .then(() => true)
    .catch(() => false);
  const same = reloaded ? await page.evaluate(() => window.__folioMarker !== undefined) : true;
  return { reloaded, freshPage: !same, marker: typeof marker };
}
