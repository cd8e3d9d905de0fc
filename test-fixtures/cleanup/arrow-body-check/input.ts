export const pickFlow = (client: Client) =>
  client.isEnabled('new-checkout') ? newFlow : oldFlow;
