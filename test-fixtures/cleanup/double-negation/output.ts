export const isOn = (client: Client) => true;
