import type { FeatureRoutes } from '../../app/routing';

export const routes: FeatureRoutes = () => [
  {
    id: 'sign-in',
    path: 'sign-in',
    lazy: { Component: async () => (await import('./sign-in-page')).SignInPage },
  },
  {
    id: 'register',
    path: 'register',
    lazy: { Component: async () => (await import('./register-page')).RegisterPage },
  },
];
