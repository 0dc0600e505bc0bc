import type { EventEnvelope } from '@taizhang/contracts';

import { dayAfter, hotlineFigureDeltas } from './hotline-figures';

const event = (type: string, data: object): EventEnvelope => ({
  eventId: 'e1',
  type,
  schemaVersion: 1,
  service: 'rights',
  streamId: 'hotline-ticket-1',
  streamType: 'hotline-ticket',
  streamVersion: 1,
  position: '1',
  occurredAt: '2026-03-01T00:00:00.000Z',
  recordedAt: '2026-03-01T00:00:00.000Z',
  orgUnitId: 'd1',
  orgPath: 'm/d1',
  actor: { id: 'officer-1', role: 'federation_officer' },
  correlationId: 'c',
  causationId: null,
  commandId: null,
  data,
});

describe('hotline figure deltas (热线指标)', () => {
  it('counts a ticket, and a legal aid request, where it was received on its day', () => {
    expect(
      hotlineFigureDeltas(
        event('HotlineTicketReceived', {
          orgUnitId: 'd1',
          receivedOn: '2026-03-01',
          legalAid: true,
        }),
      ),
    ).toEqual([
      { unitId: 'd1', day: '2026-03-01', figures: { hotline_tickets: 1, hotline_legal_aid: 1 } },
    ]);
  });

  it('moves what a ticket counts from the holder to the unit below on the day it is assigned', () => {
    const assigned = (from: string, overdue: boolean) =>
      hotlineFigureDeltas(
        event('HotlineTicketAssigned', {
          fromOrgUnitId: from,
          toOrgUnitId: 'u1',
          assignedOn: '2026-03-02',
          legalAid: false,
          overdue,
        }),
      );
    expect(assigned('d1', true)).toEqual([
      {
        unitId: 'd1',
        day: '2026-03-02',
        figures: { hotline_tickets: -1, hotline_legal_aid: 0, hotline_overdue: -1 },
      },
      {
        unitId: 'u1',
        day: '2026-03-02',
        figures: { hotline_tickets: 1, hotline_legal_aid: 0, hotline_overdue: 1 },
      },
    ]);
    // Assigned to the unit that holds it: nothing moves.
    expect(assigned('u1', false)).toEqual([]);
  });

  it('moves an open ticket from its ended union to the survivor or the federation above', () => {
    const moved = { hotline_tickets: 1, hotline_legal_aid: 1, hotline_overdue: 0 };
    const away = { hotline_tickets: -1, hotline_legal_aid: -1, hotline_overdue: 0 };
    expect(
      hotlineFigureDeltas(
        event('HotlineTicketHandedOver', {
          fromUnitId: 'u1',
          toUnitId: 'u2',
          on: '2026-06-01',
          legalAid: true,
          overdue: false,
        }),
      ),
    ).toEqual([
      { unitId: 'u1', day: '2026-06-01', figures: away },
      { unitId: 'u2', day: '2026-06-01', figures: moved },
    ]);
    expect(
      hotlineFigureDeltas(
        event('HotlineTicketKeptByFederation', {
          unitId: 'u1',
          keeperId: 's1',
          on: '2026-06-02',
          legalAid: false,
          overdue: true,
        }),
      ),
    ).toEqual([
      {
        unitId: 'u1',
        day: '2026-06-02',
        figures: { hotline_tickets: -1, hotline_legal_aid: 0, hotline_overdue: -1 },
      },
      {
        unitId: 's1',
        day: '2026-06-02',
        figures: { hotline_tickets: 1, hotline_legal_aid: 0, hotline_overdue: 1 },
      },
    ]);
  });

  it('counts a closure with its timeliness, the satisfaction as sum and count, the wages', () => {
    const closed = (satisfaction: number | null, onTime: boolean) =>
      hotlineFigureDeltas(
        event('HotlineTicketClosed', {
          orgUnitId: 'u1',
          closedOn: '2026-03-05',
          onTime,
          satisfaction,
          wagesRecoveredFen: 7,
        }),
      )[0]!.figures;
    expect(closed(4, true)).toEqual({
      hotline_closed: 1,
      hotline_closed_on_time: 1,
      hotline_satisfaction_sum: 4,
      hotline_satisfaction_count: 1,
      hotline_wages_recovered_fen: 7,
    });
    expect(closed(null, false)).toMatchObject({
      hotline_closed_on_time: 0,
      hotline_satisfaction_sum: 0,
      hotline_satisfaction_count: 0,
    });
  });

  it('counts an overdue ticket from the day after its last day; ignores other events', () => {
    expect(
      hotlineFigureDeltas(
        event('HotlineTicketOverdue', { orgUnitId: 'u1', answerDueOn: '2026-02-28' }),
      ),
    ).toEqual([{ unitId: 'u1', day: '2026-03-01', figures: { hotline_overdue: 1 } }]);
    expect(hotlineFigureDeltas(event('HotlineTicketCalledBack', {}))).toEqual([]);
    expect(hotlineFigureDeltas(event('DisputeRegistered', {}))).toEqual([]);
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
