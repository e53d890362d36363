import type { KeyboardEvent, ReactNode, TextareaHTMLAttributes } from 'react';
import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { graphql } from '../app/graphql';
import { errorCode } from './form-errors';
import { applyMarkdownFormat, type Edit, type MarkdownFormat } from './markdown-format';
import './markdown-editor.css';

export const MarkdownPreviewQuery = graphql(`
  query MarkdownPreview($markdown: String!) {
    markdownPreview(markdown: $markdown)
  }
`);

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'>;

export interface MarkdownEditorProps extends TextAreaProps {
  id: string;
  label: ReactNode;
  /** A message id (from zod or the API), shown under the editor and tied to it. */
  error?: string | undefined;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
}

const TOOLS: { format: MarkdownFormat; label: string; mark: string; key?: string }[] = [
  { format: 'bold', label: 'ui.markdown.bold', mark: 'B', key: 'b' },
  { format: 'italic', label: 'ui.markdown.italic', mark: 'I', key: 'i' },
  { format: 'link', label: 'ui.markdown.link', mark: '↗', key: 'k' },
  { format: 'list', label: 'ui.markdown.list', mark: '•', key: undefined },
  { format: 'quote', label: 'ui.markdown.quote', mark: '❝', key: undefined },
];

/**
 * A labelled Markdown textarea with a formatting toolbar and a preview rendered by the API, so it
 * shows exactly what will be published. Controlled (`value`, `onChange(text)`); the ref is the
 * textarea, so react-hook-form's Controller can focus it.
 */
export const MarkdownEditor = forwardRef<HTMLTextAreaElement, MarkdownEditorProps>(function MarkdownEditor(
  { id, label, error, hint, value, onChange, onKeyDown, ...textarea },
  ref,
) {
  const intl = useIntl();
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => area.current as HTMLTextAreaElement);
  const [previewing, setPreviewing] = useState(false);
  const [active, setActive] = useState(0);
  const pending = useRef<Edit | null>(null);

  // After a toolbar action, the new text is rendered first, then the selection is put back.
  useLayoutEffect(() => {
    const edit = pending.current;
    const element = area.current;
    if (!edit || !element || element.value !== edit.value) return;
    pending.current = null;
    element.focus();
    element.setSelectionRange(edit.selectionStart, edit.selectionEnd);
  }, [value]);

  // Text changed from outside while previewing (a quote added, the form emptied): back to writing it.
  const previewed = useRef(value);
  useLayoutEffect(() => {
    if (previewing && value !== previewed.current) setPreviewing(false);
    previewed.current = value;
  }, [value, previewing]);

  const format = useCallback(
    (kind: MarkdownFormat) => {
      const element = area.current;
      if (!element) return;
      const edit = applyMarkdownFormat(element.value, element.selectionStart, element.selectionEnd, kind);
      pending.current = edit;
      onChange(edit.value);
    },
    [onChange],
  );

  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');

  function onToolbarKey(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowRight: active + 1, ArrowLeft: active - 1, Home: 0, End: TOOLS.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + TOOLS.length) % TOOLS.length;
    setActive(index);
    event.currentTarget.querySelectorAll('button')[index]?.focus();
  }

  function onAreaKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const tool = TOOLS.find((candidate) => candidate.key === event.key.toLowerCase());
    if (!tool) return;
    event.preventDefault();
    format(tool.format);
  }

  return (
    <div className="field markdown-editor">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="markdown-editor__bar">
        <div className="markdown-editor__modes" role="group" aria-label={intl.formatMessage({ id: 'ui.markdown.mode' })}>
          <button type="button" aria-pressed={!previewing} onClick={() => setPreviewing(false)}>
            <FormattedMessage id="ui.markdown.write" />
          </button>
          <button type="button" aria-pressed={previewing} aria-controls={`${id}-preview`} onClick={() => setPreviewing(true)}>
            <FormattedMessage id="ui.markdown.preview" />
          </button>
        </div>
        {previewing ? null : (
          <div
            className="markdown-editor__tools"
            role="toolbar"
            aria-label={intl.formatMessage({ id: 'ui.markdown.toolbar' })}
            aria-controls={id}
            onKeyDown={onToolbarKey}
          >
            {TOOLS.map((tool, index) => (
              <button
                key={tool.format}
                type="button"
                tabIndex={index === active ? 0 : -1}
                aria-label={intl.formatMessage({ id: tool.label })}
                title={intl.formatMessage({ id: tool.label })}
                onFocus={() => setActive(index)}
                // Keeps the textarea's selection where it is until the action runs.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => format(tool.format)}
                disabled={textarea.disabled}
              >
                <span aria-hidden="true" className={`markdown-editor__mark markdown-editor__mark--${tool.format}`}>
                  {tool.mark}
                </span>
              </button>
            ))}
          </div>
        )}
      </div>
      <textarea
        ref={area}
        id={id}
        hidden={previewing}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onAreaKey}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...textarea}
      />
      <div
        id={`${id}-preview`}
        className={previewing ? 'markdown-editor__preview' : 'markdown-editor__preview--idle'}
        role={previewing ? 'region' : undefined}
        aria-live="polite"
        aria-label={previewing ? intl.formatMessage({ id: 'ui.markdown.previewRegion' }) : undefined}
      >
        {previewing ? <Preview markdown={value} /> : null}
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <FormattedMessage id={error} />
        </p>
      ) : null}
    </div>
  );
});

function Preview({ markdown }: { markdown: string }) {
  const empty = markdown.trim() === '';
  const [{ data, fetching, error }] = useQuery({ query: MarkdownPreviewQuery, variables: { markdown }, pause: empty });
  if (empty) return <p className="markdown-editor__note"><FormattedMessage id="ui.markdown.empty" /></p>;
  if (fetching && !data) return <p className="markdown-editor__note"><FormattedMessage id="ui.markdown.loading" /></p>;
  if (error || data?.markdownPreview === undefined) {
    return (
      <p className="field__error" role="alert">
        <FormattedMessage id={previewErrorMessage(errorCode(error))} />
      </p>
    );
  }
  // Sanitized by the API's Markdown renderer, the one that publishes posts.
  return <div className="section-body markdown-editor__html" dangerouslySetInnerHTML={{ __html: data.markdownPreview }} />;
}

function previewErrorMessage(code: string | undefined): string {
  switch (code) {
    case 'BAD_USER_INPUT':
      return 'ui.markdown.tooLong';
    case 'RATE_LIMITED':
      return 'ui.markdown.rateLimited';
    case 'UNAUTHENTICATED':
      return 'ui.markdown.signedOut';
    default:
      return 'ui.markdown.failed';
  }
}
