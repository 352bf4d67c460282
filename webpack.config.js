// Builds the task pane into dist/ (npm run build), with the production manifest for the configured
// base URL, and serves it over https on localhost:3000 with Office's development certificates (npm start).
/* eslint-disable @typescript-eslint/no-require-imports -- webpack loads this file as CommonJS */
const { spawn } = require('node:child_process');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { configuredBaseUrl, normaliseBaseUrl, productionManifest } = require('./production-manifest');

const DEV_PORT = 3000;

async function httpsOptions() {
  // Creates and trusts a localhost certificate the first time (it may ask for your password).
  const devCerts = require('office-addin-dev-certs');
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (error) {
    throw new Error(
      `Could not set up the localhost certificate Office needs (${error.message}). ` +
        'Run `npx office-addin-dev-certs install` from an account that may install certificates, then `npm start` again.',
    );
  }
}

/**
 * Where a desktop Excel exists (Windows, macOS), registers manifest.xml with it and opens it.
 * office-addin-debugging is fetched on demand rather than installed: it depends on keytar,
 * a native module that neither CI nor Excel on the web needs.
 */
function sideloadIntoDesktopExcel() {
  if (!['win32', 'darwin'].includes(process.platform) || process.env.RAGBOOK_NO_SIDELOAD) {
    console.log(`Ragbook is served on https://localhost:${DEV_PORT}/taskpane.html: upload manifest.xml to Excel on the web (README, "The add-in").`);
    return;
  }
  const args = ['--yes', 'office-addin-debugging@7.0.0', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--no-debug', '--dev-server-port', String(DEV_PORT)];
  spawn('npx', args, { stdio: 'inherit', shell: process.platform === 'win32' });
}

module.exports = async (_env, argv) => {
  const development = argv.mode !== 'production';
  const serving = process.env.WEBPACK_SERVE === 'true';
  // Checked before building, so a bad address stops the build with its reason.
  const baseUrl = development ? undefined : normaliseBaseUrl(configuredBaseUrl());
  if (baseUrl) console.log(`dist/manifest.xml: the add-in served from ${baseUrl} (RAGBOOK_BASE_URL or package.json config.baseUrl)`);
  return {
    mode: development ? 'development' : 'production',
    devtool: development ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // TypeScript's ECMAScript imports name modules "./x.js"; the source is ./x.ts.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      // A name imported but not exported (say the zip code starts using another zlib call) fails the build.
      parser: { javascript: { exportsPresence: 'error' } },
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `npm run typecheck`; here each file is only transpiled, as modules webpack can tree-shake.
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2020', sourceMap: false } },
          },
        },
      ],
    },
    plugins: [
      // The file adapter's zip code uses Node's zlib; in the pane (exports only) fflate does the same work.
      new webpack.NormalModuleReplacementPlugin(/^node:zlib$/, path.resolve(__dirname, 'src/adapters/office/browser-zlib.ts')),
      // Its parts deflater asks for a thread only where a package is patched, which the pane never does.
      new webpack.NormalModuleReplacementPlugin(/^node:worker_threads$/, path.resolve(__dirname, 'src/adapters/office/browser-worker-threads.ts')),
      // The CLI loads exceljs lazily with require(); the pane imports its script build with the export chunk.
      new webpack.NormalModuleReplacementPlugin(/\/load-exceljs(\.js)?$/, path.resolve(__dirname, 'src/adapters/office/browser-exceljs.ts')),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/taskpane/commands.html', chunks: [] }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/icon-*.png', to: 'assets/[name][ext]' }, { from: 'manifest.xml', ...(baseUrl && { transform: (content) => productionManifest(content.toString('utf8'), baseUrl) }) }, { from: 'node_modules/exceljs/dist/exceljs.min.js' }] }),
    ],
    // exceljs (for exports only) ships a minified browser build: copied as it is and loaded
    // with a script tag the first time an export needs it, never part of the pane's bundle.
    externalsType: 'script',
    externals: { exceljs: ['exceljs.min.js', 'ExcelJS'] },
    performance: { hints: false },
    devServer: serving
      ? {
          port: DEV_PORT,
          server: { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          onListening: sideloadIntoDesktopExcel,
        }
      : undefined,
  };
};
