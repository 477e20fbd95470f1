import { css } from 'lit';

/**
 * Styles of the trainer's weight editor (`weight-editor.ts`), part of `styles.ts`'s list: the
 * chosen edge outlined over the diagram, its help and words, and the field for the value.
 */
export const weightEditorStyles = css`
  /* The help is shown while the diagram has keyboard focus, the live words and the field only
     when there is something to say, so the diagram looks as it always did until it is used. */
  canvas.diagram {
    cursor: pointer;
  }
  .diagram-overlay {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    overflow: visible;
  }
  .diagram-overlay .chosen {
    fill: none;
    stroke: var(--_focus);
    stroke-width: 5;
    stroke-linecap: round;
    stroke-opacity: 0.85;
  }
  .diagram-help,
  .edit-text:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .edit-text {
    margin: 0.25rem 0 0;
  }
  .diagram-box:has(canvas:focus-visible) + .diagram-help {
    position: static;
    width: auto;
    height: auto;
    margin: 0.25rem 0 0;
    overflow: visible;
    clip: auto;
    white-space: normal;
  }
  .weight-editor {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .weight-editor label {
    flex-basis: 100%;
    font-weight: 600;
  }
  .weight-editor input {
    width: 7rem;
    min-height: 44px;
    box-sizing: border-box;
    font: inherit;
    padding: 0 0.5rem;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius, 4px);
  }
  .weight-editor input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .weight-editor .field-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
  }
  .weight-editor .field-error:empty {
    display: none;
  }
`;
