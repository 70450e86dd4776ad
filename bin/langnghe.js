#!/usr/bin/env node
// The `langnghe` command: runs the compiled CLI (built by `npm run build`, which `npm install` runs).
import { runCli } from '../dist/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
