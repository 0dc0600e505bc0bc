import { figureSet } from './figure-set';
import { ORGANISATION_FIGURES } from './organisation-figures';

describe('figure sets', () => {
  it('names its tables after the set unless told, and keeps organisation on its first tables', () => {
    expect(figureSet('activities', ['held', 'participants'])).toEqual({
      name: 'activities',
      figures: ['held', 'participants'],
      unitTable: 'activities_unit_deltas',
      subtreeTable: 'activities_subtree_deltas',
      keys: [],
    });
    expect(ORGANISATION_FIGURES).toMatchObject({
      unitTable: 'unit_deltas',
      subtreeTable: 'subtree_deltas',
    });
    expect(ORGANISATION_FIGURES.figures).toContain('members');
  });

  it('refuses names that are not plain SQL identifiers, and a set without figures', () => {
    expect(() => figureSet('rights', ['open_cases; DROP TABLE x'])).toThrow(/plain names/);
    expect(() => figureSet('Rights', ['open_cases'])).toThrow(/Rights_unit_deltas/);
    expect(() => figureSet('rights', [])).toThrow(/plain names/);
  });
});
