import { allTopics, checkpointTopic, publisherOfTopic, Topics } from './topics';

describe('topics', () => {
  it('gives each publishing service a checkpoint topic, created with the others', () => {
    expect(checkpointTopic('organisation')).toBe('taizhang.organisation.checkpoints.v1');
    expect(publisherOfTopic(Topics.hardshipAid)).toBe('hardship-aid');
    expect(allTopics()).toEqual(
      expect.arrayContaining([
        'taizhang.organisation.v1',
        'taizhang.organisation.v1.dlq',
        'taizhang.organisation.checkpoints.v1',
        'taizhang.hardship-aid.checkpoints.v1',
      ]),
    );
  });
});
