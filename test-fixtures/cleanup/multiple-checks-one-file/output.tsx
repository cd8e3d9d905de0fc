export function A({ client }: Props) {
  return <New />;
}

export function B({ client }: Props) {
  return <Modern />;
}

export const c = (client: Client) => true;
