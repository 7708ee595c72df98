/* Builds everything into dist/:
 *  - functions.js + functions.json (custom functions; one self-contained bundle because the metadata
 *    plugin appends top-level CustomFunctions.associate calls to it),
 *  - taskpane.html + taskpane.js (the pane inside Excel and the standalone page; ExcelJS is a lazy
 *    chunk loaded only in standalone mode),
 *  - help/functions.html (generated from functions.json), assets/ (icons, office.js served locally),
 *  - manifest.xml with every URL on the chosen origin (--env origin=https://host/path),
 *  (The `bontot` command line is compiled by tsc -p tsconfig.cli.json into dist/cli/; clean keeps it.)
 */
'use strict';
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { HelpPagesPlugin } = require('./scripts/help-pages');

const { DEV_ORIGIN, normaliseOrigin, rewriteOrigin: rewriteTo } = require('./scripts/origin');
/** What office.js needs beside it: the host table, Excel's host files and every locale's strings. */
const OFFICE_JS_FILES = ['office.js', 'o15apptofilemappingtable.js', 'custom-functions-runtime.js', 'excel*.js', '*/office_strings.js'];
const dist = path.resolve(__dirname, 'dist');

const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      // ES modules (tsconfig.bundle.json) let webpack tree-shake zod/mini; CommonJS would pull in every zod locale.
      configFile: path.resolve(__dirname, 'tsconfig.bundle.json'),
    },
  },
};

module.exports = (env = {}, argv = {}) => {
  const origin = normaliseOrigin(env.origin);
  const mode = argv.mode || 'production';
  const rewriteOrigin = (content) => rewriteTo(content, origin);

  const web = {
    name: 'web',
    mode,
    target: 'web',
    devtool: mode === 'production' ? false : 'source-map',
    entry: {
      // functions.js carries the webpack runtime and the core both scripts use; taskpane.js (loaded
      // after it on the same page) takes the shared modules from it instead of a second copy.
      functions: './functions/functions.ts',
      taskpane: { import: './taskpane/taskpane.ts', dependOn: 'functions' },
    },
    output: {
      path: dist,
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      // Relative to the page (taskpane.html sits beside the scripts). 'auto' would probe
      // document.currentScript, which functions.js cannot rely on outside a page.
      publicPath: '',
      // The chunk registry lives on globalThis: functions.js also runs where there is no `self`.
      globalObject: 'globalThis',
      clean: { keep: /^cli\// },
    },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    optimization: {
      // functions.js must stay one file: no runtime chunk, no split of the initial chunks. One
      // shared lazy chunk: the summary's layout ("summary"), which the Excel pane loads on its first
      // Tổng hợp write and the standalone page's chunks and the board's both use, so it is one
      // file and not a copy in each of them.
      runtimeChunk: false,
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          default: false,
          defaultVendors: false,
          summary: { test: /[\\/]src[\\/]workbook[\\/]layout[\\/]summary\.ts$/, name: 'summary', chunks: 'async', enforce: true },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        inject: 'body',
        scriptLoading: 'blocking',
      }),
      new HelpPagesPlugin({
        metadata: 'functions.json',
        examples: path.resolve(__dirname, 'functions/examples.json'),
        errors: path.resolve(__dirname, 'functions/errors.json'),
        output: 'help',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'samples/*.xlsx', to: 'samples/[name][ext]', noErrorOnMissing: true },
          // office.js and the companion files it loads lazily (host files, locale strings), already minified.
          ...OFFICE_JS_FILES.map((file) => ({
            from: file,
            context: 'node_modules/@microsoft/office-js/dist',
            to: 'assets/office-js',
            info: { minimized: true },
            globOptions: { ignore: ['**/*.debug.js'] },
          })),
          { from: 'manifest.xml', to: 'manifest.xml', transform: rewriteOrigin },
        ],
      }),
      {
        // functions.json carries the help URLs: they follow the origin too.
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('RewriteOrigin', (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: 'RewriteOrigin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
              () => {
                const asset = compilation.getAsset('functions.json');
                if (asset && origin !== DEV_ORIGIN) {
                  compilation.updateAsset('functions.json', new compiler.webpack.sources.RawSource(rewriteOrigin(asset.source.source())));
                }
              },
            );
          });
        },
      },
    ],
  };

  return [web];
};
