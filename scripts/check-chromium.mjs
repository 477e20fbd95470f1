// Browser and end-to-end tests drive Debian's Chromium; stop early with a clear message when it is missing.
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const path = chromiumPath();
if (!existsSync(path)) {
  console.error(
    `Chromium was not found at ${path}.\n` +
      'Install it with:  sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}
