import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { IntlProvider } from 'react-intl';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { loadMessages } from '../../app/i18n';
import { quoteBlock } from './quote';
import { ReplyForm, type ComposerHandle } from './reply-composer';

type Payload = { post: { id: string; thread: { id: string } } | null; userErrors: { code: string; field: string[]; message: string }[] };

async function renderForm(payload: Payload = { post: null, userErrors: [] }) {
  const executeMutation = vi.fn(() => fromValue({ data: { replyToThread: payload } }));
  const client = { executeMutation, executeQuery: vi.fn(() => never) } as unknown as Client;
  const ref = createRef<ComposerHandle>();
  render(
    <Provider value={client}>
      <IntlProvider locale="en" messages={await loadMessages('en')}>
        <ReplyForm ref={ref} threadId="VGhyZWFkOjE" />
      </IntlProvider>
    </Provider>,
  );
  return { executeMutation, ref, area: screen.getByLabelText<HTMLTextAreaElement>('Your reply') };
}

const submit = () => userEvent.setup().click(screen.getByRole('button', { name: 'Publish reply' }));

describe('the reply form', () => {
  it('asks for a reply before sending anything, next to the field', async () => {
    const { executeMutation, area } = await renderForm();
    fireEvent.change(area, { target: { value: '   ' } });
    await submit();
    expect(await screen.findByText('Write your reply first.')).toHaveAttribute('id', 'reply-body-error');
    expect(area).toHaveAttribute('aria-invalid', 'true');
    expect(area.getAttribute('aria-describedby')).toContain('reply-body-error');
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('refuses more than 20,000 characters, counted as people count them', async () => {
    const { executeMutation, area } = await renderForm();
    fireEvent.change(area, { target: { value: 'è'.repeat(20_001) } });
    await submit();
    expect(await screen.findByText('Too long: a message has at most 20,000 characters.')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('puts the API’s refusal of the body next to it', async () => {
    const { area } = await renderForm({ post: null, userErrors: [{ code: 'INVALID', field: ['input', 'body'], message: 'bad quote' }] });
    fireEvent.change(area, { target: { value: '> [quote:nope]\n\nHi' } });
    await submit();
    expect(await screen.findByText('Not a valid value.')).toHaveAttribute('id', 'reply-body-error');
  });

  it('sends the reply and empties the form', async () => {
    const { executeMutation, area } = await renderForm({ post: { id: 'UG9zdDox', thread: { id: 'VGhyZWFkOjE' } }, userErrors: [] });
    fireEvent.change(area, { target: { value: 'Thanks, **useful**.' } });
    await submit();
    await waitFor(() => expect(area).toHaveValue(''));
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: { threadId: 'VGhyZWFkOjE', body: 'Thanks, **useful**.' } } }),
      expect.anything(),
    );
  });

  it('quotes a post into the reply, as a reply to it, with focus on the text', async () => {
    const { executeMutation, ref, area } = await renderForm({ post: { id: 'UG9zdDoy', thread: { id: 'VGhyZWFkOjE' } }, userErrors: [] });
    fireEvent.change(area, { target: { value: 'First thought' } });
    ref.current?.quote({ id: 'UG9zdDox', author: 'Marco Bianchi', text: 'We *tried* [this] in   Bergamo.' });
    await waitFor(() => expect(area).toHaveFocus());
    expect(area).toHaveValue('First thought\n\n> [quote:UG9zdDox]\n> We \\*tried\\* \\[this\\] in Bergamo.\n\n');
    expect(await screen.findByText('In reply to Marco Bianchi.')).toBeInTheDocument();
    await userEvent.setup().type(area, 'Agreed.');
    await submit();
    expect(executeMutation).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { input: expect.objectContaining({ replyToId: 'UG9zdDox' }) } }),
      expect.anything(),
    );
  });

  it('builds a quote the API reads: marker, one line of excerpt cut near 240 characters', () => {
    const block = quoteBlock('abc', `${'word '.repeat(100)}`);
    const [marker, excerpt] = block.split('\n');
    expect(marker).toBe('> [quote:abc]');
    expect(excerpt?.endsWith('…')).toBe(true);
    expect([...(excerpt ?? '')].length).toBeLessThanOrEqual(243);
    expect(quoteBlock('abc', '1. first')).toBe('> [quote:abc]\n> 1\\. first\n\n');
  });
});
