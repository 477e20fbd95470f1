/**
 * `#/studio`: write a lesson in the browser. CodeMirror on one side, the lesson as a student will
 * see it on the other, updated as you type (compiled in a worker, ./compiler.ts); the compiler's
 * problem at its line in the gutter and in a list; completions from the widget catalog; drafts
 * kept on this device; download, upload, and a link that carries the whole lesson.
 *
 * Loaded lazily by the app on this route only, with CodeMirror and the compiler.
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { define } from '../../widgets/shared/base';
import { setStartingValues, states } from '../../widgets/shared/reactive';
import { tokens } from '../../widgets/shared/tokens';
import { loadWidgets } from '../../widgets/loaders';
import { progressContext } from '../../lesson/context';
import { MemoryStorage, ProgressStore } from '../../lesson/progress';
import { encodeLesson, ShareError } from '../../lesson/share';
import type { Lesson } from '../../lesson/types';
import type { StepChangeDetail } from '../../lesson/lesson-runner';
import '../../lesson/lesson-runner';
import { downloadText } from '../download';
import { sharedHref } from '../routes';
import { createEditor, type StudioEditor } from './editor';
import { StudioCompiler, type Compiled } from './compiler';
import type { CompileProblem } from './compile-source';
import { DraftStore, draftTitle, lessonFileName, type Draft } from './drafts';
import { EMPTY_LESSON, starterText } from './starters';
import { problemsTemplate, shareTemplate, toolbarTemplate, type ShareState } from './templates';
import { stepAtLine } from './model';
import { takeHandover } from '../shared-lesson';
import { studioStyles } from './styles';
import { safeLocalStorage } from '../local-storage';

const COMPILE_DELAY_MS = 150;
const SAVE_DELAY_MS = 300;

/**
 * The instructor studio.
 *
 * @summary Write a lesson with a live preview, keep drafts, share it as a link.
 */
export class GtStudio extends LitElement {
  static override properties = {
    ...states({
      _drafts: [],
      _draftId: '',
      _lesson: undefined,
      _problems: [],
      _ms: undefined,
      _step: 1,
      _saveError: '',
      _savedAt: '',
      _share: { link: '', error: '', note: '' },
      _tab: 'edit',
      _starter: 'empty',
    }),
  };

  declare _drafts: Draft[];
  declare _draftId: string;
  /** The last lesson that compiled (kept while the text has a problem). */
  declare _lesson: Lesson | undefined;
  /** The compiler's problems, one per step at most, in line order ([] when it compiles). */
  declare _problems: CompileProblem[];
  declare _ms: number | undefined;
  declare _step: number;
  declare _saveError: string;
  declare _savedAt: string;
  declare _share: ShareState;
  declare _tab: 'edit' | 'preview';
  declare _starter: string;

  static override styles = [tokens, studioStyles];

  private readonly drafts = new DraftStore(safeLocalStorage());
  /** The preview's answers and steps are the author's trials: kept in memory, not in progress. */
  private readonly previewProgress = new ContextProvider(this, {
    context: progressContext,
    initialValue: new ProgressStore(
      new MemoryStorage(),
      'gradient-trail:studio-preview',
      undefined,
      {
        memoryOnly: true,
      },
    ),
  });
  private editor: StudioEditor | undefined;
  private readonly compiler = new StudioCompiler((c) => this.onCompiled(c));
  private compileTimer = 0;
  private saveTimer = 0;
  /** Loading the text of a draft into the editor is not an edit. */
  private loading = false;

  constructor() {
    super();
    setStartingValues(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.saveNow);
    document.addEventListener('visibilitychange', this.saveNow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.saveNow();
    window.removeEventListener('pagehide', this.saveNow);
    document.removeEventListener('visibilitychange', this.saveNow);
    this.compiler.dispose();
    this.editor?.destroy();
    this.editor = undefined;
  }

  protected override firstUpdated(_changed: PropertyValues<this>): void {
    let draft = this.drafts.current;
    const handed = takeHandover();
    if (handed !== undefined) {
      // "Edit a copy in the studio" on a shared lesson: a new draft of its own.
      const created = this.drafts.create(handed);
      draft = created.draft;
      this.reportSave(created.saved);
    } else if (!draft) {
      const created = this.drafts.create(EMPTY_LESSON);
      draft = created.draft;
      this.reportSave(created.saved);
    }
    this._draftId = draft.id;
    this._drafts = this.drafts.list();
    this.editor = createEditor({
      parent: this.renderRoot.querySelector<HTMLElement>('.editor')!,
      root: this.renderRoot as ShadowRoot,
      text: draft.source,
      label: 'Lesson Markdown',
      onChange: (text) => this.onEdit(text),
      onCursor: (line) => {
        const step = stepAtLine(this.editor?.text() ?? '', line);
        if (step !== this._step) this._step = step;
      },
    });
    this.compileNow();
  }

  private onEdit(text: string): void {
    // The link no longer holds this text (set only when it changes: each set re-renders).
    if (this._share.link || this._share.error) this._share = { link: '', error: '', note: '' };
    if (this.loading) return;
    clearTimeout(this.compileTimer);
    this.compileTimer = window.setTimeout(() => this.compileNow(), COMPILE_DELAY_MS);
    clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.save(text), SAVE_DELAY_MS);
  }

  private compileNow(): void {
    const text = this.editor?.text() ?? '';
    this.compiler.compile(text, `lessons/${lessonFileName(text)}`);
  }

  private onCompiled({ result, ms, source }: Compiled): void {
    if (source !== this.editor?.text()) return; // an older text: a newer compile is on its way
    this._ms = ms;
    if (result.ok) {
      this._problems = [];
      this._lesson = { ...result.lesson, id: 'studio-preview' };
      void loadWidgets(result.lesson.widgets).catch(() => undefined);
    } else {
      this._problems = result.problems;
    }
    this.editor?.showProblems(result.ok ? [] : result.problems);
  }

  private readonly saveNow = (): void => {
    if (!this.saveTimer || !this.editor) return;
    clearTimeout(this.saveTimer);
    this.save(this.editor.text());
  };

  private save(text: string): void {
    this.saveTimer = 0;
    this.reportSave(this.drafts.update(this._draftId, text));
    this._drafts = this.drafts.list();
  }

  private reportSave(result: { ok: true } | { ok: false; message: string }): void {
    this._saveError = result.ok ? '' : result.message;
    if (result.ok) this._savedAt = new Date().toISOString();
  }

  private open(draft: Draft): void {
    this.saveNow();
    this._draftId = draft.id;
    this.reportSave(this.drafts.select(draft.id));
    this.loading = true;
    this.editor?.setText(draft.source);
    this.loading = false;
    this._drafts = this.drafts.list();
    this._step = 1;
    this.compileNow();
  }

  private async startFrom(value: string): Promise<void> {
    let text: string;
    try {
      text = await starterText(value);
    } catch {
      this._saveError = 'That lesson could not be loaded. Reload the page to try again.';
      return;
    }
    this.saveNow();
    const { draft, saved } = this.drafts.create(text);
    this.reportSave(saved);
    this.open(draft);
    this.editor?.goToLine(1);
  }

  private deleteDraft(): void {
    const title = draftTitle(this.editor?.text() ?? '');
    if (!confirm(`Delete the draft “${title}” from this device? Download it first to keep a copy.`))
      return;
    clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    this.reportSave(this.drafts.remove(this._draftId));
    const next = this.drafts.current;
    if (next) this.open(next);
    else void this.startFrom('empty');
  }

  private download(): void {
    const text = this.editor?.text() ?? '';
    downloadText(text.endsWith('\n') ? text : `${text}\n`, lessonFileName(text), 'text/markdown');
  }

  private async upload(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 512 * 1024) {
      this._saveError = `“${file.name}” is too large for a lesson (${Math.round(file.size / 1024)} KB; the limit is 512 KB).`;
      return;
    }
    const text = await file.text();
    this.saveNow();
    const { draft, saved } = this.drafts.create(text);
    this.reportSave(saved);
    this.open(draft);
  }

  private async makeLink(): Promise<void> {
    const text = this.editor?.text() ?? '';
    const problem = this._problems[0];
    if (problem) {
      this._share = {
        link: '',
        error: `Fix the problem at line ${problem.line} first: a student's browser would refuse the lesson too.`,
        note: '',
      };
      return;
    }
    try {
      const payload = await encodeLesson(text);
      const link = `${location.origin}${location.pathname}${sharedHref(payload)}`;
      const src = `${location.origin}${location.pathname.replace(/[^/]*$/, '')}embed.html#shared=${payload}&parent-origin=https://your-lms.example`;
      const frame = `<iframe src="${src}" width="100%" height="700" style="border:0" title="${draftTitle(text).replace(/"/g, '&quot;')}"></iframe>`;
      this._share = { link, frame, error: '', note: `${link.length} characters.` };
    } catch (error) {
      const message = error instanceof ShareError ? error.message : String(error);
      this._share = { link: '', error: message, note: '' };
    }
  }

  private async copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this._share.link);
      this._share = { ...this._share, note: 'Link copied: paste it anywhere for your students.' };
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#share-link')?.select();
      this._share = {
        ...this._share,
        note: 'The browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac).',
      };
    }
  }

  private onTabKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    this._tab = this._tab === 'edit' ? 'preview' : 'edit';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this._tab}`)?.focus(),
    );
  }

  override render() {
    return html`
      <h1>Studio</h1>
      <p class="lead">
        Write a lesson in Markdown with the course's widgets and exercises; the preview shows it as
        a student will see it. Drafts stay on this device. Share a lesson as a link, or download it
        as a <code>.md</code> file that the course's <code>lessons/</code> folder takes unchanged.
      </p>
      ${this.renderToolbar()}
      <div role="tablist" aria-label="Studio view" @keydown=${this.onTabKey}>
        ${(['edit', 'preview'] as const).map(
          (tab) =>
            html`<button
              type="button"
              role="tab"
              id="tab-${tab}"
              aria-controls="pane-${tab}"
              aria-selected=${this._tab === tab ? 'true' : 'false'}
              tabindex=${this._tab === tab ? 0 : -1}
              @click=${() => (this._tab = tab)}
            >
              ${tab === 'edit' ? 'Edit' : 'Preview'}
            </button>`,
        )}
      </div>
      <div class="panes">
        <section
          class="pane"
          id="pane-edit"
          aria-label="Editor"
          ?data-hidden=${this._tab !== 'edit'}
        >
          <div class="editor"></div>
          ${this.renderProblems()} ${this.renderShare()}
        </section>
        <section
          class="pane"
          id="pane-preview"
          aria-label="Preview"
          ?data-hidden=${this._tab !== 'preview'}
        >
          ${this.renderPreview()}
        </section>
      </div>
    `;
  }

  private renderToolbar() {
    return toolbarTemplate({
      drafts: this._drafts,
      draftId: this._draftId,
      starter: this._starter,
      saveError: this._saveError,
      savedAt: this._savedAt,
      onOpen: (id) => {
        const draft = this.drafts.get(id);
        if (draft) this.open(draft);
      },
      onDelete: () => this.deleteDraft(),
      onStarter: (value) => (this._starter = value),
      onStart: () => void this.startFrom(this._starter),
      onDownload: () => this.download(),
      onUpload: (e) => void this.upload(e),
    });
  }

  private renderProblems() {
    return problemsTemplate(this._problems, (line) => this.editor?.goToLine(line));
  }

  private renderShare() {
    return shareTemplate(this._share, {
      onMake: () => void this.makeLink(),
      onCopy: () => void this.copyLink(),
    });
  }

  private renderPreview() {
    const lesson = this._lesson;
    const problems = this._problems;
    const status = problems.length
      ? `The text has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} (line ${problems.map((p) => p.line).join(', ')}): the preview shows the last version that compiled.`
      : this._ms === undefined
        ? 'Compiling…'
        : `Preview of step ${this._step}, compiled in ${Math.max(1, Math.round(this._ms))} ms.`;
    return html`<p class="preview-status">${status}</p>
      <div class="preview ${problems.length ? 'stale' : ''}">
        ${
          lesson
            ? html`<nn-lesson
                .lesson=${lesson}
                .step=${Math.min(this._step, lesson.steps.length)}
                home-href="#/studio"
                @nn-step-change=${(e: CustomEvent<StepChangeDetail>) => (this._step = e.detail.step)}
              ></nn-lesson>`
            : html`<p>The preview appears once the lesson compiles.</p>`
        }
      </div>`;
  }
}

define('gt-studio', GtStudio);

declare global {
  interface HTMLElementTagNameMap {
    'gt-studio': GtStudio;
  }
}
