import { render } from './test-utils';

describe('checkout', () => {
  it('renders', () => {
    render(<App />, { flags: { 'new-checkout': true, 'dark-mode': false } });
  });
  it('mocks', () => {
    mockFlags({
      newCheckout: true,
      darkMode: true,
    });
  });
});
