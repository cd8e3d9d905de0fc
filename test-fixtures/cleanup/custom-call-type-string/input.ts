import { flags } from './flags';

export function banner() {
  return render(flags.get('banner-text'));
}
