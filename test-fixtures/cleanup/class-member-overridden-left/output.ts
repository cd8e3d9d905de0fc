class Checkout {
  protected useNewFlow(): boolean {
    return true;
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
