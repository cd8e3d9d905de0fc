import { useFeatureFlag } from 'configcat-react';

export function Cat() {
  const { value: isCool, loading } = useFeatureFlag('isCoolFeatureEnabled', false);
  return loading ? null : isCool;
}
