export function nav() {
  return renderOld();
}
