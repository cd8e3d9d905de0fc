function isNewCheckout(client: Client) {
  return client.isEnabled('new-checkout');
}

export function checkout(client: Client) {
  if (isNewCheckout(client)) {
    return modern();
  }
  return legacy();
}
