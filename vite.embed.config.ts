/**
 * The embed build for instructors (run by `npm run build` after the site build):
 *   dist/embed/gradient-trail.js     every widget, one script tag
 *   dist/embed/widgets/<name>.js     one widget per module (the npm subpath exports)
 *   dist/embed/chunks/…              shared code, and tfjs, loaded only when a widget trains
 */
import { readdirSync, existsSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { digitsPlugin } from './scripts/digits-plugin.ts';

const widgets = readdirSync('src/widgets', { withFileTypes: true })
  .filter(
    (d) => d.isDirectory() && d.name !== 'shared' && existsSync(`src/widgets/${d.name}/meta.ts`),
  )
  .map((d) => d.name);

const PREFIX = '\0embed-widget:';

/** Each per-widget module sets the snippet base from its own URL, then re-exports the widget. */
function perWidgetEntries(): Plugin {
  return {
    name: 'gradient-trail-embed-entries',
    resolveId(id) {
      return id.startsWith('embed-widget:') ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const name = id.slice(PREFIX.length);
      return [
        `import { setEmbedBase } from '/src/widgets/shared/embed.ts';`,
        `export * from '/src/widgets/${name}/index.ts';`,
        `setEmbedBase(new URL(/* @vite-ignore */ '../../', import.meta.url).href);`,
      ].join('\n');
    },
  };
}

export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [perWidgetEntries(), digitsPlugin()],
  // The training engine's worker is a module worker that splits like the page does: tfjs is a chunk
  // of its own, loaded only when a tfjs engine is chosen (the from-scratch engine needs none).
  // Minified like the page's own chunks (without this, each of tfjs's ~700 files kept its licence
  // header: 1.1 MB instead of 0.6).
  worker: { format: 'es', rolldownOptions: { output: { comments: false } } },
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        'gradient-trail': 'src/embed/gradient-trail.ts',
        ...Object.fromEntries(widgets.map((w) => [`widgets/${w}`, `embed-widget:${w}`])),
      },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
