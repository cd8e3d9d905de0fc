export function Cart() {
  return <OldCart />;
}
