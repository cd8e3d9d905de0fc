export const T = <T,>(x: T) => <Feature flag="from-tsx">{String(x)}</Feature>;
