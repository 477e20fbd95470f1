/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { playwright } from '@vitest/browser-playwright';
import { lessonsPlugin } from './src/lesson/vite-plugin.ts';
import { digitsPlugin } from './scripts/digits-plugin.ts';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/**
 * The Content-Security-Policy of the course. The build writes it into every HTML page as a
 * `<meta http-equiv>` (so it holds on any static host), `vite preview` also sends it as a header.
 * Styles come only from files of our origin and constructed stylesheets (Lit's `static styles`);
 * what varies is set through CSSOM (`styleMap`, `el.style.x = …`), never a `style="…"` attribute.
 * No `frame-ancestors`: embed.html is meant to be framed by other sites (and a meta tag cannot
 * carry it anyway).
 */
export const CSP = [
  "default-src 'self'",
  // tfjs's wasm backend compiles its WebAssembly module.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // The training engine's Web Worker (src/train/engine.worker.ts) is a chunk of our own.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * Put the policy first in the head of every page the build writes (index.html, embed.html), ahead
 * of anything it governs. Build only: the dev server injects CSS as `<style>` elements.
 */
function cspMeta(): Plugin {
  return {
    name: 'gradient-trail-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  plugins: [
    lessonsPlugin({ dir: 'lessons' }),
    // Lesson 11's handwritten digits: one binary asset built from the `mnist` dev dependency.
    digitsPlugin(),
    cspMeta(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'Gradient Trail — how neural networks learn',
        short_name: 'Gradient Trail',
        description:
          'An interactive course on how neural networks learn: matrices, the sigmoid neuron, derivatives, gradient descent and backpropagation.',
        theme_color: '#1d4ed8',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Every lesson chunk, every JS chunk (tfjs included), styles, fonts, icons, wasm, and the
        // digits of lesson 11 (assets/mnist-digits-<hash>.bin, 7.9 MB, fetched only by <nn-digits>).
        globPatterns: ['**/*.{js,css,html,png,svg,ico,woff2,wasm,json,webmanifest,bin}'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // The production build carries the policy in its pages; `vite preview` (used by `npm start` and the
  // end-to-end tests) sends it as a header too, as a static host should (see the README).
  preview: {
    headers: {
      'Content-Security-Policy': CSP,
    },
  },
  // The training engine's worker is a module worker that splits like the page does: tfjs is a chunk
  // of its own, loaded only when a tfjs engine is chosen (the from-scratch engine needs none).
  // Minified like the page's own chunks (without this, each of tfjs's ~700 files kept its licence
  // header: 1.1 MB instead of 0.6).
  worker: { format: 'es', rolldownOptions: { output: { comments: false } } },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // The course, and the one-widget page instructors put in an iframe.
      input: { main: 'index.html', embed: 'embed.html' },
    },
  },
  optimizeDeps: {
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directives/unsafe-html.js',
      'lit/directives/live.js',
      'lit/directive.js',
      '@lit/context',
      'd3',
      'valibot',
      'axe-core',
      // The studio's editor (src/app/studio/editor.ts).
      'codemirror',
      '@codemirror/view',
      '@codemirror/state',
      '@codemirror/lang-markdown',
      '@codemirror/lint',
      '@codemirror/autocomplete',
      // The lesson compiler, which the studio and shared lessons run in the browser.
      'markdown-it',
      'temml',
      'yaml',
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
