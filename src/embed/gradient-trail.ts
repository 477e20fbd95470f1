/**
 * The embed bundle: one ES module that registers every Gradient Trail widget on any page.
 *
 *   <script type="module" src="https://…/embed/gradient-trail.js"></script>
 *   <nn-sigmoid-explorer weight="2"></nn-sigmoid-explorer>
 *
 * Self-contained: styles live in the elements, nothing is fetched from a CDN, and tfjs is loaded
 * only when a training widget starts. Loading the bundle twice on one page is harmless: each
 * registration is guarded and warns once.
 */
import { setEmbedBase } from '../widgets/shared/embed';
import './all-widgets';

// This file is dist/embed/gradient-trail.js: the site (embed.html, the bundle) is one folder up.
setEmbedBase(new URL(/* @vite-ignore */ '../', import.meta.url).href);
