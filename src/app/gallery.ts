import { LitElement, css, html, nothing } from 'lit';
import manifest from '../../custom-elements.json';
import { define } from '../widgets/shared/base';
import { tokens } from '../widgets/shared/tokens';
import { iframeSnippet, scriptSnippet } from '../widgets/shared/embed';
import { WIDGETS } from '../widgets/catalog';
import { loadWidgets } from '../widgets/loaders';

interface CemItem {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface CemDeclaration {
  tagName?: string;
  summary?: string;
  attributes?: CemItem[];
  events?: CemItem[];
  cssProperties?: CemItem[];
  cssParts?: CemItem[];
}

const declarations = new Map(
  (manifest as { modules: { declarations?: CemDeclaration[] }[] }).modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName!, d]),
);

/**
 * The widget gallery for instructors: every widget live, its attributes, events, CSS custom
 * properties and parts from the Custom Elements Manifest, and snippets to copy.
 */
export class GtGallery extends LitElement {
  static override properties = { focusTag: { attribute: 'focus-tag' } };
  /** Scroll to this widget's section once rendered. */
  declare focusTag: string;

  constructor() {
    super();
    this.focusTag = '';
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: clamp(1.6rem, 4.5vw, 2.2rem);
        margin: 0 0 0.5rem;
      }
      .lead {
        color: var(--_muted);
        max-width: 42rem;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        padding: 0;
        list-style: none;
      }
      a {
        color: var(--_accent);
      }
      section.widget {
        border-top: 1px solid var(--_border);
        padding-top: 1.25rem;
        margin-top: 2rem;
      }
      h2 {
        font-family: var(--_mono);
        font-size: 1.2rem;
        margin: 0 0 0.25rem;
        scroll-margin-top: 1rem;
      }
      h3 {
        font-size: 1rem;
        margin: 1.25rem 0 0.5rem;
      }
      .live {
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem;
        margin: 0.75rem 0;
      }
      .table-wrap {
        overflow-x: auto;
      }
      .type-default {
        display: none;
      }
      /* On a phone four columns leave the description a sliver, or push it out of sight: the
         type and the default go under the name instead, and the description keeps the room. */
      @media (max-width: 40rem) {
        .wide-only {
          display: none;
        }
        .type-default {
          display: block;
          margin-top: 0.2rem;
          color: var(--_muted);
          font-size: 0.8rem;
        }
        .type-default code {
          font-size: inherit;
        }
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        border-bottom: 1px solid var(--_border);
        padding: 0.35rem 0.5rem;
      }
      code,
      pre {
        font-family: var(--_mono);
        font-size: 0.85rem;
      }
      pre {
        background: var(--_surface);
        padding: 0.6rem;
        border-radius: var(--_radius);
        overflow-x: auto;
        white-space: pre-wrap;
        word-break: break-all;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void loadWidgets(WIDGETS.map((w) => w.tag));
  }

  override updated(): void {
    if (this.focusTag) {
      this.renderRoot.querySelector(`#${this.focusTag}`)?.scrollIntoView();
    }
  }

  private table(tag: string, caption: string, rows: CemItem[] | undefined, withType: boolean) {
    if (!rows?.length) return nothing;
    return html`
      <h3>${caption}</h3>
      <div class="table-wrap" role="region" aria-label="${caption} of ${tag}" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              ${
                withType
                  ? html`<th scope="col" class="wide-only">Type</th>
                      <th scope="col" class="wide-only">Default</th>`
                  : nothing
              }
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr>
                  <td>
                    <code>${r.name}</code>
                    ${
                      withType
                        ? html`<span class="type-default"
                            ><code>${r.type?.text ?? ''}</code>${
                              r.default ? html`, default <code>${r.default}</code>` : nothing
                            }</span
                          >`
                        : nothing
                    }
                  </td>
                  ${
                    withType
                      ? html`<td class="wide-only"><code>${r.type?.text ?? ''}</code></td>
                          <td class="wide-only"><code>${r.default ?? ''}</code></td>`
                      : nothing
                  }
                  <td>${r.description ?? ''}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  override render() {
    return html`
      <h1>Widget gallery</h1>
      <p class="lead">
        Every Gradient Trail widget, live. Put one in your own page with a script tag, an npm import
        or an iframe, configured only by attributes. Each widget's <strong>Embed</strong> menu gives
        snippets of its current state. To teach your own sequence with them, write a lesson in the
        <a href="#/studio">studio</a> and share it as a link.
      </p>
      <nav aria-label="Widgets">
        <ul>
          ${WIDGETS.map((w) => html`<li><a href="#/gallery/${w.tag}">&lt;${w.tag}&gt;</a></li>`)}
        </ul>
      </nav>
      ${WIDGETS.map((w) => {
        const d = declarations.get(w.tag);
        const name = w.tag.replace(/^nn-/, '');
        return html`
          <section class="widget" aria-labelledby=${w.tag}>
            <h2 id=${w.tag}>&lt;${w.tag}&gt;</h2>
            <p>${d?.summary ?? w.summary}</p>
            <div class="live">${this.live(w.tag)}</div>
            ${this.table(w.tag, 'Attributes', d?.attributes, true)}
            ${this.table(w.tag, 'Events', d?.events, false)}
            ${this.table(w.tag, 'CSS custom properties', d?.cssProperties, false)}
            ${this.table(w.tag, 'CSS parts', d?.cssParts, false)}
            <h3>Use it</h3>
            <p>Script tag:</p>
            <pre>${scriptSnippet(w.tag, [])}</pre>
            <p>npm (<code>npm install gradient-trail</code>):</p>
            <pre>import 'gradient-trail/widgets/${name}';</pre>
            <p>Iframe:</p>
            <pre>${iframeSnippet(w.tag, [], w.summary.split(':')[0] ?? w.tag, 560)}</pre>
          </section>
        `;
      })}
    `;
  }

  private readonly liveElements = new Map<string, HTMLElement>();

  /** One live element per widget, kept across renders so its state survives. */
  private live(tag: string): HTMLElement {
    let el = this.liveElements.get(tag);
    if (!el) {
      el = document.createElement(tag);
      this.liveElements.set(tag, el);
    }
    return el;
  }
}

define('gt-gallery', GtGallery);

declare global {
  interface HTMLElementTagNameMap {
    'gt-gallery': GtGallery;
  }
}
