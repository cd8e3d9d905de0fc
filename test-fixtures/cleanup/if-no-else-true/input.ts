export function track(client: Client, event: string) {
  if (client.isEnabled('new-checkout')) {
    send(event);
  }
  log(event);
}
