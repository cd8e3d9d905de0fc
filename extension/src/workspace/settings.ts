import * as vscode from 'vscode';
import { DEFAULT_SEVERITIES, DIAGNOSED_STATUSES, type DiagnosedStatus, type SeverityName } from '../mapping/diagnostics';

/** The `flagsweep.*` settings, read fresh each time (cheap) so changes apply without a reload. */
export interface Settings {
  configFile: string;
  severities: Record<DiagnosedStatus, SeverityName>;
  fadeUnreachableBranches: boolean;
  refreshIntervalSeconds: number;
  offline: boolean;
  statusBar: boolean;
  debounceMs: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('flagsweep', scope);
  const severities = { ...DEFAULT_SEVERITIES };
  for (const status of DIAGNOSED_STATUSES) severities[status] = c.get<SeverityName>(`severity.${status}`, DEFAULT_SEVERITIES[status]);
  return {
    configFile: c.get<string>('configFile', ''),
    severities,
    fadeUnreachableBranches: c.get<boolean>('fadeUnreachableBranches', true),
    refreshIntervalSeconds: c.get<number>('refreshIntervalSeconds', 300),
    offline: c.get<boolean>('offline', false),
    statusBar: c.get<boolean>('statusBar', true),
    debounceMs: c.get<number>('debounceMs', 150),
  };
}
