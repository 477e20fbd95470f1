/**
 * The studio's code editor: CodeMirror 6 with Markdown highlighting, a lint gutter fed by the
 * lesson compiler, and completions from the widget catalog (./complete.ts). Loaded only with the
 * studio route. Mounted in a shadow root: CodeMirror's styles go in as constructed stylesheets
 * there, which the strict CSP allows.
 */
import { basicSetup } from 'codemirror';
import { EditorView } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { markdown } from '@codemirror/lang-markdown';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { completionsAt } from './complete';
import type { CompileProblem } from './compile-source';

export interface StudioEditor {
  readonly view: EditorView;
  /** The whole text. */
  text(): string;
  /** Replaces the whole text (a new draft, an upload). */
  setText(text: string): void;
  /** Shows these problems in the gutter, underlined at their lines. */
  showProblems(problems: readonly CompileProblem[]): void;
  /** Moves the cursor to the start of a line (1-based) and focuses the editor. */
  goToLine(line: number): void;
  /** The 1-based line the cursor is on. */
  cursorLine(): number;
  destroy(): void;
}

/**
 * Colours from the course's design tokens (src/widgets/shared/tokens.ts), so the editor follows
 * light and dark mode like the rest of the page.
 */
const theme = EditorView.theme({
  '&': { color: 'var(--_fg)', backgroundColor: 'var(--_bg)' },
  '.cm-content': { caretColor: 'var(--_fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--_fg)' },
  '.cm-gutters': {
    backgroundColor: 'var(--_surface)',
    color: 'var(--_muted)',
    borderRight: '1px solid var(--_border)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--_accent) 8%, transparent)' },
  '.cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--_accent) 16%, transparent)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--_accent) 30%, transparent)',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--_surface)',
    color: 'var(--_fg)',
    border: '1px solid var(--_border)',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--_accent)',
    color: 'var(--_accent-fg)',
  },
  '.cm-completionInfo': { maxWidth: '20rem' },
});

const highlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: 'bold', color: 'var(--_accent)' },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], color: 'var(--_muted)' },
  { tag: [tags.tagName, tags.typeName], color: 'var(--_success)' },
  { tag: [tags.attributeName, tags.propertyName], color: 'var(--_accent-2)' },
  { tag: [tags.string, tags.attributeValue], color: 'var(--_danger)' },
  { tag: [tags.monospace, tags.labelName], color: 'var(--_fg)' },
  { tag: tags.link, textDecoration: 'underline' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
]);

/**
 * Typing or deleting over a selection of several lines, done by CodeMirror instead of the browser:
 * Chromium's own editing of a contenteditable then writes `style="…"` attributes to keep the look
 * of the merged lines, which the strict CSP refuses (a console error; CodeMirror redraws anyway).
 */
function replaceAcrossLines(e: InputEvent, view: EditorView): boolean {
  const { main } = view.state.selection;
  const doc = view.state.doc;
  if (main.empty || doc.lineAt(main.from).number === doc.lineAt(main.to).number) return false;
  let insert: string;
  if (e.inputType === 'insertText' && e.data !== null) insert = e.data;
  else if (e.inputType.startsWith('deleteContent') || e.inputType.startsWith('deleteWord'))
    insert = '';
  else return false;
  e.preventDefault();
  view.dispatch(view.state.replaceSelection(insert), {
    userEvent: insert ? 'input.type' : 'delete.selection',
    scrollIntoView: true,
  });
  return true;
}

function complete(context: CompletionContext) {
  const found = completionsAt(context.state.doc.toString(), context.pos);
  if (!found || (found.from === context.pos && !context.explicit && found.options.length > 20))
    return null;
  return {
    from: found.from,
    options: found.options.map((o) => ({ ...o, info: o.info })),
    validFor: /^[\w-]*$/,
  };
}

export function createEditor(options: {
  parent: HTMLElement;
  root: ShadowRoot | Document;
  text: string;
  label: string;
  onChange: (text: string) => void;
  onCursor: (line: number) => void;
}): StudioEditor {
  const view = new EditorView({
    root: options.root,
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        basicSetup,
        markdown(),
        theme,
        syntaxHighlighting(highlight),
        lintGutter(),
        autocompletion({ override: [complete], activateOnTyping: true }),
        EditorView.lineWrapping,
        EditorView.domEventHandlers({ beforeinput: replaceAcrossLines }),
        // tabindex: the text is already a tab stop (contenteditable); axe asks the scrolling box to show it.
        EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
          if (update.selectionSet || update.docChanged) {
            options.onCursor(update.state.doc.lineAt(update.state.selection.main.head).number);
          }
        }),
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    showProblems(problems) {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
        return { from: line.from, to: line.to, severity: 'error', message: p.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goToLine(n) {
      const line = view.state.doc.line(Math.min(Math.max(1, n), view.state.doc.lines));
      view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
      view.focus();
    },
    cursorLine: () => view.state.doc.lineAt(view.state.selection.main.head).number,
    destroy: () => view.destroy(),
  };
}
