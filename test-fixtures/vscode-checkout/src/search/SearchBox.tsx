import { useFlags } from 'launchdarkly-react-client-sdk';

export function SearchBox() {
  const { searchV2 } = useFlags();
  return searchV2 ? <input placeholder="Ask anything" /> : <input placeholder="Search" />;
}
