export const pickFlow = (client: Client) => oldFlow;
