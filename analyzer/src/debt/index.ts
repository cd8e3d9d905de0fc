export * from './types';
export { buildDebtReport, emptyStatusCounts, NO_OWNER, type DebtInput } from './build';
export { collectDebt, usageLines, type CollectDebtOptions } from './collect';
export * from './format';
export { cleanupDryRunLines } from './removable';
export { withDebt, type JsonReportWithDebt } from './json';
export { renderDebtText } from './text';
