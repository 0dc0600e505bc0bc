import { figureSet } from './figure-set';

/**
 * 逾期未批复: answers a federation owes past the regional limit (a founding application or a
 * re-election still waiting), counted at the federation that owes them from the day the limit
 * ran out until the day it answered.
 */
export const ANSWER_FIGURES = figureSet('answers', ['answers_overdue']);
