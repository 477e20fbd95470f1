/**
 * embed.html — one widget filling an iframe, for learning-management systems that strip scripts:
 *
 *   <iframe src="https://…/embed.html#nn-sigmoid-explorer?weight=2&derivative="></iframe>
 *
 * The tag and every attribute are checked against the catalog (the data the Custom Elements
 * Manifest is generated from); anything unknown gets a page listing what is valid. Values are set
 * with setAttribute, never parsed as HTML, so a URL cannot inject markup or script.
 */
import './frame.css';
import { COMMON_ATTRIBUTES, WIDGETS, widgetDoc } from '../widgets/catalog';
import { loadWidgets } from '../widgets/loaders';

export interface FrameRequest {
  tag: string;
  attributes: [string, string][];
}

export type FrameParse =
  { ok: true; request: FrameRequest } | { ok: false; title: string; details: string[] };

/** Read `#<tag>?<attribute>=<value>&…` and check it against the catalog. */
export function parseFrameHash(hash: string): FrameParse {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const tag = decodeURIComponent(q >= 0 ? raw.slice(0, q) : raw).trim();
  const query = q >= 0 ? raw.slice(q + 1) : '';
  const doc = widgetDoc(tag);
  if (!doc) {
    return {
      ok: false,
      title: tag ? `There is no widget called “${tag}”.` : 'No widget was named in the address.',
      details: [
        'Write the widget after the # in the address, e.g. embed.html#nn-sigmoid-explorer?weight=2. The widgets are:',
        ...WIDGETS.map((w) => `${w.tag} — ${w.summary}`),
      ],
    };
  }
  const valid = [...doc.attributes, ...COMMON_ATTRIBUTES];
  const attributes = [...new URLSearchParams(query)];
  const unknown = attributes
    .filter(([name]) => !valid.some((a) => a.name === name))
    .map(([n]) => n);
  if (unknown.length > 0) {
    return {
      ok: false,
      title: `<${tag}> has no attribute ${unknown.map((n) => `“${n}”`).join(', ')}.`,
      details: [
        `The attributes of <${tag}> are:`,
        ...valid.map(
          (a) => `${a.name} (${a.type}, default ${JSON.stringify(a.default)}) — ${a.description}`,
        ),
      ],
    };
  }
  return { ok: true, request: { tag, attributes } };
}

function showError(root: HTMLElement, title: string, details: string[]): void {
  const h1 = document.createElement('h1');
  h1.textContent = title;
  const p = document.createElement('p');
  p.textContent = details[0] ?? '';
  const ul = document.createElement('ul');
  for (const d of details.slice(1)) {
    const li = document.createElement('li');
    li.textContent = d;
    ul.append(li);
  }
  root.replaceChildren(h1, p, ul);
  root.className = 'error';
  document.title = 'Widget not found — Gradient Trail';
}

async function render(): Promise<void> {
  const root = document.getElementById('frame')!;
  const parsed = parseFrameHash(location.hash);
  if (!parsed.ok) return showError(root, parsed.title, parsed.details);
  const { tag, attributes } = parsed.request;
  await loadWidgets([tag]);
  const el = document.createElement(tag);
  for (const [name, value] of attributes) el.setAttribute(name, value);
  root.className = '';
  root.replaceChildren(el);
  document.title = `${widgetDoc(tag)?.summary.split(':')[0] ?? tag} — Gradient Trail`;
}

/** Tell the embedding page our height, so it can size the iframe to fit (optional for the host). */
function reportHeight(): void {
  const send = () =>
    window.parent?.postMessage(
      { type: 'gradient-trail:resize', height: document.documentElement.scrollHeight },
      '*',
    );
  new ResizeObserver(send).observe(document.body);
}

/**
 * `#lesson=…` and `#shared=…` ask for a whole lesson: src/app/lesson-frame.ts, embed.html's other
 * entry, shows it (a lesson needs the lesson runtime, which this layer may not import).
 */
export const isLessonAddress = (hash: string) => /^#?(lesson|shared)=/.test(hash);

if (
  typeof document !== 'undefined' &&
  document.getElementById('frame') &&
  !isLessonAddress(location.hash)
) {
  void render();
  reportHeight();
  window.addEventListener('hashchange', () => void render());
}
