import { css } from 'lit';

/** The studio's layout: toolbar, then editor and preview side by side, or as tabs on a phone. */
export const studioStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: clamp(1.5rem, 4vw, 2.1rem);
    margin: 0 0 0.5rem;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0 0 0.5rem;
  }
  .lead {
    color: var(--_muted);
    margin: 0 0 1rem;
    max-width: 48rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    margin-bottom: 0.5rem;
  }
  .toolbar .group {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: end;
  }
  .toolbar .group,
  label {
    max-width: 100%;
    min-width: 0;
  }
  label {
    display: grid;
    gap: 0.2rem;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  select,
  input[type='text'] {
    min-height: 44px;
    box-sizing: border-box;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.5rem;
    width: 100%;
  }
  .save {
    margin: 0 0 0.75rem;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  .save.failed,
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  [role='tablist'] {
    display: none;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  .panes {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 1rem;
    align-items: start;
  }
  .pane {
    min-width: 0;
  }
  .editor {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_bg);
  }
  .editor .cm-editor {
    height: min(70vh, 48rem);
    font-size: 0.95rem;
  }
  .editor .cm-editor.cm-focused {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .editor .cm-scroller {
    font-family: var(--_mono);
  }
  .problems,
  .share {
    margin-top: 1rem;
  }
  .problems ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.4rem;
  }
  .problems li {
    border-left: 4px solid var(--_danger);
    padding: 0.3rem 0.6rem;
    background: var(--_surface);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .problems .where {
    font-family: var(--_mono);
    font-size: 0.9rem;
  }
  .ok {
    color: var(--_success);
    margin: 0;
  }
  .share .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
  }
  .share input {
    flex: 1 1 12rem;
    font-family: var(--_mono);
    font-size: 0.85rem;
  }
  .preview {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    background: var(--_bg);
  }
  .preview-status {
    margin: 0 0 0.5rem;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  .stale {
    opacity: 0.6;
  }
  /* A phone or a narrow window: the editor and the preview are tabs. */
  @media (max-width: 56rem) {
    [role='tablist'] {
      display: flex;
    }
    .panes {
      grid-template-columns: minmax(0, 1fr);
    }
    .pane[data-hidden] {
      display: none;
    }
    .editor .cm-editor {
      height: 60vh;
    }
  }
`;
