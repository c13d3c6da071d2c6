import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // core stays pure: no app, no framework, no database, no DOM-only APIs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vue', 'pinia', 'echarts', 'echarts/*', '@duckdb/*', 'apache-arrow', 'node:*', '../db/*', '../stores/*', '../components/*', '../views/*'] }],
    },
  },
  {
    // components: props in, events out.
    files: ['src/components/**/*.vue', 'src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/stores/*', '**/db/*', '@duckdb/*'] }],
    },
  },
)
