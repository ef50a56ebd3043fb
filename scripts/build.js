#!/usr/bin/env node
// Compiles apps/, libs/, migrations/ and scripts/*.ts to dist/ with SWC (seconds, not minutes) and
// writes dist/register-aliases.js so `@app/<lib>` imports resolve at run time. `npm run typecheck`
// (tsc --noEmit) is the type check; the test command runs it.
'use strict';
const { readdirSync, statSync, mkdirSync, writeFileSync, rmSync } = require('node:fs');
const { join, relative, dirname } = require('node:path');
const { transformFileSync } = require('@swc/core');

const root = join(__dirname, '..');
const out = join(root, 'dist');
const roots = ['apps', 'libs', 'migrations', 'scripts'];
const swcOptions = {
  swcrc: false,
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
};

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === '__tests__' || name === 'node_modules') continue;
      yield* sources(path);
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name)) {
      yield path;
    }
  }
}

const started = Date.now();
rmSync(out, { recursive: true, force: true });
let count = 0;
for (const top of roots) {
  for (const file of sources(join(root, top))) {
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    const { code, map } = transformFileSync(file, { ...swcOptions, filename: file, sourceFileName: relative(dirname(target), file) });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map`);
    if (map) writeFileSync(`${target}.map`, map);
    count += 1;
  }
}
writeFileSync(
  join(out, 'register-aliases.js'),
  `'use strict';
// Resolves @app/<lib> to dist/libs/<lib>/src at run time (the compiled twin of tsconfig "paths").
const Module = require('node:module');
const { join } = require('node:path');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = /^@app\\/([a-z-]+)$/.exec(request);
  if (match) request = join(__dirname, 'libs', match[1], 'src');
  return original.call(this, request, ...rest);
};
process.setSourceMapsEnabled(true);
`,
);
console.log(`build: ${count} files compiled to dist/ in ${Date.now() - started} ms`);
