export function options(client: Client) {
  const allow = client.isEnabled('custom-image');
  return {
    items: [{ as: 'a', href: '/new' }, ...(allow ? [{ as: 'button', label: 'Upload' }] : [])],
    extra: [...(!allow ? ['plain'] : [])],
    ...(allow ? { upload: true } : {}),
  };
}
