export { hotlineAnswerClock } from './answer.clock';
export { HotlineTicketsController } from './hotline-tickets.controller';
export { hotlineTicketHandover } from './hotline-ticket-handover';
