/**
 * Snippets that put a widget, in its current state, into another page: a script tag (the embed
 * bundle) or an iframe (for systems that strip scripts). Pure string building.
 */

let base = '';

/** Where the site lives (the folder holding `embed/` and `embed.html`). */
export function embedBase(): string {
  if (base) return base;
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

/** The embed bundle sets this to its own location, so snippets point at the copy in use. */
export function setEmbedBase(url: string): void {
  base = url.endsWith('/') ? url : `${url}/`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The element's own attributes, as [name, value] pairs, in document order (ids and classes dropped). */
export function stateOf(el: Element): [string, string][] {
  return [...el.attributes]
    .filter((a) => !['id', 'class', 'style'].includes(a.name) && !a.name.startsWith('aria-'))
    .map((a) => [a.name, a.value]);
}

export function scriptSnippet(
  tag: string,
  attributes: [string, string][],
  site = embedBase(),
): string {
  const attrs = attributes
    .map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttribute(v)}"`))
    .join('');
  return `<script type="module" src="${site}embed/gradient-trail.js"></script>\n<${tag}${attrs}></${tag}>`;
}

export function iframeSrc(tag: string, attributes: [string, string][], site = embedBase()): string {
  const query = new URLSearchParams(attributes).toString();
  return `${site}embed.html#${tag}${query ? `?${query}` : ''}`;
}

export function iframeSnippet(
  tag: string,
  attributes: [string, string][],
  title: string,
  height: number,
  site = embedBase(),
): string {
  return (
    `<iframe src="${escapeAttribute(iframeSrc(tag, attributes, site))}" title="${escapeAttribute(title)}"` +
    ` width="100%" height="${Math.round(height)}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}
