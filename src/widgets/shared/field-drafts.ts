import type { ReactiveControllerHost } from 'lit';

export interface FieldDraftsOptions<K> {
  /** A field's text read as a number, within the widget's limits (as `readNumberField` does). */
  read: (text: string) => { ok: true; value: number } | { ok: false };
  /** The number a field holds (shown while nothing is typed in it). */
  valueOf: (key: K) => number;
  /** The user gave a field a number: the widget takes it and tells its listeners. */
  set: (key: K, value: number) => void;
  /** The number after `value` when ArrowUp (`up`) or ArrowDown is pressed. */
  step: (value: number, up: boolean) => number;
  /** Called before the user's typing changes what is typed (the widget's own change, not a caller's). */
  touched: () => void;
}

/**
 * What the user typed into a widget's number fields while it differs from the number shown
 * (half-typed, or not a number), and the three handlers each field binds: typing a valid number
 * takes it at once, committing it (Enter, leaving the field) shows it tidied up, and ArrowUp /
 * ArrowDown step it as in a native number field. Each change re-renders the host.
 */
export class FieldDrafts<K> {
  private readonly _drafts = new Map<K, string>();

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _o: FieldDraftsOptions<K>,
  ) {}

  /** What is typed in a field, or undefined while it shows its number. */
  get(key: K): string | undefined {
    return this._drafts.get(key);
  }

  /** Show the number again in the fields `which` names (every field without it). */
  clear(which: (key: K) => boolean = () => true): void {
    for (const key of [...this._drafts.keys()]) if (which(key)) this._drafts.delete(key);
    this._host.requestUpdate();
  }

  /** `input`: keep the text; a valid number is taken at once. */
  input(key: K, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this._o.touched();
    this._drafts.set(key, text);
    this._host.requestUpdate();
    const read = this._o.read(text);
    if (read.ok) this._o.set(key, read.value);
  }

  /** `change` (Enter, leaving the field): a valid number is shown tidied up. */
  change(key: K, event: Event): void {
    if (!this._o.read((event.target as HTMLInputElement).value).ok) return;
    this._o.touched();
    this.clear((k) => k === key);
  }

  /** ArrowUp / ArrowDown step the field's number (what is typed, if it is one). */
  keyDown(key: K, event: KeyboardEvent): void {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const draft = this._drafts.get(key);
    const current =
      draft === undefined
        ? { ok: true as const, value: this._o.valueOf(key) }
        : this._o.read(draft);
    if (!current.ok) return;
    event.preventDefault();
    const value = this._o.step(current.value, event.key === 'ArrowUp');
    this._o.touched();
    this.clear((k) => k === key);
    this._o.set(key, value);
  }
}
