import { render } from './test-utils';

describe('checkout', () => {
  it('renders', () => {
    render(<App />, { flags: { 'dark-mode': false } });
  });
  it('mocks', () => {
    mockFlags({
      darkMode: true,
    });
  });
});
