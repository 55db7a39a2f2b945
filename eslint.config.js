// Lint rules, including the layer rules of DESIGN.md section 1.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url'];

/** `no-restricted-imports` patterns that keep one layer out of another. */
function forbid(...groups) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: groups.map(([group, message]) => ({ group, message })),
      },
    ],
  };
}

const noElectron = [
  ['electron', 'electron/*'],
  'Only the Electron host files may import electron.',
];
const noNode = [nodeBuiltins, 'src/core and src/renderer are pure: no Node built-ins.'];
const noMain = [['**/main/**', '**/main'], 'Only src/cli may use the main-process services.'];
const noRenderer = [['**/renderer/**'], 'The renderer is reached only through the ReviewApi.'];

export default tseslint.config(
  {
    ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // Our Maps and Sets are built inside $derived and never mutated afterwards; reactive
      // SvelteMap/SvelteSet would only add overhead to collections of thousands of tags.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: forbid(noElectron, noNode, noMain, noRenderer, [
      ['**/shared/**', '**/cli/**', '**/preload/**', 'svelte', 'svelte/*'],
      'src/core imports only src/core and small pure libraries.',
    ]),
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: forbid(noElectron, noNode, noMain, noRenderer),
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.svelte'],
    rules: forbid(noElectron, noNode, noMain),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: forbid(noElectron, noRenderer),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: forbid(noElectron, noRenderer),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: forbid(noNode, noMain, noRenderer),
  },
);
