export const testSetup = {
  flags: {
    'new-checkout': true,
    'dark-mode': false,
  },
};
