const BETA = 'routes-beta';

export const routes = [
  { path: '/', component: 'Home' },
  { path: '/beta', component: 'Beta', flag: BETA },
  {
    path: '/reports',
    component: 'Reports',
    flag: 'routes-reports',
  },
];
