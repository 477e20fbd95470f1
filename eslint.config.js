import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The layers of src/ and the arrows between them (docs/ARCHITECTURE.md):
 *
 *   app → lesson → widgets → charts / train → math        embed → widgets
 *
 * An arrow may skip layers (app uses widgets/shared directly) but never points back up. Each folder
 * below gets one `no-restricted-imports` entry listing what it may not import, each with a message
 * naming the rule; tests/unit/architecture-lint.test.ts shows every rule catching a wrong-way
 * import. The patterns match the import as written: relative paths (`../math/rng`,
 * `../../train/spec.ts`) and package names. `import()` expressions are not checked by the rule:
 * that is how widgets load the training engine lazily.
 */

/** A relative import that climbs out of its folder into `folders` (`../lesson/x`, `../../app`). */
const into = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
/** A relative import that climbs out of a flat folder anywhere but into `folder`. */
const outsideOf = (folder) => `^\\.\\./(?!${folder}/)`;

const TFJS = ['@tensorflow/*'];
const LIT = ['lit', 'lit/*', '@lit/*'];
const D3 = ['d3', 'd3-*'];

/** The tfjs-free modules of src/train that widgets may import statically (the rest lazily). */
const TRAIN_STATIC = ['types', 'protocol', 'spec', 'state', 'cost'];

const RULES = {
  math: 'math imports nothing of ours and no tfjs, Lit or d3: it is pure TypeScript maths.',
  charts: 'charts import only math and d3: no Lit, no widgets, no tfjs.',
  train: 'train imports only math (and tfjs): no widgets, lesson, app, charts, Lit or d3.',
  tfjs: 'Only src/train imports tfjs, and lazily.',
  widgetsUp: 'widgets never import lesson, app or embed: the arrows point down.',
  widgetsTrain:
    'widgets import src/train lazily (await import()) or as types; statically only its tfjs-free ' +
    `modules ${TRAIN_STATIC.map((m) => `train/${m}`).join(', ')}.`,
  lessonUp: 'lesson never imports app or embed: the arrows point down.',
  embed: 'embed imports only widgets (and widgets/shared): no lesson, app, charts, train or math.',
};

/** `@typescript-eslint/no-restricted-imports` with these patterns (the core rule is turned off). */
const restrict = (files, patterns) => ({
  files,
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'dev-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,js,mjs}'],
    rules: {
      // TypeScript already checks names in .ts files; node scripts use node's globals.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // math → nothing of ours. Flat folder: any `../` leaves it.
  restrict(
    ['src/math/**/*.ts'],
    [
      { regex: '^\\.\\./', message: RULES.math },
      { group: [...TFJS, ...LIT, ...D3], message: RULES.math },
    ],
  ),
  // charts → math (and d3).
  restrict(
    ['src/charts/**/*.ts'],
    [
      { regex: outsideOf('math'), message: RULES.charts },
      { group: [...LIT, ...TFJS], message: RULES.charts },
    ],
  ),
  // train → math (and tfjs).
  restrict(
    ['src/train/**/*.ts'],
    [
      { regex: outsideOf('math'), message: RULES.train },
      { group: [...LIT, ...D3], message: RULES.train },
    ],
  ),
  // widgets → charts, math, and train (lazily, bar its tfjs-free modules).
  restrict(
    ['src/widgets/**/*.ts'],
    [
      { regex: into(['lesson', 'app', 'embed']), message: RULES.widgetsUp },
      {
        regex: `^(\\.\\./)+train(?!/(${TRAIN_STATIC.join('|')})(\\.[jt]s)?$)(/|$)`,
        allowTypeImports: true,
        message: RULES.widgetsTrain,
      },
      { group: TFJS, message: RULES.tfjs },
    ],
  ),
  // lesson → widgets (and below).
  restrict(
    ['src/lesson/**/*.ts'],
    [
      { regex: into(['app', 'embed']), message: RULES.lessonUp },
      { group: TFJS, message: RULES.tfjs },
    ],
  ),
  // embed → widgets.
  restrict(
    ['src/embed/**/*.ts'],
    [
      { regex: outsideOf('widgets'), message: RULES.embed },
      { group: TFJS, message: RULES.tfjs },
    ],
  ),
  // app → everything but tfjs.
  restrict(['src/app/**/*.ts'], [{ group: TFJS, message: RULES.tfjs }]),
);
