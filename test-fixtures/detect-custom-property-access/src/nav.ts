declare const config: { featureToggles: Record<string, boolean> };

export class Nav {
  config = config;

  render() {
    const compact = config.featureToggles.compactNav;
    const beta = this.config?.featureToggles?.betaMenu;
    const { searchBar, 'mega-menu': mega } = config.featureToggles;
    config.featureToggles.compactNav = false;
    return compact && beta && searchBar && mega;
  }
}
