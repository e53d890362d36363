import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { describe, expect, it, vi } from 'vitest';
import { loadMessages } from '../../app/i18n';
import { PlanForm } from './plan-form';
import type { MutationOutcome } from './outcome';
import { EMPTY_PLAN, type PlanValues } from './plan-schema';

const NOW = () => new Date('2027-03-01T10:00:00Z');
const OPTIONS = {
  communities: { nodes: [{ id: 'c1', name: 'Anziani e comunità', viewerRole: 'COORDINATOR' as const, viewerCanModerate: true }] },
  projects: { nodes: [{ id: 'p1', title: 'Custodi di quartiere' }] },
};

async function renderForm(onSubmit: (values: PlanValues) => Promise<MutationOutcome> = vi.fn(async () => ({ kind: 'done' as const }))) {
  // The territory search answers Milano; the description's preview is never shown here.
  const client = {
    executeQuery: (operation: { variables: Record<string, unknown> }) =>
      'prefix' in operation.variables
        ? fromValue({ operation, data: { territories: { nodes: [{ id: 't1', code: 'IT-MI', name: 'Milano', level: 'PROVINCE' }] } }, stale: false, hasNext: false })
        : never,
  } as unknown as Client;
  render(
    <Provider value={client}>
      <IntlProvider locale="en" timeZone="Europe/Rome" messages={await loadMessages('en')}>
        <PlanForm mode="create" initial={EMPTY_PLAN} options={OPTIONS} onSubmit={onSubmit} now={NOW} />
      </IntlProvider>
    </Provider>,
  );
  return onSubmit;
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Title'), 'Laboratorio sulla raccolta fondi');
  await user.selectOptions(screen.getByLabelText('Host community'), 'c1');
  await user.type(screen.getByLabelText('Find a territory'), 'Mi');
  await user.click(await screen.findByRole('button', { name: 'Add Milano (province)' }));
  await user.type(screen.getByLabelText('Starts'), '2027-04-10T09:30');
  await user.type(screen.getByLabelText('Ends'), '2027-04-10T13:00');
  await user.type(screen.getByLabelText('Registrations until'), '2027-04-05T18:00');
}

describe('the planning form', () => {
  it('shows each error next to its field, tied to it, and sends nothing', async () => {
    const onSubmit = await renderForm();
    const user = userEvent.setup();
    await fillValid(user);
    const ends = screen.getByLabelText('Ends');
    await user.clear(ends);
    await user.type(ends, '2027-04-10T08:00');
    const capacity = screen.getByLabelText('Seats');
    await user.clear(capacity);
    await user.type(capacity, '-3');
    await user.click(screen.getByRole('button', { name: 'Create the draft' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(ends).toHaveAttribute('aria-invalid', 'true');
    expect(ends).toHaveAccessibleDescription('The end comes after the start.');
    expect(capacity).toHaveAccessibleDescription(/A whole number, 0 or more\./);
  });

  it('refuses a deadline after the start', async () => {
    const onSubmit = await renderForm();
    const user = userEvent.setup();
    await fillValid(user);
    const deadline = screen.getByLabelText('Registrations until');
    await user.clear(deadline);
    await user.type(deadline, '2027-04-11T09:00');
    await user.click(screen.getByRole('button', { name: 'Create the draft' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(deadline).toHaveAccessibleDescription(/Registrations close by the start\./);
  });

  it('sends a valid plan, and places the API’s user errors and refusal', async () => {
    const onSubmit = vi.fn(async (_values: PlanValues): Promise<MutationOutcome> => ({ kind: 'userErrors', errors: [{ code: 'OUT_OF_RANGE', field: ['input', 'registrationDeadline'] }] }));
    await renderForm(onSubmit);
    const user = userEvent.setup();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Create the draft' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ capacity: '20', startsAt: '2027-04-10T09:30', hostCommunityId: 'c1', hostTerritoryId: 't1' }));
    expect(screen.getByLabelText('Registrations until')).toHaveAccessibleDescription(/Outside the allowed range\./);

    onSubmit.mockImplementation(async () => ({ kind: 'forbidden' }));
    await user.click(screen.getByRole('button', { name: 'Create the draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot plan an exchange here');
  });
});
