/** Text that would drive a terminal if it reached one raw, for the tests that check it never does. */

/**
 * OSC 52 (writes the clipboard: "echo pwned"), OSC 0 (the window's title), screen's and tmux's window
 * rename (ESC k), a CSI that clears the screen, and an 8-bit OSC (C1).
 */
export const HOSTILE = '\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;pwned-title\x07\x1bkpwned-name\x1b\\\x1b[2J\x9d0;c1-title\x9c';
/** What lies inside HOSTILE's strings: none of it may come out, not even as text. */
export const PAYLOADS = ['ZWNobyBwd25lZA', 'pwned-title', 'c1-title'];
/** Any byte a terminal acts on, but the newline that ends each line. */
export const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
