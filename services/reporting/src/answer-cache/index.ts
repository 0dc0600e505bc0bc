export { AnswerCache } from './answer-cache';
export type { AnswerOf } from './answer-key';
