/**
 * A talk's keys (`--talk`), layered over whatever screen is showing, the help included: a clicker has
 * two or three buttons, and each must always do the same thing, whatever the presenter pressed before.
 *
 * Clickers send PageDown / PageUp by default; those go from stop to stop. Some are set to send → / ←
 * instead, and their "blank screen" button sends `b` or `.`; here → ← and b keep their training
 * meaning (one iteration, back one step), which is what a presenter at the keyboard needs between stops,
 * and `.` (otherwise unused) shows the stop's note again.
 */
import type { CommandTable } from './command.js';

export const TALK_COMMANDS: CommandTable = [
  { keys: ['pagedown'], description: 'next stop of the talk', hint: 'stops', hintKey: 'PgDn PgUp', action: { type: 'talk-go', by: 1 } },
  { keys: ['pageup'], description: 'previous stop, exactly as it was on arrival', action: { type: 'talk-go', by: -1 } },
  { keys: ['.'], description: "the stop's note again", action: { type: 'talk-note' } },
];
