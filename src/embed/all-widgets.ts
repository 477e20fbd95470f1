// Registers every widget: each folder under src/widgets with an index.ts (an end-to-end test
// checks that every widget of the catalog is there).
import.meta.glob('../widgets/*/index.ts', { eager: true });
