// One as-of date for every view: relationships, neighbourhoods and paths as they held then
// (the API's `validAt`). A bad date is refused here, saying what was expected.
import { h, replace } from './dom';
import { PARTIAL_DATE } from './state';

export interface AsOf {
  readonly element: HTMLElement;
  /** Shows `date` (after back/forward) without applying it again. */
  show(date: string | null): void;
}

/** The as-of form; `apply` receives a valid partial date, or null to clear it. */
export function createAsOf(initial: string | null, apply: (date: string | null) => void): AsOf {
  const input = h('input', {
    id: 'as-of-input',
    type: 'text',
    inputmode: 'numeric',
    placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD',
    size: 26,
    'aria-describedby': 'as-of-error',
  });
  const error = h('span', { id: 'as-of-error', class: 'status-error', 'aria-live': 'polite' });
  const current = h('span', { class: 'as-of-current' });
  const show = (date: string | null): void => {
    input.value = date ?? '';
    replace(current, date ? `Showing the graph as of ${date}.` : 'Showing every date.');
    replace(error);
  };
  const form = h(
    'form',
    {
      class: 'as-of',
      'aria-label': 'As-of date',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const value = input.value.trim();
        if (value !== '' && !PARTIAL_DATE.test(value)) {
          replace(error, `Expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got "${value}".`);
          return;
        }
        show(value || null);
        apply(value || null);
      },
    },
    h('label', { for: 'as-of-input' }, 'As of'),
    input,
    h('button', { type: 'submit' }, 'Apply'),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          show(null);
          apply(null);
        },
      },
      'Every date',
    ),
    current,
    error,
  );
  show(initial);
  return { element: form, show };
}
