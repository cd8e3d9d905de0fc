import { flags } from './flags';

export function fromUse() {
  const layout = flags.getStringValue('layout', 'control') === 'treatment';
  const limit = flags.getStringValue('limit') * 2;
  const menu = flags.getStringValue('menu-config');
  const title = menu.title;
  const parsed = JSON.parse(flags.getStringValue('rules-json'));
  switch (flags.getStringValue('checkout')) {
    case 'b':
      break;
  }
  const declared = flags.get('max-items');
  const plain = flags.isOn('new-nav');
  const nothing = flags.getStringValue('opaque-custom');
  return [layout, limit, title, parsed, declared, plain, nothing];
}
