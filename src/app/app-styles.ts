import { css } from 'lit';

/** The site shell's layout: header bar, main column, footer, notices. */
export const appStyles = css`
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
`;
