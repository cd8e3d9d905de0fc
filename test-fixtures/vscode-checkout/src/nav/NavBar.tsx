import { config } from '../config';

export function NavBar() {
  return config.featureToggles.newNav ? <nav className="nav-v2" /> : <nav className="nav" />;
}
