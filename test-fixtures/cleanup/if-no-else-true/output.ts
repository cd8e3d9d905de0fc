export function track(client: Client, event: string) {
  send(event);
  log(event);
}
