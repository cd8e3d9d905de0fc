export const rules = [
  { id: 'checkout', enabled: () => true },
  { id: 'legacy', enabled: (ctx: Ctx) => true },
];

export function List({ items }: Props) {
  return items.map((item) => <Row key={item.id} />);
}

export function register(client: Client) {
  on('ready', (event) => start(event));
  on('done', (event) => finish());
}
