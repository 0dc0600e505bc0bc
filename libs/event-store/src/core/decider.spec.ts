import { unknownCommand } from './decider';

describe('unknownCommand', () => {
  it('refuses a command no case of the switch handled, naming its type', () => {
    const fromAnOlderCaller = { type: 'RenameCounter' } as never;

    expect(() => unknownCommand(fromAnOlderCaller)).toThrow('Unknown command RenameCounter');
  });
});
