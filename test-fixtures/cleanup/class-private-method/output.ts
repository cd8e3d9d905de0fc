export class Checkout {
  constructor(private readonly client: Client) {}

  render() {
    return this.modern();
  }

  modern() { return 1; }
  legacy() { return 0; }
}
