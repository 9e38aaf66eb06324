import type { IdleResult, SizeResult } from './result';

const ms = (value: number) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.POSITIVE_INFINITY);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** One markdown table per (database, size), with the baseline measured in the same run. */
export function sizeTable(r: SizeResult, all: readonly SizeResult[]): string {
  const checkin = ratio(r.checkinTickMs, r.bareInsertMs);
  const escalation = ratio(r.escalationMs, r.bareInsertMs);
  const tenfold = all.find((o) => o.db === r.db && o.placements === r.placements * 10);
  const scaling = tenfold ? ratio(tenfold.escalationMs, r.escalationMs) : null;
  const starr = ratio(r.starrP99Ms, r.bareTxP99Ms);
  const share = r.dispatchPerSecond / r.bareHttpPerSecond;
  const staffMax = Math.max(
    r.checkinStaff.mentors.max,
    r.checkinStaff.coordinators.max,
    r.escalationStaff.mentors.max,
    r.escalationStaff.coordinators.max,
  );
  const rows = [
    `### ${r.db === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${r.placements.toLocaleString('en')} placements`,
    '',
    '| measure | result | baseline in the same run | target | |',
    '|---|---|---|---|---|',
    `| import of the placements CSV | ${ms(r.importMs)} | — | — | |`,
    `| check-in tick (plan + enqueue ${r.checkinEnqueued} messages) | ${ms(r.checkinTickMs)} (${checkin.toFixed(1)}×) | bare \`INSERT … SELECT\` of ${r.placements} rows: ${ms(r.bareInsertMs)} | ≤ 3× | ${verdict(checkin <= 3)} |`,
    `| escalation sweep on a deadline day (${r.escalationEnqueued} messages) | ${ms(r.escalationMs)} (${escalation.toFixed(1)}×) | the same bare insert | ≤ 3×; 10× N ≤ 11× time | ${verdict(escalation <= 3)}${scaling === null ? '' : `; 10× N took ${scaling.toFixed(1)}× (${verdict(scaling <= 11)})`} |`,
    `| one STARR answer end to end, p50 / p99 (${r.starrSamples} answers) | ${ms(r.starrP50Ms)} / ${ms(r.starrP99Ms)} (p99 ${starr.toFixed(1)}×) | single-row INSERT transaction p50 / p99: ${ms(r.bareTxP50Ms)} / ${ms(r.bareTxP99Ms)} | p99 ≤ 4× | ${verdict(starr <= 4)} |`,
    `| dispatch to the fake Slack Web API over HTTP (${r.dispatched} messages) | ${r.dispatchPerSecond.toFixed(0)} msg/s (${(share * 100).toFixed(0)} %) | bare HTTP POST loop: ${r.bareHttpPerSecond.toFixed(0)} msg/s | ≥ 50 %, ≥ 1,000 msg/s | ${verdict(share >= 0.5 && r.dispatchPerSecond >= 1000)} |`,
    r.burst
      ? `| Friday burst: ${r.burst.students} students answer within ${r.burst.seconds} s over signed Slack HTTP | ack p50 ${ms(r.burst.ackP50Ms)}, p99 ${ms(r.burst.ackP99Ms)}; ${r.burst.refused} first attempts not acknowledged with 200 (Slack retries them), lost ${r.burst.lost} | — | p99 ack < 1 s, 0 lost | ${verdict(r.burst.ackP99Ms < 1000 && r.burst.lost === 0)} |`
      : '| Friday burst | not run | — | p99 ack < 1 s, 0 lost | |',
    `| messages per staff member per job run (max; check-in: mentors ${r.checkinStaff.mentors.max}, coordinators ${r.checkinStaff.coordinators.max}; escalation: mentors ${r.escalationStaff.mentors.max}, coordinators ${r.escalationStaff.coordinators.max}) | ${staffMax} | — | 1 (split only by platform size limits) | ${verdict(staffMax <= 1)} |`,
    `| peak RSS of the bench process | ${r.peakRssMiB.toFixed(0)} MiB (engine on open: ${r.engineMiB.toFixed(0)} MiB) | — | ${r.db === 'postgres' ? '≤ 300 MB at 10,000' : 'measured, explained, reduced'} | ${r.db === 'postgres' && r.placements === 10_000 ? verdict(r.peakRssMiB * 1.048576 <= 300) : ''} |`,
  ];
  return rows.join('\n');
}

export function idleTable(idle: readonly IdleResult[]): string {
  return [
    '| idle server (`node --import tsx src/cli.ts start`, Slack only) | RSS after /healthz | peak RSS (VmHWM) | target |',
    '|---|---|---|---|',
    ...idle.map(
      (i) =>
        `| ${i.db === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${i.rssMiB.toFixed(0)} MiB | ${i.peakMiB.toFixed(0)} MiB | ${i.db === 'postgres' ? `≤ 120 MiB: ${verdict(i.rssMiB <= 120)}` : 'measured'} |`,
    ),
  ].join('\n');
}
