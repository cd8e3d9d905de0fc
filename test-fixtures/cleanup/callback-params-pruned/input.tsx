export const rules = [
  { id: 'checkout', enabled: ({ gb }: Ctx) => gb.isOn('new-checkout') },
  { id: 'legacy', enabled: (ctx: Ctx) => true },
];

export function List({ items, client }: Props) {
  return items.map((item, index) => (client.isOn('new-checkout') ? <Row key={item.id} /> : <OldRow key={index} />));
}

export function register(client: Client) {
  on('ready', (event, flags) => flags.isOn('new-checkout') && start(event));
  on('done', (event) => finish());
}
