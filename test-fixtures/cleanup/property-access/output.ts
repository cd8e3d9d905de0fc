export function nav() {
  return renderNew();
}
