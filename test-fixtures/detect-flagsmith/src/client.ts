import flagsmith from 'flagsmith';

export function header() {
  if (flagsmith.hasFeature('header-v2')) {
    return flagsmith.getValue('header-title');
  }
  return null;
}
