export function label(client: Client, vip: boolean) {
  return vip ? 'VIP' : client.isEnabled('new-checkout') ? 'Pay now' : 'Checkout';
}
