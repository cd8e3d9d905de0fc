export function A({ client }: Props) {
  return client.isEnabled('new-checkout') ? <New /> : <Old />;
}

export function B({ client }: Props) {
  if (!client.isEnabled('new-checkout')) {
    return <Legacy />;
  }
  return <Modern />;
}

export const c = (client: Client) => client.isEnabled('new-checkout') || fallback;
