/** The projector theme: no bright-black (SGR 90) anywhere, bold labels; chosen by --theme, a talk file or STREETLIGHT_THEME. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTheme } from '../../src/ui/theme.js';
import { ensureBuilt, outputOf, parseCastStrict, runCli, tempDir } from '../support/index.js';

const sgrCodes = (output: string) => new Set([...output.matchAll(/\x1b\[([0-9;]*)m/g)].flatMap((m) => m[1]!.split(';')));

describe('the high-contrast theme', () => {
  it('has no faint grey among its colours and bolds the labels', () => {
    const theme = createTheme({ color: true, ascii: false, highContrast: true });
    expect(Object.values(theme.colors)).not.toContain('gray');
    expect(theme.colors.positive).toBe('green');
    expect(theme.boldLabels).toBe(true);
    expect(createTheme({ color: true, ascii: false }).boldLabels).toBeUndefined();
    // Without colour it still bolds (weight carries the hierarchy).
    expect(createTheme({ color: false, ascii: true, highContrast: true }).boldLabels).toBe(true);
  });

  describe('through the built CLI', () => {
    ensureBuilt();
    const tmp = tempDir();
    const recorded = (args: string[], env: Record<string, string> = {}) => {
      const file = path.join(tmp.dir, `${args.join('-').replace(/[^a-z0-9-]/gi, '')}.cast`);
      expect(runCli(['deep-net', '--keys', 's s space z', '--record', file, ...args], env).status).toBe(0);
      return outputOf(parseCastStrict(readFileSync(file, 'utf8')));
    };

    it('writes no SGR 90 with --theme high-contrast, where the default theme does, and bold (SGR 1) on labels', () => {
      expect(sgrCodes(recorded([])).has('90')).toBe(true);
      const high = recorded(['--theme', 'high-contrast']);
      expect(sgrCodes(high).has('90')).toBe(false);
      expect(high).toMatch(/\x1b\[1miter /);
    });

    it('is chosen by STREETLIGHT_THEME, and by a talk file; --theme default wins over both', () => {
      expect(sgrCodes(recorded([], { STREETLIGHT_THEME: 'high-contrast' })).has('90')).toBe(false);
      expect(sgrCodes(recorded(['--theme', 'default'], { STREETLIGHT_THEME: 'high-contrast' })).has('90')).toBe(true);
      const talk = path.join(tmp.dir, 'projector.json');
      writeFileSync(talk, JSON.stringify({ theme: 'high-contrast', stops: [{ scenario: 'deep-net', note: 'n' }] }));
      const file = path.join(tmp.dir, 'talk.cast');
      expect(runCli(['--talk', talk, '--keys', 's', '--record', file]).status).toBe(0);
      const cast = parseCastStrict(readFileSync(file, 'utf8'));
      expect(sgrCodes(outputOf(cast)).has('90')).toBe(false);
      expect(cast.header.command).toBe(`streetlight-tui --talk ${talk} --theme high-contrast`);
    });
  });
});
