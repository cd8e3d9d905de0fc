import * as React from 'react';
import { useFlags } from './flags';

export const VolumeDetails = ({ track }: { track: (page: string) => void }) => {
  const { volumeSummaryPage } = useFlags();
  if (volumeSummaryPage) {
    React.useEffect(() => track('summary'), []);
  }
  return <div>volume</div>;
};
