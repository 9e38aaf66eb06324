import { describe, expect, it } from 'vitest';
import * as adapters from './core/messages/texts/adapters';
import * as app from './core/messages/texts/app';
import * as checkin from './core/messages/texts/checkin';
import * as commands from './core/messages/texts/commands';
import * as consoleCatalog from './core/messages/texts/console';
import * as delivery from './core/messages/texts/delivery';
import * as digest from './core/messages/texts/digest';
import * as escalation from './core/messages/texts/escalation';
import * as reports from './core/messages/texts/reports';
import * as starr from './core/messages/texts/starr';

type Catalog = Record<string, unknown>;

/** Every text catalog (product, chat adapters, console), Dutch and English side by side. */
const CATALOGS: ReadonlyArray<[string, Catalog, Catalog]> = [
  ['app', app.nl, app.en],
  ['checkin', checkin.nl, checkin.en],
  ['commands', commands.nl, commands.en],
  ['delivery', delivery.nl, delivery.en],
  ['digest', digest.nl, digest.en],
  ['escalation', escalation.nl, escalation.en],
  ['reports', reports.nl, reports.en],
  ['starr', starr.nl, starr.en],
  ['console', consoleCatalog.nl, consoleCatalog.en],
  ['adapters', adapters.nl, adapters.en],
];

/** Keys whose text is the same word in both languages ("Start", "Status", "Feedback", "Details"). */
const SAME_IN_BOTH = new Set([
  'button.start',
  'button.stop',
  'keyword.start',
  'keyword.stop',
  'field.deadline',
  'details',
  'details.heading',
  'feedback.student.label',
  'status.status',
  'statusLabel',
]);

/** A sample text for a value: strings as they are, functions called with placeholder arguments. */
function sample(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(sample).join('\n');
  if (typeof value === 'function') {
    const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 'X' : 2));
    try {
      return String((value as (...a: unknown[]) => unknown)(...args));
    } catch {
      return `fn/${value.length}`;
    }
  }
  if (value && typeof value === 'object') return Object.values(value).map(sample).join('\n');
  return String(value);
}

describe('the Dutch and English catalogues', () => {
  it.each(CATALOGS)('%s has the same keys in both languages', (_name, nl, en) => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it.each(CATALOGS)('%s takes the same parameters in both languages', (_name, nl, en) => {
    const arity = (catalog: Catalog) =>
      Object.fromEntries(
        Object.entries(catalog).map(([key, value]) => [
          key,
          typeof value === 'function' ? value.length : typeof value,
        ]),
      );
    expect(arity(en)).toEqual(arity(nl));
  });

  it.each(CATALOGS)(
    '%s has every text translated (none left in Dutch in the English one)',
    (_name, nl, en) => {
      const untranslated = Object.keys(nl).filter((key) => {
        const dutch = sample(nl[key]);
        // A function that needs a real value (a flag, a date) says nothing with a placeholder.
        const comparable = !/undefined|NaN|Invalid|fn\//.test(dutch) && /[a-z]{4}/i.test(dutch);
        return comparable && !SAME_IN_BOTH.has(key) && dutch === sample(en[key]);
      });
      expect(untranslated).toEqual([]);
    },
  );
});
