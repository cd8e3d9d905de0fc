import { settings } from './experiments';

export const banner = (print: (text: string) => string): string => print(settings.flags.bannerText);
