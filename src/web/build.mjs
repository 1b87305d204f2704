#!/usr/bin/env node
/**
 * Builds the review console into dist/web (or --out DIR): one JavaScript bundle (preact, the
 * page, the domain taxonomy it shows labels from) and one stylesheet, both named by content hash,
 * and index.html pointing at them. Nothing is loaded from elsewhere at run time.
 *
 *   node src/web/build.mjs [--out DIR] [--dev]
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function parseArgs(argv) {
  const out = argv.indexOf('--out');
  return { outDir: resolve(out >= 0 && argv[out + 1] ? argv[out + 1] : join(root, 'dist/web')), dev: argv.includes('--dev') };
}

/** Bundles the console; returns the files written (relative to outDir). */
export async function buildWebConsole({ outDir, dev = false }) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: { app: join(here, 'main.tsx'), styles: join(here, 'styles.css') },
    outdir: outDir,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    tsconfig: join(here, 'tsconfig.json'),
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => relative(outDir, resolve(root, file)));
  const script = outputs.find((f) => f.startsWith('app-') && f.endsWith('.js'));
  const styles = outputs.find((f) => f.startsWith('styles-') && f.endsWith('.css'));
  if (!script || !styles) throw new Error(`web/build: expected app-*.js and styles-*.css, got ${outputs.join(', ')}`);
  const html = readFileSync(join(here, 'index.html'), 'utf8').replace('__SCRIPT__', `./${basename(script)}`).replace('__STYLES__', `./${basename(styles)}`);
  writeFileSync(join(outDir, 'index.html'), html);
  return [...outputs, 'index.html'];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outDir, dev } = parseArgs(process.argv.slice(2));
  const files = await buildWebConsole({ outDir, dev });
  process.stderr.write(`web: built ${files.join(', ')} in ${relative(process.cwd(), outDir) || '.'}\n`);
}
