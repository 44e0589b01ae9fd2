#!/usr/bin/env node
// @ts-check
// Run by `npm start` and `npm run dev` before electron-vite: makes sure the Electron binary is
// there (downloading it once with Electron's own installer), or says clearly why it is not.
import { ensureElectron } from './lib/ensure-electron.mjs';

process.exitCode = ensureElectron({
  projectDir: process.cwd(),
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
