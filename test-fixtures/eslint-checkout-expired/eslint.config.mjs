import tsParser from '@typescript-eslint/parser';
import flagsweep from 'eslint-plugin-flagsweep';

export default [
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  flagsweep.configs.recommended,
];
