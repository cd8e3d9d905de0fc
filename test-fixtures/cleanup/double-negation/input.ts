export const isOn = (client: Client) => !!client.isEnabled('new-checkout');
