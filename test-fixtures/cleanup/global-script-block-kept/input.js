if (flags.isEnabled('new-checkout')) {
  const banner = document.createElement('div');
  document.body.append(banner);
}
