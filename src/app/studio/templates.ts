/** The studio's toolbar, problem list and share box: data and callbacks in, templates out. */
import { html, nothing } from 'lit';
import type { CompileProblem } from './compile-source';
import { draftTitle, type Draft } from './drafts';
import { STARTERS } from './starters';

export interface ShareState {
  /** The link to the lesson as it is now; '' when none was made since the last edit. */
  link: string;
  /** The embed.html address of the same lesson, for an LMS. */
  frame?: string;
  error: string;
  note: string;
}

const time = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A labelled menu (`options`, `current` chosen) and the button beside it, as a toolbar group. */
function menuGroup(
  label: string,
  options: readonly { value: string; words: string }[],
  current: string,
  onPick: (value: string) => void,
  [button, onButton]: readonly [string, () => void],
) {
  return html`<div class="group">
    <label
      >${label}
      <select @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}>
        ${options.map(
          (o) =>
            html`<option value=${o.value} ?selected=${o.value === current}>${o.words}</option>`,
        )}
      </select>
    </label>
    <button type="button" @click=${onButton}>${button}</button>
  </div>`;
}

export function toolbarTemplate(p: {
  drafts: Draft[];
  draftId: string;
  starter: string;
  saveError: string;
  savedAt: string;
  onOpen: (id: string) => void;
  onDelete: () => void;
  onStarter: (value: string) => void;
  onStart: () => void;
  onDownload: () => void;
  onUpload: (e: Event) => void;
}) {
  const current = p.drafts.find((d) => d.id === p.draftId);
  const upload = (e: Event) =>
    (
      (e.currentTarget as HTMLElement).parentElement?.querySelector('input[type=file]') as
        HTMLInputElement | null | undefined
    )?.click();
  return html`
    <div class="toolbar">
      ${menuGroup(
        'Draft',
        p.drafts.map((d) => ({
          value: d.id,
          words: `${draftTitle(d.source)} — ${time(d.updatedAt)}`,
        })),
        p.draftId,
        p.onOpen,
        ['Delete draft', p.onDelete],
      )}
      ${menuGroup(
        'Start a new draft from',
        STARTERS.map((s) => ({ value: s.value, words: s.label })),
        p.starter,
        p.onStarter,
        ['New draft', p.onStart],
      )}
      <div class="group">
        <button type="button" @click=${p.onDownload}>Download .md</button>
        <button type="button" @click=${upload}>Upload .md…</button>
        <input
          class="visually-hidden"
          type="file"
          accept=".md,text/markdown,text/plain"
          tabindex="-1"
          aria-hidden="true"
          @change=${p.onUpload}
        />
      </div>
    </div>
    <p class="save ${p.saveError ? 'failed' : ''}" role=${p.saveError ? 'alert' : 'status'}>
      ${
        p.saveError ||
        (current && p.savedAt
          ? `Saved on this device (${draftTitle(current.source)}, ${time(p.savedAt)}).`
          : '')
      }
    </p>
  `;
}

export function problemsTemplate(problems: CompileProblem[], goTo: (line: number) => void) {
  return html`<section class="problems" aria-labelledby="problems-title">
    <h2 id="problems-title">Problems</h2>
    <div role="status">
      ${
        problems.length
          ? html`<ul>
              ${problems.map(
                (problem) =>
                  html`<li>
                    <button
                      type="button"
                      class="where"
                      @click=${() => goTo(problem.line)}
                      aria-label="Go to line ${problem.line}"
                    >
                      ${problem.message.slice(0, problem.message.length - problem.detail.length - 2)}
                    </button>
                    <span class="detail">${problem.detail}</span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="ok">No problems: the lesson compiles.</p>`
      }
    </div>
  </section>`;
}

const select = (e: Event) => (e.target as HTMLInputElement).select();

export function shareTemplate(s: ShareState, on: { onMake: () => void; onCopy: () => void }) {
  return html`<section class="share" aria-labelledby="share-title">
    <h2 id="share-title">Share</h2>
    <div class="row">
      <button type="button" class="primary" @click=${on.onMake}>Make a share link</button>
      ${
        s.link
          ? html`<input
                id="share-link"
                type="text"
                readonly
                aria-label="Share link"
                .value=${s.link}
                @focus=${select}
              />
              <button type="button" @click=${on.onCopy}>Copy</button>
              <a href=${s.link} target="_blank" rel="noopener">Open</a>`
          : nothing
      }
    </div>
    <p class=${s.error ? 'error' : 'save'} role="status">${s.error || s.note}</p>
    ${
      s.frame
        ? html`<label
            >In a learning-management system (an iframe; replace the origin with your LMS's to hear
            the student's progress, see the README)
            <input type="text" readonly .value=${s.frame} @focus=${select} />
          </label>`
        : nothing
    }
  </section>`;
}
