/**
 * The README's key table is made from the keymap: this test fails when they differ, and with
 * UPDATE_README=1 it writes the keymap's table into the README instead (`UPDATE_README=1 npx vitest run test/docs`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyTableMarkdown } from '../../src/session/keymap/index.js';
import { ROOT } from '../support/cli.js';

const README = path.join(ROOT, 'README.md');
const BLOCK = /<!-- keys:start -->\n[\s\S]*?<!-- keys:end -->/;

describe('README', () => {
  it('opens with the two commands a newcomer needs', () => {
    const text = readFileSync(README, 'utf8');
    const first = text.slice(0, 400);
    expect(first).toContain('npm install && npx streetlight-tui');
    expect(first).toContain('npm test');
  });

  it('has the keymap\'s key table, as the keymap makes it', () => {
    const text = readFileSync(README, 'utf8');
    const table = `<!-- keys:start -->\n${keyTableMarkdown()}<!-- keys:end -->`;
    if (process.env.UPDATE_README === '1') writeFileSync(README, text.replace(BLOCK, table));
    expect(BLOCK.exec(readFileSync(README, 'utf8'))?.[0]).toBe(table);
  });
});
