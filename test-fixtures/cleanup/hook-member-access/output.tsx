export function Cart() {
  return <NewCart />;
}
