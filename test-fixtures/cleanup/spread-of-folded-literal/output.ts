export function options(client: Client) {
  return {
    items: [{ as: 'a', href: '/new' }],
    extra: ['plain'],
  };
}
