/**
 * Lazy loaders for every widget a lesson can use, keyed by tag: each folder under src/widgets with
 * an index.ts is the widget `nn-<folder>` (as for the embed bundle, `src/embed/all-widgets.ts`). A
 * lesson loads only the widgets it shows, so the course map downloads none of them (and never tfjs).
 */
const LOADERS: Record<string, () => Promise<unknown>> = Object.fromEntries(
  Object.entries(import.meta.glob('./*/index.ts')).map(([path, load]) => [
    `nn-${path.split('/')[1]}`,
    load,
  ]),
);

/** Load (once) the code of every known widget among `tags`; unknown tags are ignored. */
export async function loadWidgets(tags: Iterable<string>): Promise<void> {
  await Promise.all([...tags].filter((t) => LOADERS[t]).map((t) => LOADERS[t]!()));
}

export const loadableWidgetTags = Object.keys(LOADERS);
