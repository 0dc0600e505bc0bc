import { createHash } from 'node:crypto';

import type {
  CadreAppointed,
  CadreDetailsUpdated,
  CadreRemoved,
  CommitteeElectionApproved,
  CommitteeTookOffice,
  UnionEstablished,
} from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';

import type {
  CommitteePost,
  CommitteeSeat,
  CongressOffice,
  OfficeHolder,
} from '../committee-rules';
import type { AppointCadre, RemoveCadre, UpdateCadreDetails } from '../union.commands';
import type { ServingCadre, Union } from '../union.state';
import { requireActive } from './union-dates';

/** How each elected post is shown on the notice board (亮身份). */
export const POST_NAMES: Record<CommitteePost | CongressOffice, string> = {
  chair: '工会主席',
  vice_chair: '工会副主席',
  member: '工会委员',
  organiser: '工会组织员',
  women_committee_chair: '女职工委员会主任',
  women_committee_member: '女职工委员会委员',
  audit_committee_chair: '经费审查委员会主任',
  audit_committee_member: '经费审查委员会委员',
};

// RFC 4122 name-based (SHA-1, version 5) ids under a namespace of our own: the same committee's
// seat gets the same id whenever the stream is decided again, so the decider stays pure.
const CADRE_NAMESPACE = Buffer.from('6f1c5a8e3b2d4e7fa9c01d2e3f405162', 'hex');
const nameBasedId = (name: string): string => {
  const hash = createHash('sha1').update(CADRE_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');

  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The id of the `seat`th cadre (committee first, then offices) of the `seated`th committee. */
export const electedCadreId = (unionId: string, seated: number, seat: number): string =>
  nameBasedId(`${unionId}/committee/${seated}/${seat}`);

/**
 * 三亮: an elected committee (and the offices its congress filled) takes office as the union's
 * cadres from the congress's day; whoever served from before that day leaves office on it.
 */
const committeeTakesOffice = (
  union: { id: string; cadres?: ServingCadre[]; committeesSeated?: number },
  electedOn: string,
  committee: readonly CommitteeSeat[],
  offices: readonly OfficeHolder[] = [],
): CommitteeTookOffice => {
  const seated = (union.committeesSeated ?? 0) + 1;
  const posts = [
    ...committee.map(({ name, post }) => ({ name, postCode: post })),
    ...offices.map(({ name, office }) => ({ name, postCode: office })),
  ];

  return {
    type: 'CommitteeTookOffice',
    data: {
      unionId: union.id,
      electedOn,
      cadres: posts.map(({ name, postCode }, seat) => ({
        cadreId: electedCadreId(union.id, seated, seat),
        name,
        post: POST_NAMES[postCode],
        postCode,
      })),
      outgoingCadreIds: (union.cadres ?? [])
        .filter((cadre) => cadre.appointedOn <= electedOn)
        .map((cadre) => cadre.cadreId),
    },
  };
};

/** The founding congress's committee becomes the new union's first cadres. */
export const seatFoundingCommittee = (
  established: UnionEstablished,
): [UnionEstablished, CommitteeTookOffice] => {
  const { unionId, establishedOn, committee, offices } = established.data;

  return [established, committeeTakesOffice({ id: unionId }, establishedOn, committee, offices)];
};

/**
 * An approved re-election (换届): the committee it elected takes office from the congress's day
 * (an election recorded before committees were kept has no one to seat).
 */
export const seatReelectedCommittee = (
  approved: CommitteeElectionApproved,
  union: Union,
): CommitteeElectionApproved | [CommitteeElectionApproved, CommitteeTookOffice] => {
  const election = union.status === 'Registered' ? union.pendingElection : undefined;
  if (union.status !== 'Registered' || !election?.committee) return approved;

  return [
    approved,
    committeeTakesOffice(union, election.heldOn, election.committee, election.offices),
  ];
};

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

/** 亮职责、亮承诺: a serving cadre's phone, duties or pledge, from a date not before they took up the post. */
export const updateCadreDetails = (
  command: UpdateCadreDetails,
  state: Union,
): CadreDetailsUpdated => {
  const union = requireActive(state);
  const { cadreId, phone, duties, pledge, effectiveOn } = command.data;
  const cadre = (union.cadres ?? []).find((serving) => serving.cadreId === cadreId);
  if (!cadre)
    throw new NotFoundError(`No cadre ${cadreId} serves in this union. / 该工会没有这名在任干部。`);
  if (phone === undefined && duties === undefined && pledge === undefined)
    throw new IllegalStateError(
      'Give a phone, duties or a pledge. / 请填写联系电话、职责或承诺。',
      'NOTHING_TO_UPDATE',
    );
  notInFuture(effectiveOn, command.metadata.now, 'effective date', '生效日期');
  if (effectiveOn < cadre.appointedOn)
    throw new IllegalStateError(
      `The details (${effectiveOn}) cannot precede the appointment (${cadre.appointedOn}). / 生效日期早于任职日期。`,
      'DETAILS_BEFORE_APPOINTMENT',
    );

  return {
    type: 'CadreDetailsUpdated',
    data: {
      unionId: union.id,
      cadreId,
      ...(phone === undefined ? {} : { phone }),
      ...(duties === undefined ? {} : { duties }),
      ...(pledge === undefined ? {} : { pledge }),
      effectiveOn,
    },
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
