export const routes = [
  { path: '/', component: Home },
  { path: '/about', component: About },
];
