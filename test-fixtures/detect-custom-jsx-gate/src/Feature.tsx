export function Feature(props: { flag?: string; not?: boolean; children?: unknown }) {
  return props.children ?? null;
}
