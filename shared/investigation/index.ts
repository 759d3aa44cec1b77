// The `.driftline` investigation file: everything needed to reopen a case without its evidence.
export { saveInvestigation, type SaveExtras } from './save';
export { openInvestigation, verifyInvestigation, InvestigationTamperedError, type OpenedInvestigation, type IntegrityReport } from './open';
export { InvestigationFormatError, decodeContainer } from './container';
export * from './manifest';
export { sha256Hex } from './sha256';
export { compareSources, describeSourceChecks, type SourceCheck } from './sourceCheck';
