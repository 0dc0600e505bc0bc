export { hotlineAnswerClock } from './answer.clock';
export { HotlineTicketsController } from './hotline-tickets.controller';
