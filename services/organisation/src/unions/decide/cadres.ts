import type { CadreAppointed, CadreRemoved } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';

import type { AppointCadre, RemoveCadre } from '../union.commands';
import type { Union } from '../union.state';
import { requireActive } from './union-dates';

/** 三亮: a cadre of an active union takes up a post, from a date not before its founding. */
export const appointCadre = (command: AppointCadre, state: Union): CadreAppointed => {
  const union = requireActive(state);
  const { cadreId, name, post, phone, duties, appointedOn } = command.data;
  notInFuture(appointedOn, command.metadata.now, 'appointment date', '任职日期');
  if (appointedOn < union.establishedOn)
    throw new IllegalStateError(
      `A cadre cannot take up a post before the union was founded (${union.establishedOn}). / 任职日期早于工会成立日期。`,
      'APPOINTED_BEFORE_FOUNDING',
    );
  if ((union.cadres ?? []).some((cadre) => cadre.name === name && cadre.post === post))
    throw new IllegalStateError(
      `${name} already serves as ${post}. / 该干部已在此职务上。`,
      'CADRE_ALREADY_SERVING',
    );

  return {
    type: 'CadreAppointed',
    data: { unionId: union.id, cadreId, name, post, phone, duties, appointedOn },
  };
};

/** A serving cadre leaves the post; from then on they are not shown. */
export const removeCadre = (command: RemoveCadre, state: Union): CadreRemoved => {
  const union = requireActive(state);
  const { cadreId, removedOn, reason } = command.data;
  const cadre = (union.cadres ?? []).find((serving) => serving.cadreId === cadreId);
  if (!cadre)
    throw new NotFoundError(`No cadre ${cadreId} serves in this union. / 该工会没有这名在任干部。`);
  notInFuture(removedOn, command.metadata.now, 'removal date', '离任日期');
  if (removedOn < cadre.appointedOn)
    throw new IllegalStateError(
      `The removal (${removedOn}) cannot precede the appointment (${cadre.appointedOn}). / 离任日期早于任职日期。`,
      'REMOVED_BEFORE_APPOINTMENT',
    );

  return { type: 'CadreRemoved', data: { unionId: union.id, cadreId, removedOn, reason } };
};
