// Every user verb, in the order the help overlay lists them.
import { cancelImport } from './cancelImport';
import { focusSearch } from './focusSearch';
import { nextDivergence } from './nextDivergence';
import { openEvidence } from './openEvidence';
import { openSample } from './openSample';
import { showHelp } from './showHelp';
import { toggleSql } from './toggleSql';
import { toggleTheme } from './toggleTheme';
import type { Action } from './types';

export const ACTIONS: readonly Action[] = [openEvidence, openSample, nextDivergence, focusSearch, toggleSql, toggleTheme, showHelp, cancelImport];

export { cancelImport, focusSearch, nextDivergence, openEvidence, openSample, showHelp, toggleSql, toggleTheme };
export type { Action } from './types';
