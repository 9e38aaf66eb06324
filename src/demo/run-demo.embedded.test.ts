import { describe, expect, it } from 'vitest';
import { silentLogger } from '../infra/logging';
import { runDemo } from './run-demo';

describe('stagecoach demo', () => {
  it('plays the semester: Daan insufficient at the 4th miss, Noor within grace without a substitute', async () => {
    const lines: string[] = [];

    const code = await runDemo({ logger: silentLogger, out: (line) => lines.push(line) });

    const toNoor = lines.filter((line) => line.includes('→ Noor Bakker (student)'));
    expect(code).toBe(0);
    expect(lines).toContain('  ✓ Daan Visser: insufficient (onvoldoende) at the 4th missed report');
    expect(lines.some((line) => /★ Daan Visser.*INSUFFICIENT/.test(line))).toBe(true);
    expect(
      lines.some((line) => /→ Daan Visser \(student\): Je krijgt een vervangende opdracht/.test(line)),
    ).toBe(true);
    expect(toNoor.some((line) => /je 1e gemiste verslag/.test(line))).toBe(true);
    expect(toNoor.some((line) => /vervangende opdracht/.test(line))).toBe(false);
    expect(lines).toContain(
      '  ✓ Noor Bakker: one missed deadline, handed in within grace — no substitute assignment',
    );
    expect(lines.find((line) => line.startsWith('  Noor Bakker'))).toMatch(/substitute assignments: 0$/);
  }, 120_000);
});
