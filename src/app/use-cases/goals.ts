import { isTyped } from '../../core/messages/keywords';
import { appTextsFor, renderNote } from '../../core/notices/texts';
import { currentPlacementOf } from './current-placement';
import { say, type UseCaseInput, type UseCaseOutput } from './use-case';

const ADD_GOAL = /^(?:leerdoel|goal)\s*[:-]?\s+(.+)$/is;
const MAX_GOAL_LENGTH = 300; // characters; a goal is one sentence, not an essay
const MAX_GOALS = 12;

/**
 * Students set their own learning goals: `leerdoel <text>` adds one to the current placement,
 * `leerdoelen` lists them. The STARR conversation offers them as choices.
 */
export async function handleGoals(input: UseCaseInput, text: string): Promise<UseCaseOutput | null> {
  const adding = ADD_GOAL.exec(text.trim());
  const listing = isTyped('goals', text);
  if (!adding && !listing) return null;
  const t = appTextsFor(input.locale);
  const current = await currentPlacementOf(input.stores, input.person.id, input.now);
  if (!current) return say(renderNote('goals.none', t['status.none']));
  const placementId = current.bundle.placement.id;
  const existing = await input.stores.goals.read(placementId);

  if (adding) {
    const goal = (adding[1] ?? '').trim().replace(/\s+/g, ' ');
    if (goal.length > MAX_GOAL_LENGTH)
      return say(renderNote('goals.too-long', t['goals.tooLong'](MAX_GOAL_LENGTH)));
    if (existing.length >= MAX_GOALS) return say(renderNote('goals.too-many', t['goals.tooMany'](MAX_GOALS)));
    if (!existing.includes(goal)) {
      await input.stores.goals.add(placementId, existing.length, goal);
      existing.push(goal);
    }
  }
  const list = existing.length
    ? existing.map((goal, i) => `${i + 1}. ${goal}`).join('\n')
    : t['status.noGoals'];
  return say({
    key: adding ? 'goals.added' : 'goals.list',
    summary: t['status.goals'],
    blocks: [
      { type: 'text', text: adding ? t['goals.added'] : t['status.goals'], style: 'heading' },
      { type: 'quote', text: list },
      { type: 'text', text: t['goals.hint'], style: 'muted' },
    ],
  });
}
