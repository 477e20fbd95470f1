import { LitElement, html, nothing } from 'lit';
import { ContextProvider } from '@lit/context';
import { lessons, loadLesson } from 'virtual:lessons';
import { define } from '../widgets/shared/define';
import { tokens } from '../widgets/shared/tokens';
import { appStyles } from './app-styles';
import { persistStorage, safeLocalStorage } from './local-storage';
import { progressContext } from '../lesson/context';
import { ProgressStore, STORAGE_KEY } from '../lesson/progress';
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
import { NoticeController } from './notices';

/** The widgets a lesson uses, through the loaders (and the catalog), which the course map does not need. */
async function loadWidgetsLazily(tags: readonly string[]): Promise<void> {
  const { loadWidgets } = await import('../widgets/loaders');
  await loadWidgets(tags);
}

/** Loads `<nn-lesson>` and what it needs; once, on the first lesson or shared lesson opened. */
function loadRunner(): Promise<unknown> {
  return import('../lesson/lesson-runner');
}

/** The pages that are one module each, loaded when first opened: their title and module. */
const PAGES = {
  gallery: {
    title: 'Widget gallery — Gradient Trail',
    what: 'The widget gallery',
    load: () => import('./gallery'),
  },
  studio: {
    title: 'Studio — write a lesson — Gradient Trail',
    what: 'The studio',
    load: () => import('./studio/studio'),
  },
};

/** What to say when a page's module did not load: reload, or (offline) visit once online. */
function notLoaded(what: string): string {
  return navigator.onLine
    ? `${what} could not be loaded. Reload the page to try again.`
    : `${what} could not be loaded while offline. It will be available once this page has been visited online.`;
}

/** The site shell: header, routes (course map, lesson), notices (update, offline, storage). */
export class GtApp extends LitElement {
  static override properties = {
    _route: { state: true },
    _lesson: { state: true },
    _shared: { state: true },
    _loadError: { state: true },
    _widgetsLoading: { state: true },
    _offline: { state: true },
  };

  declare _route: Route;
  declare _lesson: Lesson | undefined;
  /** The lesson of a shared link, with the payload it came from. */
  declare _shared: { payload: string; lesson: Lesson; source: string } | undefined;
  declare _loadError: string;
  /** A lesson's text is shown while the code of its widgets still loads. */
  declare _widgetsLoading: boolean;
  declare _offline: boolean;

  private readonly store = new ProgressStore(safeLocalStorage(), STORAGE_KEY, undefined, {
    backup: indexedDbBackup(),
    persist: persistStorage,
  });
  private readonly provider = new ContextProvider(this, {
    context: progressContext,
    initialValue: this.store,
  });
  private readonly notices = new NoticeController(this);
  private focusAfterRender = false;
  private stopNotices: (() => void) | undefined;
  private listening: AbortController | undefined;

  constructor() {
    super();
    this._route = parseRoute(location.hash);
    this._lesson = undefined;
    this._shared = undefined;
    this._loadError = '';
    this._widgetsLoading = false;
    this._offline = !navigator.onLine;
  }

  static override styles = [tokens, appStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    // One signal removes every listener on disconnect.
    this.listening = new AbortController();
    const on = { signal: this.listening.signal };
    window.addEventListener('hashchange', this.onHashChange, on);
    window.addEventListener('online', this.onNetwork, on);
    window.addEventListener('offline', this.onNetwork, on);
    window.addEventListener('storage', this.onStorage, on);
    window.addEventListener('pagehide', this.onLeave, on);
    document.addEventListener('visibilitychange', this.onLeave, on);
    this.stopNotices = this.store.onNotice((notice) =>
      this.notices.fromStore(notice, this.store, this.exportProgress),
    );
    void this.loadRoute();
    startPwa({
      onNeedRefresh: (reload) =>
        this.notices.notify('A new version is available — reload to get it.', 'info', [
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
    this.listening?.abort();
    this.stopNotices?.();
  }

  private exportProgress = (): void => {
    downloadText(this.store.exportJson(), exportFileName());
  };

  /** Another tab wrote (fold its progress in), or freed storage (retry a failed save). */
  private onStorage = (): void => {
    this.store.sync();
  };

  /** The tab is hidden or closing: a last try at a save that is failing. */
  private onLeave = (): void => {
    if (this.store.saveProblem) this.store.sync();
  };

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
    const page = route.name === 'gallery' || route.name === 'studio' ? PAGES[route.name] : null;
    if (page) {
      document.title = page.title;
      try {
        await page.load();
      } catch {
        this._loadError = notLoaded(page.what);
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
      this._loadError = notLoaded('The lesson');
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
      this.notices.notify(
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
        this.notices.notify('Some interactive parts of this lesson could not be loaded.', 'warn');
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
      ${this.notices.render()}
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
