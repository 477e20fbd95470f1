import { LitElement, html, css, nothing } from 'lit';
import { ContextProvider } from '@lit/context';
import { lessons, loadLesson } from 'virtual:lessons';
import { define } from '../widgets/shared/define';
import { tokens } from '../widgets/shared/tokens';
import { progressContext } from '../lesson/context';
import { ProgressStore, STORAGE_KEY, type StoreNotice } from '../lesson/progress';
import { indexedDbBackup } from '../lesson/progress-backup';
import type { Lesson } from '../lesson/types';
import type { NnLesson, StepChangeDetail } from '../lesson/lesson-runner';
import './course-map';
import './progress-tools';
import {
  canonicalLessonHref,
  galleryHref,
  lessonHref,
  mapHref,
  parseRoute,
  sharedHref,
  studioHref,
  type Route,
} from './routes';
import { startPwa } from './pwa';
import './offline-ready';
import { downloadText, exportFileName } from './download';

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Ask the browser not to evict the course's storage under pressure (once there is progress). */
function persistStorage(): Promise<unknown> | undefined {
  const storage = navigator.storage;
  if (!storage?.persist || !storage.persisted) return undefined;
  return storage.persisted().then((already) => already || storage.persist());
}

interface NoticeAction {
  label: string;
  run: () => void;
}

interface Notice {
  id: number;
  text: string;
  actions: NoticeAction[];
  tone: 'info' | 'warn';
}

/** The site shell: header, routes (course map, lesson), notices (update, offline, storage). */
/** The widgets a lesson uses, through the loaders (and the catalog), which the course map does not need. */
async function loadWidgetsLazily(tags: readonly string[]): Promise<void> {
  const { loadWidgets } = await import('../widgets/loaders');
  await loadWidgets(tags);
}

/** Loads `<nn-lesson>` and what it needs; once, on the first lesson or shared lesson opened. */
function loadRunner(): Promise<unknown> {
  return import('../lesson/lesson-runner');
}

export class GtApp extends LitElement {
  static override properties = {
    _route: { state: true },
    _lesson: { state: true },
    _shared: { state: true },
    _loadError: { state: true },
    _widgetsLoading: { state: true },
    _offline: { state: true },
    _notices: { state: true },
  };

  declare _route: Route;
  declare _lesson: Lesson | undefined;
  /** The lesson of a shared link, with the payload it came from. */
  declare _shared: { payload: string; lesson: Lesson; source: string } | undefined;
  declare _loadError: string;
  /** A lesson's text is shown while the code of its widgets still loads. */
  declare _widgetsLoading: boolean;
  declare _offline: boolean;
  declare _notices: Notice[];

  private readonly store = new ProgressStore(safeLocalStorage(), STORAGE_KEY, undefined, {
    backup: indexedDbBackup(),
    persist: persistStorage,
  });
  private readonly provider = new ContextProvider(this, {
    context: progressContext,
    initialValue: this.store,
  });
  private focusAfterRender = false;
  private noticeId = 0;
  /** The notice saying progress is not being saved, while it is shown. */
  private saveNotice = 0;
  private stopNotices: (() => void) | undefined;

  constructor() {
    super();
    this._route = parseRoute(location.hash);
    this._lesson = undefined;
    this._shared = undefined;
    this._loadError = '';
    this._widgetsLoading = false;
    this._offline = !navigator.onLine;
    this._notices = [];
  }

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--_bg);
        color: var(--_fg);
      }
      .skip {
        position: absolute;
        left: -999px;
        top: 0;
        background: var(--_bg);
        padding: 0.5rem 1rem;
        z-index: 10;
      }
      .skip:focus {
        left: 0.5rem;
      }
      header {
        border-bottom: 1px solid var(--_border);
        background: var(--_surface);
      }
      .bar {
        max-width: 52rem;
        margin: 0 auto;
        padding: 0.6rem 1rem;
        display: flex;
        align-items: center;
        gap: 0.25rem 1rem;
        justify-content: space-between;
        flex-wrap: wrap;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        font-weight: 800;
        font-size: 1.1rem;
        color: var(--_fg);
        text-decoration: none;
        min-height: 44px;
      }
      .brand img {
        width: 32px;
        height: 32px;
      }
      .site-nav {
        display: flex;
        gap: 1rem;
        margin-left: auto;
      }
      .site-nav a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
      .offline {
        font-size: 0.85rem;
        font-weight: 600;
        padding: 0.2rem 0.6rem;
        border-radius: 999px;
        border: 1px solid var(--_accent-2);
        color: var(--_fg);
      }
      main {
        max-width: 52rem;
        margin: 0 auto;
        padding: 1.5rem 1rem 4rem;
        /* Keep the footer below the fold while a lesson loads, so nothing jumps when it arrives. */
        min-height: 100vh;
        box-sizing: border-box;
      }
      /* The studio shows the editor and the preview side by side. */
      main.wide {
        max-width: 96rem;
      }
      .shared-note {
        margin: 0 0 1rem;
        padding: 0.6rem 0.8rem;
        border-left: 4px solid var(--_accent-2);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      main:focus {
        outline: none;
      }
      .notices {
        position: fixed;
        bottom: 1rem;
        left: 50%;
        transform: translateX(-50%);
        width: min(36rem, calc(100vw - 2rem));
        display: grid;
        gap: 0.5rem;
        z-index: 5;
      }
      .notice {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.75rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.6rem 0.8rem;
        border-radius: var(--_radius);
        background: var(--_fg);
        color: var(--_bg);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
      }
      .notice .text {
        flex: 1 1 16rem;
      }
      .notice .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-left: auto;
      }
      .notice button {
        background: var(--_bg);
        color: var(--_fg);
      }
      footer {
        max-width: 52rem;
        margin: 0 auto;
        padding: 1rem;
        color: var(--_muted);
        font-size: 0.85rem;
        border-top: 1px solid var(--_border);
      }
      a {
        color: var(--_accent);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
    window.addEventListener('storage', this.onStorage);
    window.addEventListener('pagehide', this.onLeave);
    document.addEventListener('visibilitychange', this.onLeave);
    this.stopNotices = this.store.onNotice(this.onStoreNotice);
    void this.loadRoute();
    startPwa({
      onNeedRefresh: (reload) =>
        this.notify('A new version is available — reload to get it.', 'info', [
          { label: 'Reload', run: reload },
        ]),
      // Said in the header bar, where it covers nothing (src/app/offline-ready.ts).
      onOfflineReady: () =>
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector('gt-offline-ready')?.show(),
        ),
      onNoOfflineNews: () =>
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector('gt-offline-ready')?.hide(),
        ),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
    window.removeEventListener('storage', this.onStorage);
    window.removeEventListener('pagehide', this.onLeave);
    document.removeEventListener('visibilitychange', this.onLeave);
    this.stopNotices?.();
  }

  private notify(text: string, tone: Notice['tone'], actions: NoticeAction[] = []): number {
    const id = ++this.noticeId;
    this._notices = [...this._notices, { id, text, tone, actions }];
    // Plain information fades after a while; warnings and offers (Reload) wait for the student.
    if (tone === 'info' && actions.length === 0) setTimeout(() => this.dismiss(id), 6000);
    return id;
  }

  private exportProgress = (): void => {
    downloadText(this.store.exportJson(), exportFileName());
  };

  /** What the progress store has to say, shown where the student is, as it happens. */
  private onStoreNotice = (notice: StoreNotice): void => {
    const exportAction = { label: 'Export progress', run: this.exportProgress };
    switch (notice.kind) {
      case 'save-failed':
      case 'unavailable':
        this.dismiss(this.saveNotice);
        this.saveNotice = this.notify(notice.message, 'warn', [exportAction]);
        return;
      case 'save-recovered':
        this.dismiss(this.saveNotice);
        this.saveNotice = 0;
        this.notify(notice.message, 'info');
        return;
      case 'damaged': {
        const damaged = notice.damaged;
        const actions: NoticeAction[] = damaged
          ? [
              {
                label: 'Download it',
                run: () => downloadText(damaged.text, damaged.fileName, 'text/plain'),
              },
            ]
          : [];
        let id = 0;
        if (notice.replaceable)
          actions.push({
            label: 'Replace it',
            run: () => {
              this.dismiss(id);
              this.store.replaceDamaged();
            },
          });
        id = this.notify(notice.message, 'warn', actions);
        return;
      }
      default:
        this.notify(notice.message, notice.tone);
    }
  };

  /** Another tab wrote (fold its progress in), or freed storage (retry a failed save). */
  private onStorage = (): void => {
    this.store.sync();
  };

  /** The tab is hidden or closing: a last try at a save that is failing. */
  private onLeave = (): void => {
    if (this.store.saveProblem) this.store.sync();
  };

  private dismiss(id: number): void {
    this._notices = this._notices.filter((n) => n.id !== id);
  }

  private onNetwork = (): void => {
    this._offline = !navigator.onLine;
  };

  private onHashChange = (): void => {
    this._route = parseRoute(location.hash);
    this.focusAfterRender = true;
    void this.loadRoute();
  };

  private async loadRoute(): Promise<void> {
    const route = this._route;
    this._loadError = '';
    if (route.name === 'map') {
      document.title = 'Gradient Trail — how neural networks learn';
      return;
    }
    if (route.name === 'gallery') {
      document.title = 'Widget gallery — Gradient Trail';
      try {
        await import('./gallery');
      } catch {
        this._loadError = 'The widget gallery could not be loaded. Reload the page to try again.';
      }
      return;
    }
    if (route.name === 'studio') {
      document.title = 'Studio — write a lesson — Gradient Trail';
      try {
        await import('./studio/studio');
      } catch {
        this._loadError = navigator.onLine
          ? 'The studio could not be loaded. Reload the page to try again.'
          : 'The studio could not be loaded while offline. It will be available once this page has been visited online.';
      }
      return;
    }
    if (route.name === 'shared') return this.loadShared(route.payload, route.step);
    if (route.name !== 'lesson') {
      document.title = 'Page not found — Gradient Trail';
      return;
    }
    if (this._lesson?.id === route.id) {
      this.correctAddress(this._lesson, route.step);
      return this.setTitle(this._lesson, route.step);
    }
    const meta = lessons.find((l) => l.id === route.id);
    let lesson: Lesson | undefined;
    try {
      // The lesson runner (<nn-lesson>, exercises, answer checking) comes with the first lesson:
      // the course map carries none of it.
      [lesson] = await Promise.all([loadLesson(route.id), loadRunner()]);
    } catch {
      this._loadError = navigator.onLine
        ? 'The lesson could not be loaded. Reload the page to try again.'
        : 'The lesson could not be loaded while offline. It will be available once this page has been visited online.';
      return;
    }
    if (!lesson) {
      this._loadError = `There is no lesson called “${route.id}”.`;
      return;
    }
    this._lesson = lesson;
    this._widgetsLoading = true;
    this.correctAddress(lesson, route.step);
    this.setTitle(lesson, route.step);
    // The text is painted first, then the widgets come to life: reading can start while their code
    // loads, and the first paint is not held back by the widgets' first render.
    await this.updateComplete;
    await afterNextPaint();
    try {
      await loadWidgetsLazily(meta?.widgets ?? []);
    } catch {
      this.notify(
        navigator.onLine
          ? 'Some interactive parts of this lesson could not be loaded. Reload the page to try again.'
          : 'Some interactive parts of this lesson could not be loaded while offline.',
        'warn',
      );
    } finally {
      this._widgetsLoading = false;
    }
  }

  private async loadShared(payload: string, step: number): Promise<void> {
    if (this._shared?.payload !== payload) {
      this._shared = undefined;
      // Loaded with the route: the course map carries none of it (nor the compiler it loads).
      const opened = await Promise.all([import('./shared-lesson'), loadRunner()]).then(
        ([m]) => m.openSharedLesson(payload),
        () => ({
          ok: false as const,
          title: 'The shared lesson could not be loaded',
          reason: 'Part of the course did not download. Reload the page to try again.',
        }),
      );
      if (!opened.ok) {
        document.title = `${opened.title} — Gradient Trail`;
        this._loadError = `${opened.title}. ${opened.reason}`;
        return;
      }
      this._shared = { payload, lesson: opened.lesson, source: opened.source };
      this._widgetsLoading = true;
      await this.updateComplete;
      try {
        await loadWidgetsLazily(opened.lesson.widgets);
      } catch {
        this.notify('Some interactive parts of this lesson could not be loaded.', 'warn');
      } finally {
        this._widgetsLoading = false;
      }
    }
    const lesson = this._shared.lesson;
    const s = lesson.steps[Math.min(step, lesson.steps.length) - 1];
    document.title = `${s ? `${s.title} — ` : ''}${lesson.title} — a shared lesson`;
  }

  /**
   * A step past the end (`/99` of 8) shows the last step: the address says so too. Replaced, not
   * pushed, so that Back does not return to the address that did not exist.
   */
  private correctAddress(lesson: Lesson, step: number): void {
    const href = canonicalLessonHref(lesson.id, step, lesson.steps.length);
    if (location.hash === href) return;
    history.replaceState(history.state, '', href);
    this._route = parseRoute(href);
  }

  private setTitle(lesson: Lesson, step: number): void {
    const s = lesson.steps[Math.min(step, lesson.steps.length) - 1];
    document.title = `${s ? `${s.title} — ` : ''}${lesson.title} — Gradient Trail`;
  }

  private onStepChange(e: CustomEvent<StepChangeDetail>): void {
    const href = lessonHref(e.detail.lessonId, e.detail.step);
    if (location.hash !== href) location.hash = href;
  }

  override updated(): void {
    const route = this._route;
    if (
      this.focusAfterRender &&
      ((route.name === 'lesson' && this._lesson?.id === route.id) ||
        (route.name === 'shared' && this._shared?.payload === route.payload))
    ) {
      this.focusAfterRender = false;
      const runner = this.renderRoot.querySelector<NnLesson>('nn-lesson');
      void runner?.updateComplete.then(() => runner.focusHeading());
    } else if (this.focusAfterRender && this._route.name === 'map') {
      this.focusAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>('main')?.focus();
    }
  }

  private renderMain() {
    const route = this._route;
    if (route.name === 'map') return html`<gt-course-map .lessons=${lessons}></gt-course-map>`;
    if (route.name === 'gallery')
      return this._loadError
        ? html`<h1>Gallery not available</h1>
            <p>${this._loadError}</p>`
        : html`<gt-gallery focus-tag=${route.tag ?? ''}></gt-gallery>`;
    if (route.name === 'studio')
      return this._loadError
        ? html`<h1>Studio not available</h1>
            <p>${this._loadError}</p>`
        : html`<gt-studio></gt-studio>`;
    if (route.name === 'shared') return this.renderShared(route.payload, route.step);
    if (route.name === 'not-found')
      return html`<h1>Page not found</h1>
        <p>Nothing lives at “${route.path}”. <a href=${mapHref}>Go to the course map</a>.</p>`;
    if (this._loadError)
      return html`<h1>Lesson not available</h1>
        <p>${this._loadError} <a href=${mapHref}>Go to the course map</a>.</p>`;
    const lesson = this._lesson?.id === route.id ? this._lesson : undefined;
    const index = lessons.findIndex((l) => l.id === route.id);
    const next = index >= 0 ? lessons[index + 1] : undefined;
    return html`<nn-lesson
      .lesson=${lesson}
      .step=${route.step}
      .next=${next}
      next-href=${next ? lessonHref(next.id, 1) : ''}
      ?loading-widgets=${this._widgetsLoading}
      home-href=${mapHref}
      @nn-step-change=${this.onStepChange}
    ></nn-lesson>`;
  }

  private renderShared(payload: string, step: number) {
    if (this._loadError)
      return html`<h1>Shared lesson not available</h1>
        <p>${this._loadError}</p>
        <p>
          <a href=${mapHref}>Go to the course map</a> · <a href=${studioHref}>Open the studio</a>
        </p>`;
    const shared = this._shared?.payload === payload ? this._shared : undefined;
    const lesson = shared?.lesson;
    const edit = () => {
      if (!shared) return;
      void import('./shared-lesson').then((m) => {
        if (m.handToStudio(shared.source)) location.hash = studioHref;
      });
    };
    return html`<p class="shared-note">
        A lesson shared by its author through a link: it is not part of the Gradient Trail course.
        Your progress in it is kept on this device.
        ${
          shared
            ? html`<button type="button" @click=${edit}>Edit a copy in the studio</button>`
            : nothing
        }
      </p>
      <nn-lesson
        .lesson=${lesson}
        .step=${step}
        ?loading-widgets=${this._widgetsLoading}
        home-href=${mapHref}
        @nn-step-change=${(e: CustomEvent<StepChangeDetail>) => {
          const href = sharedHref(payload, e.detail.step);
          if (location.hash !== href) location.hash = href;
        }}
      ></nn-lesson>`;
  }

  override render() {
    return html`
      <header>
        <button
          class="skip"
          type="button"
          @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}
        >
          Skip to content
        </button>
        <div class="bar">
          <a class="brand" href=${mapHref}>
            <img src="${import.meta.env.BASE_URL}icons/logo.svg" alt="" width="32" height="32" />
            Gradient Trail
          </a>
          <nav aria-label="Site" class="site-nav">
            <a href=${mapHref}>Course</a>
            <a href=${galleryHref}>Widget gallery</a>
            <a href=${studioHref}>Studio</a>
          </nav>
          <gt-offline-ready></gt-offline-ready>
          ${
            this._offline
              ? html`<span class="offline" role="status">Offline — the course still works</span>`
              : html`<span role="status" class="visually-hidden"></span>`
          }
        </div>
      </header>
      <main id="main" tabindex="-1" class=${this._route.name === 'studio' ? 'wide' : ''}>
        ${this.renderMain()}
      </main>
      <footer>
        ${
          this._route.name === 'lesson'
            ? html`<gt-progress-tools compact></gt-progress-tools>`
            : nothing
        }
        Gradient Trail is open source. Everything runs in your browser; nothing you do leaves this
        device.
      </footer>
      <div class="notices" role="region" aria-label="Notifications">
        ${this._notices.map(
          (n) => html`
            <div class="notice" role=${n.tone === 'warn' ? 'alert' : 'status'}>
              <span class="text">${n.text}</span>
              <span class="actions">
                ${n.actions.map(
                  (a) => html`<button type="button" @click=${a.run}>${a.label}</button>`,
                )}
                <button type="button" aria-label="Dismiss" @click=${() => this.dismiss(n.id)}>
                  ✕
                </button>
              </span>
            </div>
          `,
        )}
      </div>
    `;
  }
}

define('gt-app', GtApp);

declare global {
  interface HTMLElementTagNameMap {
    'gt-app': GtApp;
  }
}

/** Resolves after the browser has painted the next frame. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}
