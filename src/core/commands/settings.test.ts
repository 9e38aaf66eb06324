import { describe, expect, it } from 'vitest';
import { escalationPolicySchema } from '../escalation/policy';
import { cohortSettingsSchema } from '../shared/cohort';
import { parseSettingsPatch, SETTING_SPECS } from './settings';

describe('parseSettingsPatch', () => {
  it.each([
    ['checkin_day=vr', { checkinWeekday: 5 }],
    ['checkin_dag=friday', { checkinWeekday: 5 }],
    ['digest_day=Ma', { digestWeekday: 1 }],
    ['digest_dag=zondag', { digestWeekday: 7 }],
    ['checkin_time=9:15', { checkinTime: '09:15' }],
    ['digest_tijd=08.30', { digestTime: '08:30' }],
    ['grace_days=0', { escalation: { graceDays: 0 } }],
    ['respijt_dagen=5', { escalation: { graceDays: 5 } }],
    ['substitute_days=21', { escalation: { substituteDueDays: 21 } }],
    ['insufficient_at=5', { escalation: { insufficientAt: 5 } }],
    ['closed_dates=2026-05-15,2026-04-03', { closedDates: ['2026-04-03', '2026-05-15'] }],
    ['closed_dates=2026-10-19..2026-10-21', { closedDates: ['2026-10-19', '2026-10-20', '2026-10-21'] }],
    ['sluitingsdagen=geen', { closedDates: [] }],
    ['closed_dates=none', { closedDates: [] }],
    ['timezone=Europe/Brussels', { timezone: 'Europe/Brussels' }],
    ['Retention-Months=24', { retentionMonths: 24 }],
  ])('turns %s into a typed patch', (pair, expected) => {
    expect(parseSettingsPatch([pair])).toEqual({ ok: true, value: expected });
  });

  it('merges several escalation keys into one escalation patch', () => {
    const result = parseSettingsPatch(['grace_days=2', 'checkin_day=do', 'insufficient_at=3']);

    expect(result).toEqual({
      ok: true,
      value: { escalation: { graceDays: 2, insufficientAt: 3 }, checkinWeekday: 4 },
    });
  });

  it.each([
    ['checkin_day=someday', 'weekday'],
    ['checkin_time=02:30', 'time'],
    ['digest_time=25:00', 'time'],
    ['grace_days=31', 'integer'],
    ['grace_days=-1', 'integer'],
    ['grace_days=1.5', 'integer'],
    ['substitute_days=0', 'integer'],
    ['insufficient_at=21', 'integer'],
    ['retention_months=0', 'integer'],
    ['closed_dates=2026-02-30', 'dates'],
    ['closed_dates=2026-10-23..2026-10-19', 'dates'],
    ['closed_dates=2026-01-01..2027-06-01', 'dates'],
    ['timezone=Mars/Olympus', 'timezone'],
  ])('rejects %s, expecting %s', (pair, expected) => {
    const result = parseSettingsPatch([pair]);

    expect(result).toMatchObject({ ok: false, error: { code: 'COMMAND.BAD_VALUE', params: { expected } } });
  });

  it('reports an unknown key with the closest one', () => {
    expect(parseSettingsPatch(['grace_dys=3'])).toEqual({
      ok: false,
      error: {
        code: 'COMMAND.UNKNOWN_KEY',
        command: 'settings',
        params: { key: 'grace_dys', suggestion: 'grace_days' },
      },
    });
  });

  it('reports the same setting named twice in two languages', () => {
    expect(parseSettingsPatch(['checkin_day=ma', 'checkin_dag=di'])).toMatchObject({
      ok: false,
      error: { code: 'COMMAND.DUPLICATE_KEY', params: { key: 'checkin_dag' } },
    });
  });

  it('reports a word that is not a key=value pair', () => {
    expect(parseSettingsPatch(['grace_days=3', 'graag'])).toMatchObject({
      ok: false,
      error: { code: 'COMMAND.UNEXPECTED_ARGUMENT', params: { value: 'graag' } },
    });
  });
});

describe('SETTING_SPECS', () => {
  const schemaOf = {
    grace_days: escalationPolicySchema.shape.graceDays,
    substitute_days: escalationPolicySchema.shape.substituteDueDays,
    insufficient_at: escalationPolicySchema.shape.insufficientAt,
    retention_months: cohortSettingsSchema.shape.retentionMonths,
  } as const;

  it.each(Object.entries(schemaOf))('states the same bounds for %s as the schema', (key, schema) => {
    const spec = SETTING_SPECS.find((candidate) => candidate.key === key)!;

    expect(schema.safeParse(spec.min).success).toBe(true);
    expect(schema.safeParse(spec.max).success).toBe(true);
    expect(schema.safeParse(spec.min! - 1).success).toBe(false);
    expect(schema.safeParse(spec.max! + 1).success).toBe(false);
  });

  it('has no Dutch key that clashes with another setting', () => {
    const words = SETTING_SPECS.flatMap((spec) => [spec.key, spec.nl]);

    expect(new Set(words).size).toBe(words.length);
  });
});
