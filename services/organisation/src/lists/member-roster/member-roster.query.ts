import { Inject, Injectable } from '@nestjs/common';

import type { Caller } from '@taizhang/auth';
import { refuseLargeExport } from '@taizhang/bootstrap';
import type {
  EmploymentForm,
  EncryptedValue,
  JoinChannel,
  RetentionReason,
} from '@taizhang/contracts';

import { readBranchUnits } from '../../branch-units';
import type { Member } from '../../members';
import { maskIdCardNumber, PersonalDataVault } from '../../members';
import { maskPhoneNumber } from '../../shared/phone-number';
import { unitsInView } from '../../unions';
import { ListsReadModels } from '../lists-read-models';
import { pagedRows } from '../paged-rows';
import { ownUnitOf } from '../unit-in-scope';
import { maskName } from './masked-name';

export type RosterStatus = 'active' | 'retained' | 'left';
type Enrolled = Exclude<Member, { status: 'None' }>;

interface RosterRow {
  member_id: string;
  holder_id: string;
  status: RosterStatus;
  state: Enrolled;
}

/** A member as a list shows them: personal data masked, the name too unless the caller keeps the records. */
export interface RosterEntry {
  memberId: string;
  name: string;
  nameMasked: boolean;
  gender: 'female' | 'male';
  status: RosterStatus;
  joinedOn: string;
  since: string;
  unionId: string | null;
  /** 所属分会/小组: the branch union or union group of the union the member is placed in. */
  branchId: string | null;
  branchName: string | null;
  employmentForm: EmploymentForm | null;
  migrantWorker: boolean | null;
  channel: JoinChannel | null;
  idCardNumber: string | null;
  phone: string | null;
  retention: {
    reason: RetentionReason;
    heldBy: 'union' | 'federation';
    heldByOrgUnitId: string | null;
    since: string;
  } | null;
  leftOn: string | null;
  erased: boolean;
}

export interface RosterFilter {
  statuses: readonly RosterStatus[];
  /** Part of the name (匹配姓名中的连续文字). */
  name: string | null;
  /** The member id the ID card number stands for (its blind index). */
  memberId: string | null;
  /** A branch unit of the union (a branch of another union matches nothing). */
  branchId: string | null;
}

const COLUMNS = 'member_id, holder_id, status, joined_on, state';

// One union's members: the index on union_id bounds every filter to that union's rows.
const ROSTER = `
  SELECT ${COLUMNS} FROM member_roster
  WHERE union_id = $1 AND status = ANY($2::text[])
    AND ($3::text IS NULL OR strpos(name, $3) > 0)
    AND ($4::text IS NULL OR member_id = $4)
    AND ($5::text IS NULL OR branch_id = $5)`;

// Retentions held by the unit or any unit now below it: federation units by the org tree, the
// unions under them by their parent in the union register.
const RETAINED = `
  WITH federations AS (
    SELECT unit_id FROM org_paths
    WHERE valid_to = 'infinity' AND (org_path = $1 OR starts_with(org_path, $1 || '/'))
  ),
  holders AS (
    SELECT unit_id FROM federations
    UNION SELECT union_id FROM union_register WHERE parent_id IN (SELECT unit_id FROM federations)
    UNION SELECT $2::text
  )
  SELECT ${COLUMNS} FROM member_roster
  WHERE status = 'retained' AND holder_id IN (SELECT unit_id FROM holders)`;

const ORDER = 'joined_on, member_id';

/** A page, or a whole sheet refused when more than `refuseAbove` rows match. */
export interface Window {
  limit: number;
  offset: number;
  refuseAbove?: number;
}

/** 会员花名册 and 保留会籍 lists, from the member roster, masked for the caller. */
@Injectable()
export class MemberRosterQuery {
  constructor(
    @Inject(ListsReadModels) private readonly readModels: ListsReadModels,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  /** The blind index an ID card number is looked up by: the member id it stands for. */
  memberIdOf(normalisedIdCard: string): string {
    return this.vault.memberIdOf(normalisedIdCard);
  }

  async roster(
    user: Caller,
    unionId: string,
    filter: RosterFilter,
    window: Window,
  ): Promise<{ total: number; members: RosterEntry[] }> {
    await this.readModels.members();
    const { total, rows } = await pagedRows<RosterRow>(
      this.readModels.store.pool,
      ROSTER,
      ORDER,
      [unionId, filter.statuses, filter.name, filter.memberId, filter.branchId],
      window,
    );
    // A sheet over the cap is refused before a single row is decrypted.
    if (window.refuseAbove !== undefined) refuseLargeExport(total, window.refuseAbove);

    return { total, members: await this.present(user, rows) };
  }

  async retained(
    user: Caller,
    unit: { id: string; path: string },
    window: Window,
  ): Promise<{ total: number; members: RosterEntry[] }> {
    await this.readModels.members();
    await this.readModels.unions();
    const { total, rows } = await pagedRows<RosterRow>(
      this.readModels.store.pool,
      RETAINED,
      ORDER,
      [unit.path, unit.id],
      window,
    );
    if (window.refuseAbove !== undefined) refuseLargeExport(total, window.refuseAbove);

    return { total, members: await this.present(user, rows) };
  }

  /**
   * Masks every row for the caller: ID card number and phone always (unmasked only one member
   * at a time, with a reason on record: `GET /members/:id?reveal=true`); the name unless the
   * caller keeps these records (the union's cadre, or the officer of the federation holding the
   * retention). Units outside the caller's scope are shown without their id.
   */
  private async present(user: Caller, rows: RosterRow[]): Promise<RosterEntry[]> {
    const keys = await this.vault.findKeys(
      rows.flatMap(({ state }) =>
        state.personalData.keyId && !state.personalData.erased ? [state.personalData.keyId] : [],
      ),
    );
    const unit = await unitsInView(this.readModels.store, user, [
      ...rows.flatMap(({ state }) =>
        state.status === 'Retained'
          ? [state.unionId, state.retention.heldByOrgUnitId]
          : [state.unionId],
      ),
    ]);
    const own = ownUnitOf(user);
    const branchOf = await this.branchesOf(rows, unit);

    return rows.map(({ holder_id: holder, status, state }) => {
      const key = state.personalData.keyId ? keys.get(state.personalData.keyId) : undefined;
      const open = (field: 'idCardNumber' | 'phone', value: EncryptedValue | null) =>
        key && value ? this.vault.open(key, field, value) : null;
      const idCard = open('idCardNumber', state.personalData.idCardNumber);
      const phone = open('phone', state.personalData.phone);
      const seesName =
        user.role === 'union_cadre' || (user.role === 'federation_officer' && holder === own);
      const retention = state.status === 'Retained' ? state.retention : null;

      return {
        memberId: state.memberId,
        name: seesName ? state.name : maskName(state.name),
        nameMasked: !seesName,
        gender: state.gender,
        status,
        joinedOn: state.joinedOn,
        since: state.since,
        unionId: unit(state.unionId),
        ...branchOf(state),
        employmentForm: state.employmentForm,
        migrantWorker: state.migrantWorker,
        channel: state.channel,
        idCardNumber: idCard && maskIdCardNumber(idCard),
        phone: phone && maskPhoneNumber(phone),
        retention: retention && {
          reason: retention.reason,
          heldBy: retention.heldBy,
          heldByOrgUnitId: unit(retention.heldByOrgUnitId),
          since: retention.since,
        },
        leftOn: state.status === 'Left' ? state.leftOn : null,
        erased: state.personalData.erased,
      };
    });
  }

  /**
   * Each row's branch unit and its name, the names read once per union with a placed member on
   * the page: a roster is one union's, so one stream read per page. A member leaves their branch
   * with any other change (transfer, retention), so the branch is one of `unionId`'s; it is
   * shown only where that union is in the caller's view.
   */
  private async branchesOf(
    rows: RosterRow[],
    unit: (id: string) => string | null,
  ): Promise<(state: Enrolled) => { branchId: string | null; branchName: string | null }> {
    const unions = new Set(
      rows.flatMap(({ state }) => (state.branchId && unit(state.unionId) ? [state.unionId] : [])),
    );
    const names = new Map<string, string>();
    for (const unionId of unions) {
      const { branches } = await readBranchUnits(this.readModels.store, unionId);
      for (const branch of branches) names.set(branch.branchId, branch.name);
    }

    return (state) => {
      const branchId = state.branchId && unit(state.unionId) ? state.branchId : null;

      return { branchId, branchName: branchId ? (names.get(branchId) ?? null) : null };
    };
  }
}
