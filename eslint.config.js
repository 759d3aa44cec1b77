// Lint = the layer rules of STYLE.md, so a wrong arrow fails CI instead of a review (after VS Code's
// code-layering rule): shared/ is pure, renderer/ reaches the machine only through the host
// contract, main/ never imports the renderer. Style is left to review; these are architecture.
import { builtinModules } from 'node:module';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const repoRoot = import.meta.dirname;
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/** Top-level folders each layer must not reach by a relative import. */
const FORBIDDEN_FOLDERS = {
  shared: ['main', 'renderer', 'test', 'scripts'],
  renderer: ['main', 'test', 'scripts'],
  main: ['renderer', 'test', 'scripts'],
};

/**
 * Resolves each relative import against the importing file and checks which top-level folder it
 * lands in: unlike a specifier pattern, this catches '../../main/x' from any depth and ignores a
 * folder that merely happens to be called "main" inside renderer/.
 */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer directions of STYLE.md (shared ← renderer, shared ← main).' },
    schema: [],
  },
  create(context) {
    const from = topFolder(context.filename);
    const forbidden = FORBIDDEN_FOLDERS[from];
    if (!forbidden) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = topFolder(path.resolve(path.dirname(context.filename), source));
      if (forbidden.includes(target)) {
        context.report({ node, message: `${from}/ must not import from ${target}/ ('${source}'): see STYLE.md, Layers.` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        const [arg] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal') check(node, arg.value);
      },
    };
  },
};

function topFolder(file) {
  const rel = path.relative(repoRoot, path.resolve(repoRoot, file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return '';
  return rel.split(path.sep)[0];
}

const restrictModules = (names, why) => [
  'error',
  {
    paths: names.map((name) => ({ name, message: why })),
    // Subpaths too: 'react-dom/client', 'electron/main', 'node:fs/promises'.
    patterns: [{ group: ['node:*', ...names.filter((n) => !n.includes('/')).map((n) => `${n}/*`)], message: why }],
  },
];

const noNode = 'reaches the machine: use the host contract (shared/ipc) instead.';
const pure = 'shared/ is pure TypeScript: no Node, Electron, React or DOM.';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { driftline: { rules: { layers: layersRule } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { 'driftline/layers': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictModules(['electron', ...nodeBuiltins], `renderer/ ${noNode}`),
    },
  },
  {
    files: ['shared/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': restrictModules(['electron', 'react', 'react-dom', ...nodeBuiltins], pure),
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'process', 'require', 'Buffer', '__dirname', '__filename', 'localStorage'].map((name) => ({
          name,
          message: `${pure} Pass what you need in as a parameter.`,
        })),
      ],
    },
  },
);
