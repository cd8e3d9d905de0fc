export function label(client: Client, vip: boolean) {
  return vip ? 'VIP' : 'Pay now';
}
