import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMON_ATTRIBUTES, WIDGETS } from '../../src/widgets/catalog';

interface Declaration {
  tagName?: string;
  summary?: string;
  attributes?: { name: string; default?: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;

function elements(manifest: Manifest): Declaration[] {
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
}

describe('custom-elements.json', () => {
  it('is up to date with the source (run `npm run manifest` after changing a widget)', () => {
    // The analyzer resolves --outdir against the project folder, so stay inside it (ignored by git).
    const out = relative(process.cwd(), mkdtempSync(join('node_modules', '.cache-cem-')));
    execFileSync('npx', ['custom-elements-manifest', 'analyze', '--outdir', out, '--quiet'], {
      stdio: 'pipe',
    });
    const fresh = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
    rmSync(out, { recursive: true, force: true });
    const byPath = (m: Manifest) => [...m.modules].sort((a, b) => a.path.localeCompare(b.path));
    expect(byPath(fresh)).toEqual(byPath(committed));
  }, 60_000);

  it('lists every widget of the catalog with a summary and its documented attributes and defaults', () => {
    const byTag = new Map(elements(committed).map((d) => [d.tagName, d]));
    for (const w of WIDGETS) {
      const decl = byTag.get(w.tag);
      expect(decl, `${w.tag} is missing from the manifest`).toBeDefined();
      expect(decl!.summary?.length).toBeGreaterThan(10);
      expect(decl!.attributes?.map((a) => [a.name, a.default])).toEqual(
        [...w.attributes, ...COMMON_ATTRIBUTES].map((a) => [a.name, JSON.stringify(a.default)]),
      );
    }
  });
});
