export class Checkout {
  constructor(private readonly client: Client) {}

  title() {
    return 'Old';
  }
}
