import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    // The maths core imports nothing of ours and never touches tfjs or the DOM.
    files: ['src/math/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../*', '@tensorflow/*', 'lit', 'lit/*', 'd3', 'd3-*'] },
      ],
    },
  },
  {
    // Only src/train imports tfjs (and is loaded lazily).
    files: ['src/{app,lesson,widgets,charts,embed}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tensorflow/*'], message: 'Only src/train imports tfjs, and lazily.' },
          ],
        },
      ],
    },
  },
);
