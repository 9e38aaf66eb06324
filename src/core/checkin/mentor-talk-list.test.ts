import { describe, expect, it } from 'vitest';
import { parseTalkListAnswer, resolveTalkTargets } from './mentor-talk-list';

const LIST = ['Lisa Bakker', 'Lisa Smit', 'Sam de Vries', 'Noa Jansen'];
const resolve = (text: string, names: readonly string[] = LIST) => {
  const answer = parseTalkListAnswer(text);
  return answer && { answer: answer.answer, ...resolveTalkTargets(answer.targets, names) };
};

describe('typed answers on the mentor weekly-talk list', () => {
  it('applies numbers, first names, whole names and "all", in Dutch and English', () => {
    expect(resolve('ja 1 3')).toEqual({ answer: 'yes', ok: true, positions: [1, 3] });
    expect(resolve('nee Sam')).toEqual({ answer: 'no', ok: true, positions: [3] });
    expect(resolve('No, sam de vries')).toEqual({ answer: 'no', ok: true, positions: [3] });
    expect(resolve('verzet 4')).toEqual({ answer: 'moved', ok: true, positions: [4] });
    expect(resolve('ja met 2 en 4')).toEqual({ answer: 'yes', ok: true, positions: [2, 4] });
    expect(resolve('ja allemaal')).toEqual({ answer: 'yes', ok: true, positions: [1, 2, 3, 4] });
    expect(resolve('yes all')).toEqual({ answer: 'yes', ok: true, positions: [1, 2, 3, 4] });
  });

  it('takes a plain "ja" only when the list holds one student', () => {
    expect(resolve('ja', ['Sam de Vries'])).toEqual({ answer: 'yes', ok: true, positions: [1] });
    expect(resolve('ja')).toEqual({ answer: 'yes', ok: false, reason: 'which' });
  });

  it('asks back on a shared first name or a number or name not on the list', () => {
    expect(resolve('nee Lisa')).toEqual({
      answer: 'no',
      ok: false,
      reason: 'ambiguous-name',
      target: 'lisa',
    });
    expect(resolve('ja 5')).toEqual({ answer: 'yes', ok: false, reason: 'unknown', target: '5' });
    expect(resolve('ja 0')).toEqual({ answer: 'yes', ok: false, reason: 'unknown', target: '0' });
    expect(resolve('ja Piet')).toEqual({ answer: 'yes', ok: false, reason: 'unknown', target: 'piet' });
  });

  it('reads text that does not start with an answer as no answer', () => {
    expect(parseTalkListAnswer('we spraken over de overdracht')).toBeNull();
    expect(parseTalkListAnswer('')).toBeNull();
  });
});
