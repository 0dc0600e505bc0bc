import type { Command, CommandMetadata, DomainEvent } from './decider';
import { decideByType, unknownCommand } from './decider';

describe('unknownCommand', () => {
  it('refuses a command no case of the switch handled, naming its type', () => {
    const fromAnOlderCaller = { type: 'RenameCounter' } as never;

    expect(() => unknownCommand(fromAnOlderCaller)).toThrow('Unknown command RenameCounter');
  });
});

describe('decideByType', () => {
  type Add = Command<'Add', { by: number }>;
  type Reset = Command<'Reset', Record<string, never>>;
  type Changed = DomainEvent<'Changed', { to: number }>;
  const metadata: CommandMetadata = {
    now: new Date('2026-03-01T00:00:00Z'),
    actorId: 'u-1',
    actorRole: 'admin',
    correlationId: 'c-1',
  };

  const decide = decideByType<Add | Reset, number, Changed>({
    Add: (command, state) => ({ type: 'Changed', data: { to: state + command.data.by } }),
    Reset: () => [{ type: 'Changed', data: { to: 0 } }],
  });

  it('hands each command to the handler of its type, with the state', () => {
    expect(decide({ type: 'Add', data: { by: 2 }, metadata }, 3)).toEqual({
      type: 'Changed',
      data: { to: 5 },
    });
    expect(decide({ type: 'Reset', data: {}, metadata }, 3)).toEqual([
      { type: 'Changed', data: { to: 0 } },
    ]);
  });

  it('refuses a type no handler takes, inherited names included', () => {
    expect(() => decide({ type: 'RenameCounter', data: {}, metadata } as never, 3)).toThrow(
      'Unknown command RenameCounter',
    );
    expect(() => decide({ type: 'toString', data: {}, metadata } as never, 3)).toThrow(
      'Unknown command toString',
    );
  });
});
