import { css, unsafeCSS } from 'lit';
// Temml's own rules for its MathML (spacing, \cancel, arrays…). Inlined so they apply inside shadow roots.
import temmlCss from 'temml/dist/Temml-Local.css?inline';
import { WIDGETS } from '../widgets/catalog';

/** Every widget tag a lesson may hold, as a selector list (CSS has no "tag starts with nn-"). */
const widgetTags = unsafeCSS(WIDGETS.map((w) => `.prose > ${w.tag}`).join(', '));

/** Typography for lesson prose, exercise prompts and worked answers (rendered Markdown + MathML). */
export const proseStyles = [
  unsafeCSS(temmlCss),
  css`
    .prose {
      line-height: 1.6;
      font-size: 1.0625rem;
      overflow-wrap: anywhere;
    }
    .prose p,
    .prose ul,
    .prose ol {
      margin: 0 0 1em;
    }
    .prose a {
      color: var(--_accent);
    }
    /* A shared lesson's link to another site (src/lesson/compile/untrusted.ts). */
    .prose a.external::after {
      content: ' ↗';
    }
    /* A widget between paragraphs gets the room a paragraph has, above and below. */
    ${widgetTags} {
      margin-block: 1.25em;
    }
    /* A widget the lesson marks class="wide" (a graph wider than the text) takes more than the
       column on a wide screen: up to 76rem, centred on the column, 1.5rem from the window's
       edges. On a narrower screen it keeps the column and scrolls inside its own box. */
    @media (min-width: 60rem) {
      .prose > .wide {
        margin-inline: min(0px, calc((100% - min(100vw - 3rem, 76rem)) / 2));
        /* A widget's own frame keeps it within its container (max-width: 100%). */
        max-width: none;
      }
    }
    .prose details {
      margin: 0 0 1em;
    }
    .prose summary {
      cursor: pointer;
      padding: 0.25rem 0;
    }
    /* Inline math and the punctuation touching it stay on one line ("(" never ends a line). */
    .math-glue {
      white-space: nowrap;
    }
    .prose code {
      font-family: var(--_mono);
      background: var(--_surface);
      padding: 0.1em 0.3em;
      border-radius: 4px;
    }
    /* A code block's code is not inline code: no padding (it indented only the first line, as
       inline padding does) and no second background. */
    .prose pre code {
      padding: 0;
      background: none;
    }
    .prose pre {
      overflow-x: auto;
      background: var(--_surface);
      padding: 0.75rem;
      border-radius: var(--_radius);
    }
    .prose blockquote {
      margin: 0 0 1em;
      padding: 0.25rem 1rem;
      border-left: 4px solid var(--_accent);
      background: var(--_surface);
    }
    .prose table {
      border-collapse: collapse;
      margin-bottom: 1em;
      /* Break a word only when it is wider than the whole column can be, not to make columns
         narrower ("anywhere" split "Node" into "Nod" and "e" on a phone). */
      overflow-wrap: break-word;
    }
    .prose th,
    .prose td {
      border: 1px solid var(--_border);
      padding: 0.3rem 0.6rem;
    }
    @media (max-width: 30rem) {
      .prose table {
        font-size: 0.9375rem;
      }
      .prose th,
      .prose td {
        padding: 0.3rem 0.4rem;
      }
    }
    math {
      font-family:
        'Gradient Trail Math', 'DejaVu Math TeX Gyre', 'Latin Modern Math', 'STIX Two Math',
        'Cambria Math', math;
      font-size: 1.1em;
    }
    /* Temml's inline styles, as classes (the CSP refuses style="…"; src/lesson/compile/math.ts). */
    mtd.tml-pl-0 {
      padding-left: 0;
    }
    mtd.tml-pr-0 {
      padding-right: 0;
    }
    mtd.tml-pl-sep {
      padding-left: 5.9776pt;
    }
    mtd.tml-pr-sep {
      padding-right: 5.9776pt;
    }
    .tml-md-0 {
      math-depth: 0;
    }
    math[display='block'] {
      display: block math;
      margin: 0.75em 0;
      overflow-x: auto;
      overflow-y: hidden;
      padding: 0.25em 0;
    }
    .prose > :last-child {
      margin-bottom: 0;
    }
  `,
];
