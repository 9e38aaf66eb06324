import { describe, expect, it } from 'vitest';
import type { Block, Message } from '../../src/core/messages/model';
import { HOSTILE_CORPUS } from '../testing/hostile-corpus';
import { fitSlackText, splitSlackText } from './escape';
import { renderBlocks, renderModal, renderSlackPosts, SLACK_LIMITS, stripActionSuffix } from './render';

const HOSTILE = '<!channel> <@U123> <!subteam^S1> & <https://x|y>';
const message = (blocks: Block[], extra: Partial<Message> = {}): Message => ({
  key: 'test.message',
  summary: 'Samenvatting',
  blocks,
  ...extra,
});

/** Every text Slack would parse in the rendered JSON, wherever it sits. */
function allTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allTexts);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === 'text' && typeof inner === 'string' ? [inner] : allTexts(inner),
    );
  }
  return [];
}

describe('escaping', () => {
  it.each<[string, Block]>([
    ['plain text', { type: 'text', text: HOSTILE }],
    ['a heading', { type: 'text', text: HOSTILE, style: 'heading' }],
    ['muted text', { type: 'text', text: HOSTILE, style: 'muted' }],
    ['a quote and its label', { type: 'quote', label: HOSTILE, text: HOSTILE }],
    ['fields', { type: 'fields', fields: [{ label: HOSTILE, value: HOSTILE }] }],
    ['a button label', { type: 'actions', buttons: [{ actionId: 'a', label: HOSTILE }] }],
    ['scale labels', { type: 'scale', actionId: 's', min: 1, max: 5, lowLabel: HOSTILE, highLabel: HOSTILE }],
  ])('renders hostile text in %s inert', (_name, block) => {
    const posts = renderSlackPosts(message([block], { summary: HOSTILE }));

    const texts = allTexts(posts);

    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toMatch(/<[!@#h]/u);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/u);
    }
    expect(texts.join('\n')).toContain(
      '&lt;!channel&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; &amp; &lt;https://x|y&gt;',
    );
  });

  it.each([
    ['@channel', '@\u200Dchannel'],
    ['hey @here!', 'hey @\u200Dhere!'],
    ['@Everyone', '@\u200DEveryone'],
    ['mail@channelpartner.nl', 'mail@channelpartner.nl'],
  ])('defuses the bare broadcast word in %j', (input, expected) => {
    expect(fitSlackText(input, 100)).toBe(expected);
  });
});

describe('safe truncation and splitting', () => {
  it('never cuts an escape entity in half', () => {
    const cut = fitSlackText(`${'a'.repeat(8)}&&&&`, 12);

    expect(cut).toBe('aaaaaaaa…');
  });

  it('never cuts a surrogate pair or an emoji sequence in half', () => {
    const cut = fitSlackText('ab👩‍🎓👩‍🎓', 8);

    expect(cut).toBe('ab👩‍🎓…');
  });

  it('splits long text at line breaks into chunks within the limit, losing nothing', () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, index) => `Alinea ${index}: ${'woord '.repeat(20).trim()}`,
    );

    const chunks = splitSlackText(paragraphs.join('\n'), 300);

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(300);
    expect(chunks.join('\n')).toBe(paragraphs.join('\n'));
  });

  it('prefixes every line of a split quote and still stays within the limit', () => {
    const chunks = splitSlackText('regel\n'.repeat(100).trim(), 50, '>');

    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(50);
      expect(chunk.split('\n').every((line) => line.startsWith('>'))).toBe(true);
    }
  });
});

/**
 * `splitSlackText` as it was before text that fits got a fast path: grapheme by grapheme. For
 * every limit, `splitSlackText` must answer exactly what this answers.
 */
function splitByGraphemes(value: string, limit: number, linePrefix: string): string[] {
  const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
  const defused = value.replace(/@(channel|here|everyone)\b/giu, '@\u200D$1');
  const pieces = Array.from(segmenter.segment(defused), (part) =>
    part.segment.replace(/[&<>]/gu, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;')),
  ).map((piece) => (piece === '\n' ? `\n${linePrefix}` : piece));
  const chunks: string[] = [];
  let current: string[] = [];
  let length = linePrefix.length;
  for (const piece of pieces) {
    if (length + piece.length > limit && current.length > 0) {
      const half = Math.floor(current.length / 2);
      let end = current.length;
      let resume = current.length;
      found: for (const isBreak of [(p: string) => p.startsWith('\n'), (p: string) => /^\s$/u.test(p)]) {
        for (let index = current.length - 1; index >= half; index -= 1) {
          if (isBreak(current[index] ?? '')) {
            end = index;
            resume = index + 1;
            break found;
          }
        }
      }
      chunks.push(linePrefix + current.slice(0, end).join(''));
      current = current.slice(resume);
      length = linePrefix.length + current.reduce((sum, part) => sum + part.length, 0);
    }
    if (current.length === 0 && piece.startsWith('\n')) continue;
    current.push(piece);
    length += piece.length;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(linePrefix + current.join(''));
  return chunks;
}

describe('splitting text that fits in one chunk (the fast path)', () => {
  const tricky = [
    '',
    '\n',
    '\n\n\nna lege regels',
    '\r\nna een CRLF',
    'een\r\ntwee\ndrie\n\nvier\n',
    '\n\r\n\n<!here> & @channel\n<@U123>',
    'e\u0301\n\u0301 losse combinatietekens',
    '👩‍🎓\n👩🏽‍💻 & <b>\n',
    '$& $1 $$ in de tekst',
    // Every ASCII character, also after `\r` and `\n`: long ASCII text is split without a segmenter.
    ...['', '\r', '\n', '\r\n'].map((glue) =>
      Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join(glue),
    ),
  ];
  const agrees = (input: string, prefix: string) => {
    const [whole = ''] = splitByGraphemes(input, Number.MAX_SAFE_INTEGER, prefix);
    for (const limit of [Number.MAX_SAFE_INTEGER, whole.length, whole.length - 1]) {
      expect(splitSlackText(input, limit, prefix)).toEqual(splitByGraphemes(input, limit, prefix));
    }
  };

  it('answers what the grapheme split answers, with room to spare, at the limit and just under it', () => {
    for (const prefix of ['', '>', '$&']) for (const input of tricky) agrees(input, prefix);
    // The corpus, cut short: what matters is which characters occur, not how many.
    for (const input of HOSTILE_CORPUS) agrees(input.slice(0, 300), '>');
  });
});

describe('block mapping', () => {
  it('maps a heading to a header block cut to 150 characters', () => {
    const [header] = renderBlocks(
      message([{ type: 'text', text: 'H'.repeat(400), style: 'heading' }]),
      'message',
    );

    expect(header).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect(JSON.stringify(header)).toContain(`${'H'.repeat(SLACK_LIMITS.headerText - 1)}…`);
  });

  it('quotes user text line by line under its label', () => {
    const [section] = renderBlocks(
      message([{ type: 'quote', label: 'Situatie', text: 'eerste\ntweede' }]),
      'message',
    );

    expect(section).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Situatie*\n>eerste\n>tweede', verbatim: true },
    });
  });

  it('splits 23 fields into sections of at most 10', () => {
    const fields = Array.from({ length: 23 }, (_, index) => ({ label: `L${index}`, value: `V${index}` }));

    const blocks = renderBlocks(message([{ type: 'fields', fields }]), 'message');

    expect(blocks.map((block) => ('fields' in block ? block.fields?.length : 0))).toEqual([10, 10, 3]);
  });

  it('splits 30 buttons into actions blocks of at most 25 with unique action ids', () => {
    const buttons = Array.from({ length: 30 }, (_, index) => ({
      actionId: 'digest.details',
      label: `Student ${index}`,
      value: `p${index}`,
    }));

    const blocks = renderBlocks(message([{ type: 'actions', buttons }]), 'message');
    const ids = blocks.flatMap((block) =>
      block.type === 'actions' ? block.elements.map((e) => e.action_id) : [],
    );

    expect(blocks.map((block) => (block.type === 'actions' ? block.elements.length : 0))).toEqual([25, 5]);
    expect(new Set(ids).size).toBe(30);
    expect(ids.map((id) => stripActionSuffix(id ?? ''))).toEqual(Array(30).fill('digest.details'));
  });

  it('renders a 1–5 scale as five buttons carrying their number, with a legend', () => {
    const blocks = renderBlocks(
      message([
        { type: 'scale', actionId: 'checkin.mood', min: 1, max: 5, lowLabel: 'slecht', highLabel: 'top' },
      ]),
      'message',
    );

    expect(blocks[0]).toMatchObject({
      type: 'actions',
      elements: [1, 2, 3, 4, 5].map((value, index) => ({
        type: 'button',
        action_id: `checkin.mood::${index}`,
        value: String(value),
        text: { text: String(value) },
      })),
    });
    expect(blocks[1]).toMatchObject({ type: 'context', elements: [{ text: '1 = slecht   5 = top' }] });
  });

  it('renders a form as a modal whose callback id is the submit action and metadata its value', () => {
    const form = message(
      [
        { type: 'input', inputId: 'feedback', label: 'Feedback', multiline: true },
        {
          type: 'choice',
          inputId: 'verdict',
          label: 'Oordeel',
          options: [{ value: 'approved', label: 'Akkoord' }],
        },
      ],
      {
        form: { submitActionId: 'reflection.feedback.submit', submitLabel: 'Versturen', value: 'report-42' },
      },
    );

    const modal = renderModal(form);

    expect(modal).toMatchObject({
      type: 'modal',
      callback_id: 'reflection.feedback.submit',
      private_metadata: 'report-42',
      submit: { type: 'plain_text', text: 'Versturen' },
      blocks: [
        {
          type: 'input',
          block_id: 'feedback',
          element: { type: 'plain_text_input', action_id: 'feedback', multiline: true },
        },
        { type: 'input', block_id: 'verdict', element: { type: 'radio_buttons', action_id: 'verdict' } },
      ],
    });
  });

  it('adds a submit button to a form sent as a message', () => {
    const blocks = renderBlocks(
      message([{ type: 'input', inputId: 'note', label: 'Notitie' }], {
        form: { submitActionId: 'checkin.talk.note', submitLabel: 'Opslaan', value: 'p1' },
      }),
      'message',
    );

    expect(blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ action_id: 'checkin.talk.note::0', value: 'p1', style: 'primary' }],
    });
  });
});

describe('posts', () => {
  it('splits a message with 60 sections into posts of at most 50 blocks, each with the summary', () => {
    const blocks: Block[] = Array.from({ length: 60 }, (_, index) => ({
      type: 'text',
      text: `Regel ${index}`,
    }));

    const posts = renderSlackPosts(message(blocks));

    expect(posts.map((post) => post.blocks.length)).toEqual([50, 10]);
    expect(posts.map((post) => post.text)).toEqual(['Samenvatting', 'Samenvatting']);
  });

  it('splits an over-long text into several sections instead of losing the rest', () => {
    const posts = renderSlackPosts(message([{ type: 'text', text: 'woord '.repeat(1200) }]));

    expect(posts[0]?.blocks.length).toBe(3);
    for (const block of posts[0]?.blocks ?? []) {
      expect(block.type === 'section' && (block.text?.text.length ?? 0) <= SLACK_LIMITS.sectionText).toBe(
        true,
      );
    }
  });
});
