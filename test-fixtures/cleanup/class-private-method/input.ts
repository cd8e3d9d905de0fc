export class Checkout {
  constructor(private readonly client: Client) {}

  private useNewFlow(): boolean {
    return this.client.isEnabled('new-checkout');
  }

  render() {
    return this.useNewFlow() ? this.modern() : this.legacy();
  }

  modern() { return 1; }
  legacy() { return 0; }
}
