class Checkout {
  private readonly useNew: boolean = true;

  constructor(forceLegacy: boolean) {
    if (forceLegacy) this.useNew = false;
  }

  total(cart: number[]) {
    return this.useNew ? cart.length : 0;
  }
}

export const total = new Checkout(true).total([1]);
