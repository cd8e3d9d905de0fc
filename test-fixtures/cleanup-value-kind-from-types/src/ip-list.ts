import { useExperiment } from './experiments';

export function ipList(parse: (v: Record<string, string[]>) => string[]): string[] {
  return parse(useExperiment('connector.ipAddresses'));
}
