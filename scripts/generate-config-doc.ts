// Writes docs/config.md from the config schema: `npx tsx scripts/generate-config-doc.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderConfigDoc } from '../src/config/index.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'config.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderConfigDoc());
console.log(`wrote ${target}`);
