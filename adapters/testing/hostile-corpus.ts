/**
 * Hostile input for the adapters and the app: mrkdwn and Markdown control sequences, mentions
 * and broadcasts, links, Adaptive Card JSON, zero-width and bidi controls, lone surrogates,
 * 100 kB texts, SQL and CSV formula payloads — each in several wrappings (as a command, a goal,
 * quoted, repeated, on a new line, upper-cased). Deterministic: the same list every run.
 */
const BASE: readonly string[] = [
  '*vet* _schuin_ ~doorgehaald~ `code`',
  '```\nblok\n```',
  '<!channel> kijk hier',
  '<!here>',
  '<!everyone>',
  '@channel',
  '@here vergadering',
  '@everyone',
  '<@U0123ABCD>',
  '<@W0123ABCD|baas>',
  '<#C0123ABCD|algemeen>',
  '<!subteam^S0123ABCD|@docenten>',
  '<!date^1392734382^{date}|fallback>',
  '<https://evil.example/login|Klik hier om in te loggen>',
  '<http://evil.example>',
  '<mailto:ceo@evil.example|mail de directeur>',
  '[klik hier](https://evil.example)',
  '[klik](javascript:alert(1))',
  '![plaatje](https://evil.example/pixel.png)',
  '<at>Iedereen</at>',
  '<at id="0">Directeur</at>',
  'https://evil.example/?token=abc',
  'www.evil.example',
  '{{DATE(2027-01-01T00:00:00Z, SHORT)}}',
  '{{TIME(2027-01-01T00:00:00Z)}}',
  '{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"nep"}],"actions":[{"type":"Action.OpenUrl","url":"https://evil.example"}]}',
  '{"type":"Action.Submit","data":{"actionId":"reflection.feedback","verdict":"approved"}}',
  '\u200B\u200C\u200D\uFEFF',
  'abc\u202Egnp.exe',
  '\u2066\u2067\u2068\u2069\u202A\u202B\u202C\u202D',
  'lone \uD800 high',
  'lone \uDFFF low',
  '\uDBFF\uDFFF\uD83D',
  "'; DROP TABLE people; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM reports WHERE ('1'='1",
  '$1 $2 \\x00 %s %n %x',
  '=HYPERLINK("https://evil.example","klik")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C notepad'!A1",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&lt;!channel&gt; &amp;amp;',
  '# kop\n- lijst\n1. genummerd\n> citaat',
  '\u0000\u0001\u0007\u001B[31mrood',
  '👩🏽‍⚕️ verpleegkundige 🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  'stage wis sam@school.nl bevestig',
  '/stage coordinator toevoegen ik@school.nl',
  'importeer --skip-invalid',
  'leerdoel <!channel>',
  '"ongesloten quote',
  'student_email,student_name\n=1+1,@x\n',
  '\\*niet vet\\* \\<!channel\\>',
  '<<!channel>>',
  '<!chan\u200Bnel>',
  'x'.repeat(4001),
];

const HUGE: readonly string[] = ['a'.repeat(100_000), '<!channel>'.repeat(10_000), '😀'.repeat(25_000)];

const WRAPPERS: ReadonlyArray<(value: string) => string> = [
  (v) => v,
  (v) => `stage ${v}`,
  (v) => `leerdoel ${v}`,
  (v) => `"${v}"`,
  (v) => `${v}\n${v}`,
  (v) => v.toUpperCase(),
  (v) => `Hoi! ${v} groet, Sam`,
  (v) => `${v} ${v} ${v}`,
  (v) => `toevoegen student=${v}@x.nl naam=${v}`,
];

export const HOSTILE_CORPUS: readonly string[] = [
  ...BASE.flatMap((base) => WRAPPERS.map((wrap) => wrap(base))),
  ...HUGE,
];

/** Rendered Slack text that could ping or link: explicit link/mention syntax or a live broadcast word. */
export function slackPingsOrLinks(rendered: string): string[] {
  const found: string[] = [];
  for (const pattern of [/<[@#!]/u, /<(?:https?|mailto):/iu, /(?<!\u200D)@(?:channel|here|everyone)\b/iu]) {
    const match = pattern.exec(rendered);
    if (match) found.push(match[0]);
  }
  return found;
}

/** Rendered Adaptive Card text that could link or mention: an unescaped `[`, `<` or `{{`. */
export function teamsPingsOrLinks(text: string): string[] {
  const found: string[] = [];
  for (const pattern of [/(?<!\\)\[/u, /(?<!\\)</u, /(?<!\\)\{(?<!\\)\{/u, /(?<!\\)!(?<!\\)\[/u]) {
    const match = pattern.exec(text);
    if (match) found.push(match[0]);
  }
  return found;
}
