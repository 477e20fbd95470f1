/**
 * The studio's drafts, kept on this device (localStorage) as one versioned JSON document, so that a
 * reload, a crash or a closed tab loses nothing. A save that fails (storage full, or refused) is
 * reported, never silent: the studio shows it and offers the .md download, as the progress store
 * does for progress (src/lesson/progress.ts).
 */
import type { KeyValueStorage } from '../../lesson/progress';

export const DRAFTS_KEY = 'gradient-trail:studio-drafts';
const FORMAT = 'gradient-trail-studio-drafts';

export interface Draft {
  id: string;
  source: string;
  /** ISO time of the last change. */
  updatedAt: string;
}

interface DraftsDocument {
  format: typeof FORMAT;
  version: 1;
  /** The draft open last. */
  current?: string;
  drafts: Draft[];
}

export type SaveResult = { ok: true } | { ok: false; message: string };

/** The title in a draft's front matter, for the list of drafts. */
export function draftTitle(source: string): string {
  const title = /^title:\s*(.+)$/m.exec(source.split(/\n---\s*\n/)[0] ?? '')?.[1]?.trim();
  return title ? title.replace(/^(['"])(.*)\1$/, '$2') : 'Untitled lesson';
}

/** `lessons/NN-slug.md` from the front matter's order and id: the name the course would give it. */
export function lessonFileName(source: string): string {
  const id = /^id:\s*([a-z0-9-]+)\s*$/m.exec(source)?.[1] ?? 'my-lesson';
  const order = Number(/^order:\s*(\d+)\s*$/m.exec(source)?.[1] ?? 1);
  return `${String(Math.min(99, Math.max(1, order))).padStart(2, '0')}-${id}.md`;
}

export class DraftStore {
  private doc: DraftsDocument;

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly key = DRAFTS_KEY,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.doc = this.read();
  }

  private read(): DraftsDocument {
    const empty: DraftsDocument = { format: FORMAT, version: 1, drafts: [] };
    try {
      const text = this.storage?.getItem(this.key);
      if (!text) return empty;
      const data = JSON.parse(text) as Partial<DraftsDocument>;
      if (data.format !== FORMAT || !Array.isArray(data.drafts)) return empty;
      const drafts = data.drafts.filter(
        (d): d is Draft =>
          typeof d?.id === 'string' &&
          typeof d.source === 'string' &&
          typeof d.updatedAt === 'string',
      );
      return {
        ...empty,
        current: typeof data.current === 'string' ? data.current : undefined,
        drafts,
      };
    } catch {
      return empty;
    }
  }

  /** The drafts, the most recently changed first. */
  list(): Draft[] {
    return [...this.doc.drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  get(id: string): Draft | undefined {
    return this.doc.drafts.find((d) => d.id === id);
  }

  get current(): Draft | undefined {
    return (this.doc.current && this.get(this.doc.current)) || this.list()[0];
  }

  /** A new draft holding `source`, made current and saved. */
  create(source: string): { draft: Draft; saved: SaveResult } {
    const draft: Draft = {
      id: `d${this.now().getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      source,
      updatedAt: this.now().toISOString(),
    };
    this.doc.drafts.push(draft);
    this.doc.current = draft.id;
    return { draft, saved: this.write() };
  }

  /** Changes a draft's text and saves. */
  update(id: string, source: string): SaveResult {
    const draft = this.get(id);
    if (!draft) return this.create(source).saved;
    if (draft.source === source && this.doc.current === id) return { ok: true };
    draft.source = source;
    draft.updatedAt = this.now().toISOString();
    this.doc.current = id;
    return this.write();
  }

  select(id: string): SaveResult {
    this.doc.current = id;
    return this.write();
  }

  remove(id: string): SaveResult {
    this.doc.drafts = this.doc.drafts.filter((d) => d.id !== id);
    if (this.doc.current === id) this.doc.current = this.list()[0]?.id;
    return this.write();
  }

  private write(): SaveResult {
    if (!this.storage) {
      return {
        ok: false,
        message:
          'Drafts cannot be saved in this browser (storage is turned off): download your lesson as a .md file to keep it.',
      };
    }
    try {
      this.storage.setItem(this.key, JSON.stringify(this.doc));
      return { ok: true };
    } catch (error) {
      const full = error instanceof DOMException && /quota/i.test(error.name + error.message);
      return {
        ok: false,
        message: full
          ? 'Your draft is not being saved: storage on this device is full. Download the lesson as a .md file now, or delete old drafts.'
          : 'Your draft is not being saved: the browser refused to store it. Download the lesson as a .md file now to keep it.',
      };
    }
  }
}
