import type { UnionRegistered } from '@taizhang/contracts';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError } from '@taizhang/event-store';

import { businessDate } from '../shared/business-date';
import type { RegisterUnion, UnionCommand } from './union.commands';

/** A grassroots union (基层工会): the unit where members, congresses and records live. */
export type Union =
  | { status: 'None' }
  | {
      status: 'Registered';
      id: string;
      name: string;
      parentId: string;
      orgPath: string;
      establishedOn: string;
    };

export type UnionEvent = UnionRegistered;

export const initialState = (): Union => ({ status: 'None' });

export const evolve = (state: Union, event: UnionEvent): Union => {
  switch (event.type) {
    case 'UnionRegistered':
      return { status: 'Registered', id: event.data.unionId, ...event.data };
    default:
      return state;
  }
};

export const registerUnion = (command: RegisterUnion, state: Union): UnionRegistered => {
  const { unionId, name, establishedOn, parent } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(`Union ${unionId} is already registered.`, 'UNION_EXISTS');
  if (!parent)
    throw new IllegalStateError(
      'The parent federation does not exist. / 上级工会不存在。',
      'PARENT_NOT_FOUND',
    );
  if (parent.kind !== 'street' && parent.kind !== 'district')
    throw new IllegalStateError(
      'A grassroots union is registered under a street or district federation. / 基层工会的上级必须是街道(乡镇)或区县工会。',
      'WRONG_PARENT_KIND',
      { parentKind: parent.kind },
    );
  if (establishedOn > businessDate(command.metadata.now))
    throw new IllegalStateError(
      `The founding date ${establishedOn} is in the future. / 成立日期不能晚于今天。`,
      'DATE_IN_FUTURE',
    );

  return {
    type: 'UnionRegistered',
    data: {
      unionId,
      name,
      parentId: parent.id,
      establishedOn,
      orgPath: `${parent.orgPath}/${unionId}`,
    },
  };
};

export const decide = (command: UnionCommand, state: Union): UnionEvent => {
  switch (command.type) {
    case 'RegisterUnion':
      return registerUnion(command, state);
  }
};

export const unionDecider: Decider<Union, UnionCommand, UnionEvent> = {
  decide,
  evolve,
  initialState,
};
