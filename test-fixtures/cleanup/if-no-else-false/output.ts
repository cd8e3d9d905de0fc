export function track(client: Client, event: string) {
  log(event);
}
