import { graphql } from '../../app/graphql';

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      access { accessToken accessTokenExpiresAt }
      viewer { id handle displayName }
      userErrors { code field message }
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      access { accessToken accessTokenExpiresAt }
      viewer { id handle displayName }
      userErrors { code field message }
    }
  }
`);

/** Cookie-mode requests must say they come from the web client (the API refuses them otherwise). */
export const WEB_CLIENT = { fetchOptions: { headers: { 'x-bottega-client': 'web' }, credentials: 'same-origin' as const } };
