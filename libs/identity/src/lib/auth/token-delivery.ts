import { registerEnumType } from '@nestjs/graphql';

/** How `login` and `register` hand over the refresh token. */
export enum TokenDelivery {
  /** In the payload, for apps that keep it themselves. */
  PAYLOAD = 'PAYLOAD',
  /** In an HttpOnly cookie that only `/session` receives, for browsers; the payload then holds no refresh token. */
  COOKIE = 'COOKIE',
}

registerEnumType(TokenDelivery, {
  name: 'TokenDelivery',
  description: 'Where `login` and `register` put the refresh token.',
  valuesMap: {
    PAYLOAD: { description: 'In `session.refreshToken` of the payload; renew with `refreshSession`.' },
    COOKIE: {
      description:
        'In an HttpOnly, SameSite=Strict cookie scoped to `/session`; renew with `POST /session/refresh`. Needs the `X-Bottega-Client: web` header and a same-origin request.',
    },
  },
});
