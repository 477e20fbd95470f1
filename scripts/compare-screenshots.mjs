#!/usr/bin/env node
// Compare two folders of screenshots (scripts/screenshots.mjs's output) pixel for pixel: for a
// refactoring that should change nothing a student sees. Take both sets from builds served on the
// same port (the gallery's embed snippets name it).
//
//   node scripts/compare-screenshots.mjs BEFORE_DIR AFTER_DIR
//
// Prints each file that differs (in size, or the number of changed pixels and their bounding box),
// each one missing from AFTER_DIR, and the counts; exit code 1 if anything differs.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PNG } from 'pngjs';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node scripts/compare-screenshots.mjs BEFORE_DIR AFTER_DIR');
  process.exit(2);
}

/** Every .png below `dir`. */
const pngs = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return pngs(path);
    return f.endsWith('.png') ? [path] : [];
  });

/** The number of pixels whose colour differs, and their bounding box. */
function changedPixels(a, b) {
  let n = 0;
  const box = { x0: Infinity, y0: Infinity, x1: -1, y1: -1 };
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (
        a.data[i] === b.data[i] &&
        a.data[i + 1] === b.data[i + 1] &&
        a.data[i + 2] === b.data[i + 2]
      )
        continue;
      n++;
      box.x0 = Math.min(box.x0, x);
      box.y0 = Math.min(box.y0, y);
      box.x1 = Math.max(box.x1, x);
      box.y1 = Math.max(box.y1, y);
    }
  }
  return { n, box };
}

const counts = { same: 0, different: 0, missing: 0 };
for (const file of pngs(before)) {
  const name = relative(before, file);
  const other = join(after, name);
  if (!existsSync(other)) {
    counts.missing++;
    console.log(`missing  ${name}`);
    continue;
  }
  const bytesA = readFileSync(file);
  const bytesB = readFileSync(other);
  if (bytesA.equals(bytesB)) {
    counts.same++;
    continue;
  }
  const a = PNG.sync.read(bytesA);
  const b = PNG.sync.read(bytesB);
  if (a.width !== b.width || a.height !== b.height) {
    counts.different++;
    console.log(`size     ${name}: ${a.width}×${a.height} → ${b.width}×${b.height}`);
    continue;
  }
  const { n, box } = changedPixels(a, b);
  if (n === 0) {
    counts.same++;
    continue;
  }
  counts.different++;
  console.log(`pixels   ${name}: ${n} changed in ${box.x0},${box.y0} – ${box.x1},${box.y1}`);
}
console.log(
  `${counts.same} the same, ${counts.different} different, ${counts.missing} missing (of ${
    counts.same + counts.different + counts.missing
  } in ${before}).`,
);
process.exitCode = counts.different + counts.missing > 0 ? 1 : 0;
