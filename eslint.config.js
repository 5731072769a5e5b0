import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'runs/',
      'test-results/',
      '.scratch/',
      'electron/core/tflite/schema/',
      '**/*.generated.ts',
      'electron/core/train/fast/wasm/assembly/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/*.ts (the thin shell) may import electron.' }] },
      ],
    },
  },
  {
    files: ['electron/*.ts', 'electron/ipc/**/*.ts', 'electron/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
