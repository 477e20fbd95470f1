// Renders the PWA's PNG icons from public/icons/logo.svg with headless Chromium.
// Run after changing the logo:  node scripts/make-icons.mjs
import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const svg = readFileSync(new URL('../public/icons/logo.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath() });
const page = await browser.newPage();
async function render(file, size, maskable) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon fills the square and keeps the logo inside the central 80% safe zone.
  const inner = maskable
    ? `<div style="width:100%;height:100%;background:#1d4ed8;display:grid;place-items:center">
         <div style="width:70%;height:70%">${svg}</div></div>`
    : svg;
  await page.setContent(
    `<style>html,body{margin:0;width:100%;height:100%;background:transparent}svg{width:100%;height:100%;display:block}</style>${inner}`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: !maskable });
}
await render('icon-192.png', 192, false);
await render('icon-512.png', 512, false);
await render('icon-maskable-512.png', 512, true);
await render('apple-touch-icon.png', 180, true);
await browser.close();
