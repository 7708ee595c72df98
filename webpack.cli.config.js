/* Bundles the `bontot` command line into dist/cli/bontot.js + commands.js, the files bin/bontot.js
 * runs. One minified file instead of ~140 modules (the CLI's own and zod's) saves Node the
 * resolving, reading and compiling of each at every start (measured in the README, Performance:
 * cli_small_vs_node_ratio). ExcelJS stays an external `require`, loaded only by the commands that
 * write (src/hosts/xlsx/exceljs.ts, loadExcelJs).
 * `tsc -p tsconfig.cli.json` still compiles the same sources module by module into dist/cli/ (the
 * tests run that; the launcher falls back to it when the bundle is missing).
 */
'use strict';
const path = require('path');

module.exports = (_env = {}, argv = {}) => ({
  name: 'cli',
  mode: argv.mode || 'production',
  target: 'node20',
  devtool: false,
  entry: {
    bontot: './src/cli.ts',
  },
  output: {
    path: path.resolve(__dirname, 'dist', 'cli'),
    filename: '[name].js',
    chunkFilename: '[name].js',
    library: { type: 'commonjs2' },
    // Only the bundle's files: dist/cli also holds tsc's output, which this build must not remove.
    clean: false,
  },
  externals: { exceljs: 'commonjs exceljs' },
  externalsPresets: { node: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          // ES modules let webpack drop what the CLI never calls (zod/mini's unused schemas, locales).
          options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.bundle.json') },
        },
      },
    ],
  },
  // __dirname and __filename are the bundle's own (the version lookup).
  node: { __dirname: false, __filename: false },
  // bontot.js holds the launcher and the help texts (what --help and --version run); every command
  // and the core are in commands.js, read on the first command (src/cli.ts names that chunk).
  optimization: { minimize: true, splitChunks: false },
  performance: { hints: false },
  stats: 'errors-warnings',
});
