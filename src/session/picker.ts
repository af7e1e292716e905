/**
 * The picker's state: which scenario is highlighted and which part of the list is in view. The list
 * scrolls (it never wraps), so the highlight is always on screen; the number of rows in view comes from
 * the picker's layout (the view reports it on every resize), and is clamped here again on every move.
 */
export interface PickerState {
  readonly highlighted: number;
  /** The first scenario in view. */
  readonly top: number;
  /** How many scenarios fit in view (at least 1). */
  readonly room: number;
}

export type PickerMove = number | 'page' | '-page' | 'first' | 'last';

export const INITIAL_PICKER: PickerState = { highlighted: 0, top: 0, room: 1 };

/** `top` adjusted so that the highlight is in view and the window is full where the list allows. */
function scrolled(p: PickerState, count: number): PickerState {
  const room = Math.max(1, Math.min(p.room, Math.max(1, count)));
  const highlighted = Math.max(0, Math.min(count - 1, p.highlighted));
  let top = Math.max(0, Math.min(p.top, count - room));
  if (highlighted < top) top = highlighted;
  if (highlighted >= top + room) top = highlighted - room + 1;
  return { highlighted, top, room: p.room };
}

export function movePicker(p: PickerState, by: PickerMove, count: number): PickerState {
  const target =
    by === 'first' ? 0 : by === 'last' ? count - 1 : by === 'page' ? p.highlighted + p.room : by === '-page' ? p.highlighted - p.room : p.highlighted + by;
  return scrolled({ ...p, highlighted: target }, count);
}

export function withRoom(p: PickerState, room: number, count: number): PickerState {
  return scrolled({ ...p, room: Math.max(1, Math.floor(room)) }, count);
}

export function highlightIndex(p: PickerState, index: number, count: number): PickerState {
  return scrolled({ ...p, highlighted: index }, count);
}

/** The scenarios in view: indices [start, end). */
export function pickerWindow(p: PickerState, count: number): { start: number; end: number } {
  const s = scrolled(p, count);
  const room = Math.max(1, Math.min(s.room, count));
  return { start: s.top, end: Math.min(count, s.top + room) };
}
