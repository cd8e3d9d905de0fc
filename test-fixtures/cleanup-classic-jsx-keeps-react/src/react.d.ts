declare module 'react' {
  export function createElement(type: unknown, props?: unknown, ...children: unknown[]): JSX.Element;
  export function useEffect(effect: () => void, deps?: unknown[]): void;
  export const Fragment: unique symbol;
}
declare namespace JSX {
  interface Element {}
  interface IntrinsicElements { [name: string]: unknown }
}
