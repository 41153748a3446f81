// ESLint flat config (ESLint 10, typescript-eslint 8).
//
// Three concerns, in this order:
//   1. Type-aware safety rules for all TypeScript (promises, exhaustive switches, unsafe `any`).
//   2. No focused tests (it.only / describe.only / test.only / fit / fdescribe).
//   3. Architecture boundaries between libs and apps — see the ARCHITECTURE BOUNDARIES block below;
//      docs/ARCHITECTURE.md describes the same rules in prose, keep the two in step.
//
// Formatting is Prettier's job (`prettier --check .`, settings in .prettierrc). Neither
// @eslint/js `recommended` nor typescript-eslint `recommendedTypeChecked` enables stylistic
// rules, so nothing here conflicts with Prettier and eslint-config-prettier is not needed.
// Do not add formatting rules here.
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const repoRoot = import.meta.dirname;

const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];
/** Test code inside a package (relative to the package root). */
const PACKAGE_TEST_GLOBS = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.fixtures.ts',
  '**/testing/**/*.ts',
];
/** All test code: specs, fixtures, test-data helpers, the e2e suite in test/ and libs/testing. */
const TEST_FILES = [...PACKAGE_TEST_GLOBS, 'test/**/*.ts', 'libs/testing/**/*.ts'];

// ---------------------------------------------------------------------------------------------
// ARCHITECTURE BOUNDARIES
//
// Path aliases (tsconfig.json `paths`, jest.config.js `moduleNameMapper`):
//   @tns/domain, @tns/domain/*, @tns/config, @tns/database, @tns/queue, @tns/auth,
//   @tns/observability, @tns/platform, @tns/ip-intel, @tns/sanctions-lists, @tns/ndjson,
//   @tns/testing, and @app/<name> for app entry points (apps/<name>/src).
//
// Who may import which @tns/* library (third-party packages are free unless listed):
//   libs/domain           only @tns/domain/* — and no framework, I/O or infrastructure package:
//                         @nestjs/*, typeorm, pg, bullmq, ioredis, fastify, mercurius,
//                         (node:)fs, (node:)net, (node:)http, (node:)child_process
//                         (node:crypto and other pure modules are fine).
//   libs/config           no @tns/* at all
//   libs/observability    @tns/config
//   libs/database         @tns/config, @tns/domain*, @tns/observability
//   libs/queue            @tns/config, @tns/database, @tns/observability, @tns/domain*
//   libs/auth             @tns/config, @tns/database, @tns/observability, @tns/domain*
//   libs/platform         @tns/config, @tns/database, @tns/observability, @tns/queue, @tns/domain*
//   libs/ip-intel, libs/ndjson, libs/sanctions-lists
//                         @tns/domain* only
//   libs/testing          (test support) any @tns/*
//   A library never imports its own alias (import relatively inside the package).
//   Tests: specs, fixtures and testing/ helpers of a library (PACKAGE_TEST_GLOBS) may in addition
//   import @tns/testing — except in libs/domain, whose tests stay as pure as the domain.
//
//   No library imports an app: neither @app/* nor a relative path into apps/.
//   Apps never import another app (@app/*); apps/all-in-one is the exception — it composes them.
//   Apps may import any @tns/* library, but only their specs may import @tns/testing.
//
//   No relative import may leave its package: a file under libs/<name>/ or apps/<name>/ can only
//   reach files in the same libs/<name>/ or apps/<name>/ relatively; anything else goes through
//   an alias. Files outside packages (scripts/, test/) reach libs and apps only through aliases.
//   This is checked precisely (by resolving the path) by the local rule tns/no-relative-escape,
//   rather than by guessing from the number of `../`.
//
// Mechanism: @typescript-eslint/no-restricted-imports (the core rule plus `import x = require()`
// and type-only imports — a type import still couples the packages). ESLint does not merge the
// options of a rule configured in several blocks — the last matching block wins — so each
// package gets exactly one block holding its complete list, built by restrictedImports() below.
// Limitation: no-restricted-imports does not look at dynamic import() or require(); the code
// base uses neither (tns/no-relative-escape does check them for relative paths).
// ---------------------------------------------------------------------------------------------

/** A pattern matching every @tns/* import except the listed libraries (domain includes its subpaths). */
function tnsExcept(allowed, self) {
  // The package's own alias is left to its own, clearer, pattern (see libBoundaryBlocks).
  const alternatives = [...allowed, ...(self ? [self] : [])].map((name) =>
    name === 'domain' ? 'domain(?:/.*)?$' : `${name}$`,
  );
  return alternatives.length === 0 ? '^@tns/' : `^@tns/(?!(?:${alternatives.join('|')}))`;
}

const NO_APPS_FROM_LIBS = {
  regex: '^@app/',
  message: 'Libraries must not depend on apps (see eslint.config.mjs ARCHITECTURE BOUNDARIES).',
};
const NO_APP_TO_APP = {
  regex: '^@app/',
  message: 'An app must not import another app; only apps/all-in-one composes apps.',
};
const NO_TESTING_IN_PRODUCTION = {
  regex: '^@tns/testing$',
  message: '@tns/testing is test support; only specs, fixtures and test/ may import it.',
};

const DOMAIN_FORBIDDEN = [
  {
    regex: '^@nestjs/',
    message: 'libs/domain is framework-free: no @nestjs/*. Keep Nest wiring in the libs/apps around it.',
  },
  {
    regex: '^(?:typeorm|pg|bullmq|ioredis|fastify|mercurius)(?:/.*)?$',
    message:
      'libs/domain must not depend on infrastructure packages (typeorm, pg, bullmq, ioredis, fastify, mercurius).',
  },
  {
    regex: '^(?:node:)?(?:fs|net|http|child_process)(?:/.*)?$',
    message: 'libs/domain does no I/O: no fs, net, http or child_process (node:crypto is fine).',
  },
];

/**
 * The full no-restricted-imports setting for one package.
 * @param {object} options
 * @param {string[] | null} options.tnsAllowed  @tns/* libraries the package may import (null: any)
 * @param {string} [options.owner]             label used in the message
 * @param {string} [options.self]              the package's own alias, reported by its own pattern
 * @param {object[]} [options.extra]            further patterns
 */
function restrictedImports({ tnsAllowed, owner, self, extra = [] }) {
  const patterns = [...extra];
  if (tnsAllowed !== null) {
    patterns.push({
      regex: tnsExcept(tnsAllowed, self),
      message:
        tnsAllowed.length === 0
          ? `${owner} may not import any other @tns/* library.`
          : `${owner} may only import ${tnsAllowed.map((name) => `@tns/${name}${name === 'domain' ? '*' : ''}`).join(', ')}.`,
    });
  }
  return ['error', { patterns }];
}

/** Library -> the @tns/* libraries it may import (null: unrestricted). */
const LIB_DEPENDENCIES = {
  domain: ['domain'],
  config: [],
  observability: ['config'],
  database: ['config', 'domain', 'observability'],
  queue: ['config', 'database', 'observability', 'domain'],
  auth: ['config', 'database', 'observability', 'domain'],
  platform: ['config', 'database', 'observability', 'queue', 'domain'],
  'ip-intel': ['domain'],
  ndjson: ['domain'],
  'sanctions-lists': ['domain'],
  testing: null,
};

// A library added under libs/ without an entry above is treated like the leaf libraries
// (@tns/domain* only) until someone decides its place and adds it to LIB_DEPENDENCIES.
for (const entry of fs.readdirSync(path.join(repoRoot, 'libs'), { withFileTypes: true })) {
  if (entry.isDirectory() && !(entry.name in LIB_DEPENDENCIES)) LIB_DEPENDENCIES[entry.name] = ['domain'];
}

function libBoundaryBlocks(name) {
  const allowed = LIB_DEPENDENCIES[name];
  // A library must not import itself through its alias (the domain's subpath aliases are the
  // exception: they are how one domain area uses another, e.g. detection -> @tns/domain/signals).
  const selfImport =
    name === 'domain' || allowed === null
      ? []
      : [
          {
            regex: `^@tns/${name}$`,
            message: `Inside libs/${name}, import relatively, not through @tns/${name}.`,
          },
        ];
  const common = [NO_APPS_FROM_LIBS, ...selfImport, ...(name === 'domain' ? DOMAIN_FORBIDDEN : [])];
  const block = (suffix, files, tnsAllowed) => ({
    name: `tns/boundaries/libs/${name}${suffix}`,
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        tnsAllowed,
        owner: `libs/${name}${suffix ? ' (tests)' : ''}`,
        self: selfImport.length > 0 ? name : undefined,
        extra: common,
      }),
    },
  });
  const blocks = [block('', [`libs/${name}/**/*.{ts,mts,cts}`], allowed)];
  // Specs and test helpers of a library may also use @tns/testing (test databases, Redis, ...),
  // except in libs/domain, whose tests are pure unit tests like the domain itself.
  if (allowed !== null && name !== 'domain') {
    blocks.push(
      block(
        '/tests',
        PACKAGE_TEST_GLOBS.map((glob) => `libs/${name}/${glob}`),
        [...allowed, 'testing'],
      ),
    );
  }
  return blocks;
}

const appBoundaryBlocks = [
  {
    name: 'tns/boundaries/apps',
    files: ['apps/**/*.{ts,mts,cts}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        tnsAllowed: null,
        extra: [NO_APP_TO_APP, NO_TESTING_IN_PRODUCTION],
      }),
    },
  },
  {
    name: 'tns/boundaries/apps/tests',
    files: PACKAGE_TEST_GLOBS.map((glob) => `apps/${glob}`),
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        tnsAllowed: null,
        extra: [NO_APP_TO_APP],
      }),
    },
  },
  {
    name: 'tns/boundaries/apps/all-in-one',
    files: ['apps/all-in-one/**/*.{ts,mts,cts}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrictedImports({
        tnsAllowed: null,
        extra: [NO_TESTING_IN_PRODUCTION],
      }),
    },
  },
  {
    name: 'tns/boundaries/apps/all-in-one/tests',
    files: PACKAGE_TEST_GLOBS.map((glob) => `apps/all-in-one/${glob}`),
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
];

/** libs/<name>/ or apps/<name>/ holding `file`, or null for files outside packages. */
function packageRootOf(file) {
  const [area, name] = path.relative(repoRoot, file).split(path.sep);
  return (area === 'libs' || area === 'apps') && name ? path.join(repoRoot, area, name) : null;
}

/** Local rule: relative imports must stay inside their package (see ARCHITECTURE BOUNDARIES). */
const noRelativeEscape = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid relative imports that leave their libs/<name> or apps/<name> package.' },
    schema: [],
    messages: {
      escapes:
        "'{{source}}' leaves {{pkg}}; reach other packages through their alias (@tns/*, or @app/* from apps/all-in-one).",
      intoPackage: "'{{source}}' reaches into {{target}}; use its alias (@tns/* or @app/*) instead.",
    },
  },
  create(context) {
    const file = context.physicalFilename;
    const pkg = packageRootOf(file);
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (!source.startsWith('./') && !source.startsWith('../') && source !== '..' && source !== '.') return;
      const target = path.resolve(path.dirname(file), source);
      if (pkg) {
        if (target !== pkg && !target.startsWith(pkg + path.sep)) {
          context.report({ node, messageId: 'escapes', data: { source, pkg: path.relative(repoRoot, pkg) } });
        }
      } else {
        const targetPkg = packageRootOf(target);
        if (targetPkg) {
          context.report({
            node,
            messageId: 'intoPackage',
            data: { source, target: path.relative(repoRoot, targetPkg) },
          });
        }
      }
    };
    const isCall = (callee, names) =>
      (callee.type === 'Identifier' && names.includes(callee.name)) ||
      (callee.type === 'MemberExpression' &&
        callee.object.type === 'Identifier' &&
        callee.object.name === 'jest' &&
        callee.property.type === 'Identifier' &&
        names.includes(`jest.${callee.property.name}`));
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference.expression),
      TSImportType: (node) => check(node.argument?.literal ?? node.source),
      CallExpression: (node) => {
        if (
          isCall(node.callee, [
            'require',
            'jest.mock',
            'jest.doMock',
            'jest.requireActual',
            'jest.requireMock',
          ])
        ) {
          check(node.arguments[0]);
        }
      },
    };
  },
};

const tnsPlugin = { meta: { name: 'tns-local' }, rules: { 'no-relative-escape': noRelativeEscape } };

// ---------------------------------------------------------------------------------------------

export default defineConfig(
  globalIgnores(
    ['**/dist/', '**/node_modules/', '**/coverage/', '**/.data/', '**/bench-results/'],
    'tns/ignores',
  ),

  {
    name: 'tns/all',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { tns: tnsPlugin },
    extends: [js.configs.recommended],
    rules: {
      // 2. No focused tests. `.only` on it/test/describe, including it.only.each, test.concurrent.only.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='only'][object.name=/^(?:it|test|describe)$/]",
          message: 'Focused test: remove .only before committing.',
        },
        {
          selector: "MemberExpression[property.name='only'][object.object.name=/^(?:it|test|describe)$/]",
          message: 'Focused test: remove .only before committing.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fit', message: 'Focused test: use it().' },
        { name: 'fdescribe', message: 'Focused test: use describe().' },
      ],
      'tns/no-relative-escape': 'error',
    },
  },

  // 1. TypeScript, type-aware.
  {
    name: 'tns/typescript',
    files: TS_FILES,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: repoRoot },
    },
    rules: {
      // Safety rules — errors, never warnings. All but switch-exhaustiveness-check are already in
      // recommendedTypeChecked; they are listed so that nobody turns them off by accident.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        {
          // A `default` does not make a switch over a union exhaustive: a new member of the union
          // (a new signal type, observation kind, ...) must be handled on purpose. List the members
          // that share the default branch as empty `case`s falling through to it.
          considerDefaultExhaustiveForUnions: false,
          allowDefaultCaseForExhaustiveSwitch: true,
        },
      ],
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: `async` without `await` is used on purpose here — Nest lifecycle hooks and interface
      // methods that must return a promise, async generators standing in for streams in tests.
      // Dropping `async` would turn a rejected promise into a synchronous throw. The hazards this
      // rule hints at are covered by no-floating-promises / no-misused-promises / await-thenable.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // Tests: Jest's asymmetric matchers (expect.any, expect.objectContaining, ...) are typed `any`,
  // and specs routinely JSON.parse fixtures and poke at the result, so the no-unsafe-* family is
  // noise there; production code keeps it as errors (it barely fires: JSON input is validated into
  // types at the edges). `unbound-method` misfires on `expect(mock.method).toHaveBeenCalled()`.
  {
    name: 'tns/typescript/tests',
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // 3. Boundaries (one block per package; later blocks win for overlapping globs).
  ...Object.keys(LIB_DEPENDENCIES).flatMap(libBoundaryBlocks),
  ...appBoundaryBlocks,

  // Root-level JS config files (jest.config.js, eslint.config.mjs): not in tsconfig, so no type
  // information — lint them with the plain JS rules only.
  {
    name: 'tns/javascript',
    files: JS_FILES,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { __dirname: 'readonly', __filename: 'readonly', process: 'readonly', console: 'readonly' },
    },
  },
  {
    name: 'tns/javascript/commonjs',
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
