/**
 * Render assets/icons/icon.svg to the PNG sizes the manifest and stores need (16, 32, 64, 80, 128 px) with
 * headless Chromium. Run: `npx tsx scripts/make-icons.ts` (CHROMIUM=/path overrides /usr/bin/chromium).
 * The PNGs are committed; this script is only needed when the drawing changes.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { BROWSER_ARGS, findBrowser } from "./browser";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const dir = fileURLToPath(new URL("../assets/icons/", import.meta.url));

async function main(): Promise<void> {
  const svg = await readFile(`${dir}icon.svg`, "utf8");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? findBrowser() ?? "/usr/bin/chromium",
    args: BROWSER_ARGS,
  });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const sized = svg.replace(/width="128" height="128"/, `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      await writeFile(`${dir}icon-${size}.png`, png);
      await page.close();
      process.stdout.write(`assets/icons/icon-${size}.png\n`);
    }
  } finally {
    await browser.close();
  }
}

await main();
