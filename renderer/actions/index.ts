// Every user verb, in the order the help overlay lists them.
import { cancelImport } from './cancelImport';
import { exportReport } from './exportReport';
import { openInvestigation } from './openInvestigation';
import { saveInvestigation, saveInvestigationAs } from './saveInvestigation';
import { focusSearch } from './focusSearch';
import { nextDivergence } from './nextDivergence';
import { openEvidence } from './openEvidence';
import { openSample } from './openSample';
import { present } from './present';
import { showHelp } from './showHelp';
import { toggleSql } from './toggleSql';
import { toggleTheme } from './toggleTheme';
import type { Action } from './types';

export const ACTIONS: readonly Action[] = [openEvidence, openSample, openInvestigation, saveInvestigation, saveInvestigationAs, exportReport, present, nextDivergence, focusSearch, toggleSql, toggleTheme, showHelp, cancelImport];

export { cancelImport, exportReport, present, openInvestigation, saveInvestigation, saveInvestigationAs, focusSearch, nextDivergence, openEvidence, openSample, showHelp, toggleSql, toggleTheme };
export type { Action } from './types';
