export function checkout() {
  return legacy();
}

export function header() {
  return false;
}
