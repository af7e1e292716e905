/**
 * The instruments hooked into the app reducer: the weight inspector, editing the lights, the alpha
 * ladder and comparing two runs. Each keeps its state in a field of AppState (undefined while off) and
 * its logic in its own module (inspect.ts, edit.ts, live.ts, compare.ts); this module routes their
 * actions, says which keymap contexts they take, and steps both runs of a comparison.
 */
import type { SessionAction } from './state.js';
import type { AppState } from './app.js';
import type { Context } from './keymap/command.js';
import { compareProblem } from './compareProblem.js';
import { changeMenuValue, menuSettings, moveMenu, openMenu, settingsArgument, startRuns, lockstep } from './compare.js';
import { changesText, draftData, editReducer, hasChanges, openEditor, type EditAction } from './edit.js';
import { moveCursor, openInspector, cursorFor, weightName, type Direction } from './inspect.js';
import { applyLiveChange, nextAlpha, whenText, ALPHA_LADDER } from './live.js';

export type InstrumentAction =
  | { readonly type: 'inspect-open' }
  | { readonly type: 'inspect-close' }
  | { readonly type: 'inspect-move'; readonly direction: Direction }
  | { readonly type: 'edit-open' }
  | EditAction
  | { readonly type: 'edit-apply' }
  | { readonly type: 'edit-cancel' }
  | { readonly type: 'alpha-step'; readonly by: 1 | -1 }
  | { readonly type: 'compare-menu' }
  | { readonly type: 'compare-menu-move'; readonly by: 1 | -1 }
  | { readonly type: 'compare-menu-change'; readonly by: 1 | -1 }
  | { readonly type: 'compare-start' }
  | { readonly type: 'compare-leave' };

const TYPES: ReadonlySet<string> = new Set<InstrumentAction['type']>([
  'inspect-open',
  'inspect-close',
  'inspect-move',
  'edit-open',
  'edit-move',
  'edit-toggle',
  'edit-label',
  'edit-add',
  'edit-delete',
  'edit-apply',
  'edit-cancel',
  'alpha-step',
  'compare-menu',
  'compare-menu-move',
  'compare-menu-change',
  'compare-start',
  'compare-leave',
]);

export function isInstrumentAction(action: { readonly type: string }): action is InstrumentAction {
  return TYPES.has(action.type);
}

/** Every instrument off: a scenario opened anew, or the picker. */
export const NO_INSTRUMENTS = { inspect: undefined, edit: undefined, compare: undefined, live: undefined } as const;

export function instrumentReducer(app: AppState, action: InstrumentAction): AppState {
  const session = app.session;
  if (!session) return app;
  const t = session.trainer;
  switch (action.type) {
    case 'inspect-open': {
      const inspect = app.inspect ?? openInspector(t.weights);
      const name = weightName(cursorFor(inspect, t.weights));
      return { ...app, inspect, notice: `Inspecting ${name}: the arrows choose a weight; the training keys still train.` };
    }
    case 'inspect-close':
      return { ...app, inspect: undefined };
    case 'inspect-move':
      return app.inspect ? { ...app, inspect: moveCursor({ cursor: cursorFor(app.inspect, t.weights) }, t.weights, action.direction) } : app;
    case 'edit-open':
      return { ...app, edit: openEditor(t.setup), session: { ...session, playing: false } };
    case 'edit-move':
    case 'edit-toggle':
    case 'edit-label':
    case 'edit-add':
    case 'edit-delete':
      return app.edit ? { ...app, edit: editReducer(app.edit, action) } : app;
    case 'edit-cancel': {
      const edit = app.edit;
      if (!edit) return app;
      if (hasChanges(edit, t.setup) && !edit.discarding) return { ...app, edit: { ...edit, discarding: true, problem: undefined } };
      return { ...app, edit: undefined, notice: hasChanges(edit, t.setup) ? 'Edits discarded: the lights are as they were.' : 'Editor closed: nothing changed.' };
    }
    case 'edit-apply':
      return applyEdit(app);
    case 'alpha-step': {
      const from = t.setup.alpha;
      const alpha = nextAlpha(from, action.by);
      if (alpha === undefined) {
        const end = action.by > 0 ? `top (${ALPHA_LADDER.at(-1)})` : `bottom (${ALPHA_LADDER[0]})`;
        return { ...app, notice: `α ${from} is at the ${end} of the ladder ${ALPHA_LADDER[0]} … ${ALPHA_LADDER.at(-1)}.` };
      }
      const applied = applyLiveChange(session, app.live, 'alpha', (setup) => ({ ...setup, alpha }));
      return { ...app, session: applied.session, live: applied.log, notice: `α ${from} → ${alpha} ${whenText(applied)}; the error chart marks it, b undoes it.` };
    }
    case 'compare-menu':
      return { ...app, compare: openMenu(session), edit: undefined, inspect: undefined, session: { ...session, playing: false } };
    case 'compare-menu-move':
      return app.compare?.kind === 'menu' ? { ...app, compare: moveMenu(app.compare, action.by) } : app;
    case 'compare-menu-change':
      return app.compare?.kind === 'menu' ? { ...app, compare: changeMenuValue(app.compare, action.by, t.setup.trainRows.length) } : app;
    case 'compare-start': {
      if (app.compare?.kind !== 'menu') return app;
      const settings = menuSettings(app.compare, session);
      if (Object.keys(settings).length === 0) return { ...app, notice: 'Change a setting with ← → first: the second run needs something of its own.' };
      return startComparison(app, settings);
    }
    case 'compare-leave':
      return { ...app, compare: undefined, notice: app.compare?.kind === 'runs' ? 'Left the comparison: run A goes on as it is.' : app.notice };
  }
}

/** Starts comparing the session with a second run of `settings`, both from the start. */
export function startComparison(app: AppState, settings: Parameters<typeof startRuns>[1]): AppState {
  if (!app.session) return app;
  try {
    const { first, runs } = startRuns(app.session, settings);
    return { ...app, ...NO_INSTRUMENTS, session: first, compare: runs, notice: undefined };
  } catch (error) {
    return { ...app, notice: `Cannot compare with ${settingsArgument(settings)}: ${compareProblem(error)}` };
  }
}

function applyEdit(app: AppState): AppState {
  const { edit, session } = app;
  if (!edit || !session) return app;
  const setup = session.trainer.setup;
  const changes = changesText(edit, setup);
  if (changes === '') return { ...app, edit: undefined, notice: 'Nothing changed: the editor is closed.' };
  const data = draftData(edit, setup);
  if (data.trainRows.length === 0) return { ...app, edit: { ...edit, problem: 'No row is left to train on: add one (o), or cancel (Esc).' } };
  const applied = applyLiveChange(session, app.live, 'data', (s) => ({ ...s, ...data }));
  return {
    ...app,
    edit: undefined,
    session: applied.session,
    live: applied.log,
    notice: `Applied (${changes}) ${whenText(applied)}, from the current weights; b undoes it.`,
  };
}

/** A session action while comparing: both runs take it. */
export function compareSessions(app: AppState, action: SessionAction): AppState {
  if (app.compare?.kind !== 'runs' || !app.session) return app;
  const { first, runs } = lockstep(app.session, app.compare, action);
  return { ...app, session: first, compare: runs };
}

/** The contexts the instruments take keys in, most specific first; undefined when none is on. */
export function instrumentContexts(app: AppState): Context[] | undefined {
  const session = app.session;
  if (!session) return undefined;
  if (app.compare?.kind === 'menu') return ['compare-menu'];
  if (app.compare?.kind === 'runs') return session.running || app.compare.other.running ? ['running'] : ['compare'];
  // A run to the end in progress takes every key (any key stops it).
  if (session.running) return undefined;
  if (app.edit) return ['edit'];
  if (app.inspect) return ['inspect', 'training'];
  return undefined;
}

/** The caption's first line while an instrument needs one (the editor); undefined otherwise. */
export function instrumentCaption(app: AppState): string | undefined {
  const { edit, session } = app;
  if (!edit || !session) return undefined;
  if (edit.problem) return edit.problem;
  const setup = session.trainer.setup;
  const changes = changesText(edit, setup);
  if (edit.discarding) return `Esc again discards the changes (${changes}); Enter applies them.`;
  const t = session.trainer;
  const boundary = t.cursor === 0 && t.rowPhase === undefined && t.pending === undefined;
  const enter = boundary ? `Enter trains on from iteration ${t.iteration + 1}` : `Enter finishes iteration ${t.iteration + 1}, then trains on`;
  return `Editing row ${edit.row}, lamp ${edit.lamp}${changes ? ` (${changes})` : ''}. ${enter}.`;
}
