import { useExperiment, readUntyped } from './experiments';

export const heading = (render: (title: string) => string): string => render(useExperiment('sidebar.title'));

export const legacy = (show: (v: unknown) => void): void => show(readUntyped('legacy.toggle'));
