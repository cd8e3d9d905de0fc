export const routes = [
  { path: '/', component: Home },
  {
    path: '/reports',
    component: Reports,
    flag: 'new-reports',
  },
  { path: '/about', component: About },
];
