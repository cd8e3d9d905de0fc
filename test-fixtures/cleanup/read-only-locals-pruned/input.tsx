import React from 'react';

const Summary = React.lazy(() => import('./Summary'));

export function Resize({ database, types, tabs }: Props) {
  const flags = useFlags();
  const current = types?.find((type) => type.id === database?.type);
  const saved = types.map((type) => save(type));
  const summaryIndex = tabs.findIndex((tab) => tab.title === 'Summary');
  if (isDefaultDatabase(database) && flags.planResize) {
    return <Summary index={summaryIndex} current={current} />;
  }
  return <Plain saved={saved} />;
}
