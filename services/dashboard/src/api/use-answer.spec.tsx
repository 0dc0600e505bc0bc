import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Answer } from './reports';
import { useAnswer } from './use-answer';

const Probe = ({
  id,
  reads,
  refresh = 0,
}: {
  id: string;
  reads: Record<string, Promise<Answer<string>>>;
  refresh?: number;
}) => {
  const answer = useAnswer(() => reads[`${id}${refresh || ''}`]!, [id], refresh);

  return <p>{answer.status === 'ok' ? answer.body : answer.status}</p>;
};

describe('useAnswer', () => {
  it('never shows the answer of the previous deps while the next one loads', async () => {
    let answerB: (answer: Answer<string>) => void = () => undefined;
    const reads = {
      a: Promise.resolve<Answer<string>>({ status: 'ok', body: 'figures of a' }),
      b: new Promise<Answer<string>>((resolve) => (answerB = resolve)),
    };
    const { rerender } = render(<Probe id="a" reads={reads} />);
    expect(await screen.findByText('figures of a')).toBeTruthy();
    rerender(<Probe id="b" reads={reads} />);
    expect(screen.getByText('loading')).toBeTruthy();
    answerB({ status: 'ok', body: 'figures of b' });
    expect(await screen.findByText('figures of b')).toBeTruthy();
  });

  it('reads again on a refresh (live update), showing the held answer until the new one comes', async () => {
    let answerAgain: (answer: Answer<string>) => void = () => undefined;
    const reads = {
      a: Promise.resolve<Answer<string>>({ status: 'ok', body: 'members 1' }),
      a1: new Promise<Answer<string>>((resolve) => (answerAgain = resolve)),
    };
    const { rerender } = render(<Probe id="a" reads={reads} />);
    expect(await screen.findByText('members 1')).toBeTruthy();
    rerender(<Probe id="a" reads={reads} refresh={1} />);
    expect(screen.getByText('members 1')).toBeTruthy();
    answerAgain({ status: 'ok', body: 'members 2' });
    expect(await screen.findByText('members 2')).toBeTruthy();
  });
});
