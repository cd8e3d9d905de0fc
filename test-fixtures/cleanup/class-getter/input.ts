export class Checkout {
  constructor(private readonly client: Client) {}

  private get isNew() {
    return this.client.isEnabled('new-checkout');
  }

  title() {
    if (this.isNew) {
      return 'New';
    }
    return 'Old';
  }
}
