export const routes = [
  { path: '/', component: Home },
  { path: '/reports', component: Reports },
];
