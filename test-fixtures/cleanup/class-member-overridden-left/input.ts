class Checkout {
  protected useNewFlow(): boolean {
    return client.isEnabled('new-checkout');
  }
  label() {
    return this.useNewFlow() ? 'new' : 'old';
  }
}

class AdminCheckout extends Checkout {
  protected useNewFlow(): boolean {
    return false;
  }
}

export const labels = [new Checkout().label(), new AdminCheckout().label()];
