import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { Provider, type Client } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { loadMessages } from '../app/i18n';
import { MarkdownEditor } from './markdown-editor';
import { applyMarkdownFormat } from './markdown-format';

describe('applyMarkdownFormat', () => {
  it('wraps the selection in bold or italic marks and keeps it selected', () => {
    expect(applyMarkdownFormat('make this strong', 5, 9, 'bold')).toEqual({ value: 'make **this** strong', selectionStart: 7, selectionEnd: 11 });
    expect(applyMarkdownFormat('make this soft', 5, 9, 'italic')).toEqual({ value: 'make _this_ soft', selectionStart: 6, selectionEnd: 10 });
  });

  it('keeps spaces around the selection outside the marks', () => {
    expect(applyMarkdownFormat('a word here', 1, 7, 'bold').value).toBe('a **word** here');
  });

  it('unwraps a selection already wrapped, inside or outside the marks', () => {
    expect(applyMarkdownFormat('make **this** strong', 7, 11, 'bold')).toEqual({ value: 'make this strong', selectionStart: 5, selectionEnd: 9 });
    expect(applyMarkdownFormat('make **this** strong', 5, 13, 'bold').value).toBe('make this strong');
  });

  it('puts the caret between empty marks when nothing is selected', () => {
    expect(applyMarkdownFormat('ab', 1, 1, 'bold')).toEqual({ value: 'a****b', selectionStart: 3, selectionEnd: 3 });
  });

  it('makes the selection a link and selects the address to type', () => {
    const edit = applyMarkdownFormat('see the guide', 8, 13, 'link');
    expect(edit.value).toBe('see the [guide](https://)');
    expect(edit.value.slice(edit.selectionStart, edit.selectionEnd)).toBe('https://');
    expect(applyMarkdownFormat('', 0, 0, 'link')).toEqual({ value: '[](https://)', selectionStart: 1, selectionEnd: 1 });
  });

  it('marks every selected line as a list item or a quote, on a block of its own', () => {
    expect(applyMarkdownFormat('one\ntwo', 0, 7, 'list').value).toBe('- one\n- two');
    expect(applyMarkdownFormat('intro\none\ntwo', 7, 11, 'quote').value).toBe('intro\n\n> one\n> two');
    expect(applyMarkdownFormat('- one\n- two', 0, 11, 'list').value).toBe('one\ntwo');
  });
});

function Editor({ initial = '', onChange }: { initial?: string; onChange?: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <MarkdownEditor
      id="body"
      label="Message"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
    />
  );
}

async function renderEditor(initial = '', preview = '<p><strong>Hello</strong></p>') {
  const executeQuery = vi.fn(() => fromValue({ data: { markdownPreview: preview } }));
  const client = { executeQuery } as unknown as Client;
  render(
    <Provider value={client}>
      <IntlProvider locale="en" messages={await loadMessages('en')}>
        <Editor initial={initial} />
      </IntlProvider>
    </Provider>,
  );
  return { executeQuery };
}

describe('MarkdownEditor', () => {
  it('formats the selection from the labelled toolbar and keeps the text selected', async () => {
    await renderEditor('hello world');
    const user = userEvent.setup();
    const area = screen.getByLabelText<HTMLTextAreaElement>('Message');
    area.setSelectionRange(6, 11);
    await user.click(screen.getByRole('button', { name: 'Bold (Ctrl+B)' }));
    expect(area).toHaveValue('hello **world**');
    expect(area).toHaveFocus();
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe('world');
  });

  it('is usable from the keyboard: arrows move along the toolbar, Ctrl+I formats in the text', async () => {
    await renderEditor('a note');
    const user = userEvent.setup();
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    const bold = screen.getByRole('button', { name: 'Bold (Ctrl+B)' });
    expect(bold).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('button', { name: 'Quote' })).toHaveAttribute('tabindex', '-1');
    bold.focus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Quote' })).toHaveFocus();
    expect(toolbar).toContainElement(document.activeElement as HTMLElement);
    const area = screen.getByLabelText<HTMLTextAreaElement>('Message');
    area.focus();
    area.setSelectionRange(2, 6);
    await user.keyboard('{Control>}i{/Control}');
    expect(area).toHaveValue('a _note_');
  });

  it('shows the API’s rendering in a live region on Preview, and goes back to writing', async () => {
    const { executeQuery } = await renderEditor('**Hello**');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const region = await screen.findByRole('region', { name: 'Preview of what will be published' });
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region.querySelector('strong')).toHaveTextContent('Hello');
    expect(executeQuery).toHaveBeenCalledWith(expect.objectContaining({ variables: { markdown: '**Hello**' } }), expect.anything());
    expect(screen.getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Write' }));
    expect(screen.getByLabelText('Message')).toBeVisible();
  });

  it('goes back to writing when the text is changed from outside during the preview', async () => {
    const user = userEvent.setup();
    function Quoting() {
      const [value, setValue] = useState('Hello');
      return (
        <>
          <MarkdownEditor id="body" label="Message" value={value} onChange={setValue} />
          <button type="button" onClick={() => setValue(`${value}\n\n> quoted`)}>
            Add a quote
          </button>
        </>
      );
    }
    const client = { executeQuery: vi.fn(() => fromValue({ data: { markdownPreview: '<p>Hello</p>' } })) } as unknown as Client;
    render(
      <Provider value={client}>
        <IntlProvider locale="en" messages={await loadMessages('en')}>
          <Quoting />
        </IntlProvider>
      </Provider>,
    );
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByLabelText('Message')).not.toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Add a quote' }));
    expect(screen.getByLabelText('Message')).toBeVisible();
    expect(screen.getByLabelText('Message')).toHaveValue('Hello\n\n> quoted');
  });

  it('does not ask the API to preview an empty text', async () => {
    const { executeQuery } = await renderEditor('  ');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByText('Nothing to show: write something first.')).toBeInTheDocument();
    expect(executeQuery).not.toHaveBeenCalled();
  });
});
