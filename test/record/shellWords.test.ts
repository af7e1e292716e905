import { describe, expect, it } from 'vitest';
import { joinWords, quoteWord, splitWords } from '../../src/record/shellWords.js';

describe('the header command as shell words', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(joinWords(['streetlight-tui', 'deep-net', '--alpha', '0.5', '--talk', 'talks/x.json'])).toBe('streetlight-tui deep-net --alpha 0.5 --talk talks/x.json');
    expect(quoteWord('my talk.json')).toBe("'my talk.json'");
    expect(quoteWord("it's")).toBe("'it'\\''s'");
    expect(quoteWord('')).toBe("''");
    expect(quoteWord('$HOME')).toBe("'$HOME'");
  });

  it('reads back the very words it wrote, whatever they hold', () => {
    const words = ['streetlight-tui', 'a b', "it's", 'x"y', 'back\\slash', '', 'é ü', '$(rm -rf)', 'tab\there'];
    expect(splitWords(joinWords(words))).toEqual(words);
  });

  it('reads the quoting a person would type, and refuses an open quote', () => {
    expect(splitWords('streetlight-tui  "my talk.json" a\\ b  \'c d\'e')).toEqual(['streetlight-tui', 'my talk.json', 'a b', 'c de']);
    expect(splitWords('"a \\"b\\" \\$c \\d"')).toEqual(['a "b" $c \\d']);
    expect(splitWords("streetlight-tui 'open")).toBeUndefined();
    expect(splitWords('streetlight-tui "open')).toBeUndefined();
    expect(splitWords('')).toEqual([]);
  });
});
