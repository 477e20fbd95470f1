/**
 * The arrows between the layers of src/ (docs/ARCHITECTURE.md) are enforced by eslint.config.js.
 * This shows each rule at work: a wrong-way import in each folder fails with the rule's message,
 * and the imports each folder really makes pass. It lints made-up code under made-up file names in
 * the real folders, with the real config, so a rule that stops applying (a renamed folder, a
 * pattern that no longer matches) fails here, not silently.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const RULE = '@typescript-eslint/no-restricted-imports';

const MESSAGES = {
  math: 'math imports nothing of ours and no tfjs, Lit or d3',
  charts: 'charts import only math and d3: no Lit, no widgets, no tfjs.',
  train: 'train imports only math (and tfjs): no widgets, lesson, app, charts, Lit or d3.',
  tfjs: 'Only src/train imports tfjs, and lazily.',
  widgetsUp: 'widgets never import lesson, app or embed',
  widgetsTrain: 'widgets import src/train lazily (await import()) or as types',
  lessonUp: 'lesson never imports app or embed',
  embed: 'embed imports only widgets (and widgets/shared)',
} as const;

type Rule = keyof typeof MESSAGES;

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: 'eslint.config.js' });
});

/** The boundary rule's messages for `code` as if it were the file `filePath`. */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result!.messages;
  // A parse error would hide everything else: make it loud.
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

/** [file, one wrong-way import, the rule it breaks] */
const WRONG: [string, string, Rule][] = [
  ['src/math/x.ts', `import { tokens } from '../widgets/shared/tokens';`, 'math'],
  ['src/math/x.ts', `import { layerSizes } from '../train/spec.ts';`, 'math'],
  ['src/math/x.ts', `import * as tf from '@tensorflow/tfjs-core';`, 'math'],
  ['src/math/x.ts', `import { html } from 'lit';`, 'math'],
  ['src/math/x.ts', `import { scaleLinear } from 'd3';`, 'math'],

  ['src/charts/x.ts', `import { html } from 'lit';`, 'charts'],
  ['src/charts/x.ts', `import { createContext } from '@lit/context';`, 'charts'],
  ['src/charts/x.ts', `import { tokens } from '../widgets/shared/tokens';`, 'charts'],
  ['src/charts/x.ts', `import { layerSizes } from '../train/spec';`, 'charts'],
  ['src/charts/x.ts', `import * as tf from '@tensorflow/tfjs-core';`, 'charts'],

  ['src/train/x.ts', `import { NnElement } from '../widgets/shared/base';`, 'train'],
  ['src/train/x.ts', `import { drawLossChart } from '../charts/loss-chart';`, 'train'],
  ['src/train/x.ts', `import { ProgressStore } from '../lesson/progress';`, 'train'],
  ['src/train/x.ts', `import { parseRoute } from '../app/routes';`, 'train'],
  ['src/train/x.ts', `import { html } from 'lit';`, 'train'],
  ['src/train/x.ts', `import { select } from 'd3';`, 'train'],

  ['src/widgets/x/x.ts', `import { ProgressStore } from '../../lesson/progress';`, 'widgetsUp'],
  ['src/widgets/x/x.ts', `import type { Lesson } from '../../lesson/types';`, 'widgetsUp'],
  ['src/widgets/catalog.ts', `import { parseRoute } from '../app/routes';`, 'widgetsUp'],
  ['src/widgets/shared/x.ts', `import { setEmbedBase } from '../../embed/frame';`, 'widgetsUp'],
  ['src/widgets/x/x.ts', `import { createTrainer } from '../../train/index';`, 'widgetsTrain'],
  ['src/widgets/x/x.ts', `import { createTrainer } from '../../train';`, 'widgetsTrain'],
  ['src/widgets/x/x.ts', `import { tf } from '../../train/backend.ts';`, 'widgetsTrain'],
  ['src/widgets/x/x.ts', `import { LogisticTrainer } from '../../train/logistic';`, 'widgetsTrain'],
  ['src/widgets/x/x.ts', `import { EngineClient } from '../../train/client';`, 'widgetsTrain'],
  ['src/widgets/x/x.ts', `import * as tf from '@tensorflow/tfjs-core';`, 'tfjs'],

  ['src/lesson/x.ts', `import { parseRoute } from '../app/routes';`, 'lessonUp'],
  ['src/lesson/compile/x.ts', `import { parseRoute } from '../../app/routes';`, 'lessonUp'],
  ['src/lesson/x.ts', `import { setEmbedBase } from '../embed/frame';`, 'lessonUp'],
  ['src/lesson/x.ts', `import * as tf from '@tensorflow/tfjs-core';`, 'tfjs'],

  ['src/embed/x.ts', `import { ProgressStore } from '../lesson/progress';`, 'embed'],
  ['src/embed/x.ts', `import { parseRoute } from '../app/routes';`, 'embed'],
  ['src/embed/x.ts', `import { formatNumber } from '../math/format';`, 'embed'],
  ['src/embed/x.ts', `import { drawLossChart } from '../charts/loss-chart';`, 'embed'],
  ['src/embed/x.ts', `import { createTrainer } from '../train/index';`, 'embed'],

  ['src/app/x.ts', `import * as tf from '@tensorflow/tfjs-core';`, 'tfjs'],
  ['src/app/studio/x.ts', `import * as tf from '@tensorflow/tfjs-core';`, 'tfjs'],
];

/** [file, imports that follow the arrows] */
const RIGHT: [string, string][] = [
  ['src/math/x.ts', `import { createRng } from './rng';\nexport { createRng };`],
  [
    'src/charts/x.ts',
    `import { select } from 'd3';\nimport { sigmoid } from '../math/activations';\n` +
      `import { frame } from './common';\nexport { select, sigmoid, frame };`,
  ],
  [
    'src/train/x.ts',
    `import * as tf from '@tensorflow/tfjs-core';\nimport { createRng } from '../math/rng.ts';\n` +
      `import { layerSizes } from './spec.ts';\nexport { tf, createRng, layerSizes };`,
  ],
  [
    'src/widgets/x/x.ts',
    `import { html } from 'lit';\nimport { drawLossChart } from '../../charts/loss-chart';\n` +
      `import { formatNumber } from '../../math/format';\nimport { tokens } from '../shared/tokens';\n` +
      `import { widgetDoc } from '../catalog';\n` +
      // train: types from anywhere, values from its tfjs-free modules, the rest lazily
      `import type { Trainer } from '../../train/index';\n` +
      `import type { EngineClient } from '../../train/client';\n` +
      `import { engineLabel } from '../../train/protocol';\n` +
      `import { checkSpec } from '../../train/spec';\nimport { initialState } from '../../train/state.ts';\n` +
      `import { chooseEngine } from '../../train/cost';\nimport type { Points } from '../../train/types';\n` +
      `const client = () => import('../../train/client');\n` +
      `const tfjs = () => import('../../train/index');\n` +
      `export type { Trainer, EngineClient, Points };\n` +
      `export { html, drawLossChart, formatNumber, tokens, widgetDoc, engineLabel, checkSpec,\n` +
      `  initialState, chooseEngine, client, tfjs };`,
  ],
  [
    'src/lesson/x.ts',
    `import { NnElement } from '../widgets/shared/base';\nimport { WIDGETS } from '../widgets/catalog';\n` +
      `import type { Lesson } from './types';\nexport type { Lesson };\nexport { NnElement, WIDGETS };`,
  ],
  [
    'src/lesson/compile/x.ts',
    `import type { WidgetDoc } from '../../widgets/catalog.ts';\nimport type { ExerciseSpec } from '../types.ts';\n` +
      `export type { WidgetDoc, ExerciseSpec };`,
  ],
  [
    'src/embed/x.ts',
    `import './all-widgets';\nimport { loadWidgets } from '../widgets/loaders';\n` +
      `import { setEmbedBase } from '../widgets/shared/embed';\nexport { loadWidgets, setEmbedBase };`,
  ],
  [
    'src/app/x.ts',
    `import { ProgressStore } from '../lesson/progress';\nimport { loadWidgets } from '../widgets/loaders';\n` +
      `import { tokens } from '../widgets/shared/tokens';\nexport { ProgressStore, loadWidgets, tokens };`,
  ],
  // The studio (a folder of the app) and the whole-lesson frame, which embed.html loads: the
  // compiler, the lesson runtime and the widgets.
  [
    'src/app/studio/x.ts',
    `import { compileLesson } from '../../lesson/compile';\nimport { WIDGETS } from '../../widgets/catalog';\n` +
      `import { EditorView } from '@codemirror/view';\nexport { compileLesson, WIDGETS, EditorView };`,
  ],
  [
    'src/app/lesson-frame-view.ts',
    `import '../lesson/lesson-runner';\nimport { loadWidgets } from '../widgets/loaders';\nexport { loadWidgets };`,
  ],
];

describe('layer boundaries (eslint.config.js)', () => {
  it.each(WRONG)('%s: %s fails (%s)', async (file, code, rule) => {
    const errors = await boundaryErrors(`${code}\nexport {};\n`, file);
    expect(errors, `expected the '${rule}' rule to reject this import`).toHaveLength(1);
    expect(errors[0]).toContain(MESSAGES[rule]);
  });

  it.each(RIGHT)('%s: the imports that follow the arrows pass', async (file, code) => {
    expect(await boundaryErrors(code, file)).toEqual([]);
  });
});
