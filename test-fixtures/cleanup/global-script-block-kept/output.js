{
  const banner = document.createElement('div');
  document.body.append(banner);
}
