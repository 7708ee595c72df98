#!/usr/bin/env node
'use strict';
// Entry point of `npm run bench` (see bench/main.ts for the options). The harness is TypeScript
// that imports the project's sources directly; ts-node compiles it on the fly, types unchecked
// (`npm run typecheck` covers bench/).
const path = require('path');

require('ts-node').register({
  transpileOnly: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
  compilerOptions: { module: 'commonjs', sourceMap: true },
});

require('./main')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  });
