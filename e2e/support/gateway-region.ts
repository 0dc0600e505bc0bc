import ExcelJS from 'exceljs';

import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import {
  eventually,
  startServices,
  TEST_ADMIN_PASSWORD,
  testIdCardNumber,
} from '@taizhang/testing';

/** A JSON answer through the gateway. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

export type Side = 0 | 1;
export type SignedInRole = 'union_cadre' | 'federation_officer' | 'auditor';

/**
 * Two districts of one city, each with a street, a union, an employer, a member and a founding
 * application, and a signed-in user of every role on each side (a cadre of the union, an officer
 * and an auditor of the district), all through the gateway as clients use the platform.
 */
export interface GatewayRegion {
  running: RunningServices;
  gatewayUrl: string;
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  ids: {
    city: string;
    district: [string, string];
    street: [string, string];
    union: [string, string];
    application: [string, string];
    employer: [string, string];
    member: [string, string];
    /** A cadre serving in each union (三亮), appointed on 2024-01-01. */
    cadre: [string, string];
    /** Rights' records of each union: an open dispute of its member, a congress, a request. */
    dispute: [string, string];
    congress: [string, string];
    contract: [string, string];
    /** A wage-bargaining season (要约行动季) of each district. */
    season: [string, string];
    /** A proposal (提案) to each union's congress, submitted and not yet decided. */
    proposal: [string, string];
    /** A labour-protection inspection (劳动保护监督检查) of each union with one hazard found. */
    inspection: [string, string];
    hazard: [string, string];
    /** A 12351 hotline ticket each union received, open. */
    hotlineTicket: [string, string];
    /** An affairs disclosure (厂务公开) of each union, and an open early warning (劳动关系预警). */
    disclosure: [string, string];
    warning: [string, string];
  };
  /** Access tokens: `admin`, `cityOfficer`, and each role per side. */
  admin: string;
  cityOfficer: string;
  tokens: Record<SignedInRole, [string, string]>;
  /** The events in organisation's store, less those its deadline clocks record by themselves. */
  eventCount(): Promise<number>;
  /** The events in rights' store, less those its deadline clocks record by themselves. */
  rightsEventCount(): Promise<number>;
  close(): Promise<void>;
}

export const PASSWORD = 'a-long-enough-password';

// GB 32100 check characters, as in the registry e2e, for codes of two districts' employers.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const creditCode = (n: number): string => {
  const body = String(n).padStart(8, '0');
  const sum8 = [...body].reduce((s, d, i) => s + Number(d) * [3, 7, 9, 10, 5, 8, 4, 2][i]!, 0);
  const check = 11 - (sum8 % 11);
  const first17 = `91210100${body}${check === 10 ? 'X' : check % 11}`;
  const sum = [...first17].reduce((t, c, i) => t + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);

  return first17 + ALPHABET[(31 - (sum % 31)) % 31]!;
};

export const joinBody = (n: number) => ({
  name: `会员${n}`,
  gender: 'female',
  idCardNumber: testIdCardNumber(n, { gender: 'female' }),
  employmentForm: 'regular',
  migrantWorker: false,
  joinedOn: '2020-07-01',
});

/** An application naming employers by credit code (registered under the parent, or refused). */
export const applicationBody = (parentId: string, employerIds: string[] = [creditCode(80)]) => ({
  proposedName: '新建企业工会委员会',
  parentId,
  employerIds,
  preparatoryGroup: [
    { name: '张伟', role: '筹备组组长' },
    { name: '李娜', role: '成员' },
    { name: '王强', role: '成员' },
  ],
});

export const employerBody = (n: number, streetId: string) => ({
  creditCode: creditCode(n),
  name: `第${n}号企业有限公司`,
  kind: 'enterprise',
  streetId,
  registeredOn: '2025-06-30',
  headcount: 100,
  femaleHeadcount: 40,
  migrantHeadcount: 0,
  newFormHeadcount: 0,
});

export const cadreBody = (name = '刘芳') => ({
  name,
  post: '工会主席',
  phone: '13812345678',
  duties: '主持工会全面工作',
  appointedOn: '2024-01-01',
});

/** An unpaid-overtime dispute (加班) of one member of the union, accepted on 2026-01-05. */
export const disputeBody = (unionId: string, memberId: string) => ({
  unionId,
  category: 'overtime',
  claimants: [{ memberId, name: '会员' }],
  amountClaimedFen: 350_000,
  acceptedOn: '2026-01-05',
});

/** A session of the workers' congress with 40 of 60 delegates present (two thirds). */
export const congressBody = (unionId: string) => ({
  unionId,
  heldOn: '2026-01-05',
  delegatesEntitled: 60,
  delegatesPresent: 40,
});

/** A request to negotiate a wage contract (工资集体协商要约) with one employer. */
export const contractBody = (unionId: string, employerId: string) => ({
  unionId,
  kind: 'wage',
  employerIds: [employerId],
  requestedOn: '2026-01-05',
});

/** 集体合同 after the answer: each step of a contract, with a body its route takes. */
export const CONTRACT_STEP_BODIES: Record<string, object> = {
  rounds: {
    heldOn: '2026-01-07',
    unionRepresentatives: [{ name: '王芳', chief: true }, { name: '李明' }, { name: '赵军' }],
    employerRepresentatives: [{ name: '张总', chief: true }, { name: '刘经理' }, { name: '陈会计' }],
  },
  'congress-vote': {
    votedOn: '2026-01-08',
    delegatesTotal: 60,
    delegatesPresent: 45,
    votesFor: 40,
    wageIncreasePercent: 5,
    workforceCovered: 300,
    termYears: 2,
  },
  signing: { signedOn: '2026-01-09' },
  filing: { filedOn: '2026-01-10' },
  objection: { receivedOn: '2026-01-11', reason: '条款不明确' },
  renewal: { requestedOn: '2026-01-12' },
  'fulfilment-checks': {
    checkedOn: '2026-01-13',
    year: 2026,
    fulfilmentRate: 0.95,
    workerSatisfactionRate: 0.9,
  },
};

/** A wage-bargaining season (工资集体协商要约行动季) of a district federation. */
export const seasonBody = (orgUnitId: string) => ({
  orgUnitId,
  name: '2026年工资集体协商要约行动季',
  from: '2026-01-01',
  to: '2026-06-30',
  targetRequests: 20,
});

/** A labour-protection inspection (劳动保护监督检查) of an employer on 2026-01-05. */
export const inspectionBody = (unionId: string) => ({
  unionId,
  kind: 'general',
  inspectedOn: '2026-01-05',
  employerName: '机床厂',
  inspectors: ['张伟'],
});

/** A minor hazard (一般隐患) found at the inspection. */
export const hazardBody = () => ({
  description: '车间消防通道堵塞',
  severity: 'minor',
  foundOn: '2026-01-05',
});

/** A proposal (提案) of delegates to a congress session. */
export const proposalBody = (congressId: string) => ({
  congressId,
  title: '改善职工食堂就餐条件',
  submittedBy: '王芳等5名代表',
  submittedOn: '2026-01-05',
});

/** A 12351 ticket (热线工单) about unpaid wages, received by the unit on 2026-01-05. */
export const hotlineBody = (orgUnitId: string) => ({
  orgUnitId,
  channel: 'phone_12351',
  category: 'unpaid_wages',
  receivedAt: '2026-01-05T09:00:00+08:00',
  callerName: '来电职工',
  summary: '企业拖欠两个月工资',
});

/** A disclosure (厂务公开) of wages and 五险一金 on the notice board, on 2026-01-05. */
export const disclosureBody = (unionId: string) => ({
  unionId,
  kind: 'factory',
  disclosedOn: '2026-01-05',
  items: ['wages_bonuses', 'social_insurance'],
  audience: 'all_workers',
  channel: 'notice_board',
  responsiblePersons: {
    firstResponsible: '张书记',
    firstExecutor: '李厂长',
    firstSupervisor: '王主席',
    firstEvaluator: '全体职工',
  },
  notes: '年终奖金分配方案',
});

/** A yellow early warning (劳动关系预警) of unpaid wages, raised on 2026-01-05. */
export const warningBody = (orgUnitId: string) => ({
  orgUnitId,
  employerName: '某服装有限公司',
  risk: 'wage_arrears',
  level: 'yellow',
  raisedOn: '2026-01-05',
  description: '拖欠两个月工资',
});

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MEMBER_HEADERS = ['姓名', '性别', '身份证号码', '用工形式', '是否农民工', '入会日期'];

/** A member sheet (会员花名册) as unions keep it: a title row, the headers, then the rows. */
export const memberWorkbook = async (
  rows: unknown[][],
  headers: unknown[] = MEMBER_HEADERS,
): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会员');
  sheet.addRow(['会员花名册']);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);

  return Buffer.from(await book.xlsx.writeBuffer());
};

/** One valid row of a member sheet, for the person numbered n. */
export const memberRow = (n: number): unknown[] => [
  `导入会员${n}`,
  '女',
  testIdCardNumber(n, { gender: 'female' }),
  '正式',
  '否',
  '2020-07-01',
];

/**
 * What the services' deadline clocks record on their own, whenever their next run comes: the
 * region's records are dated in the past, so an application's answer, a dispute's 15 days and a
 * request's 20 days run out during the suites. Counting what a request appended leaves them out.
 */
const CLOCK_EVENTS = {
  organisation: ['ApprovalOverdue', 'UnionTermExpired'],
  rights: [
    'DisputeArbitrationEligible',
    'ContractRequestOverdue',
    'ContractFilingOverdue',
    'ContractDeemedEffective',
    'ContractRenewalDue',
    'HazardRectificationOverdue',
    'HotlineTicketOverdue',
  ],
};

export const startGatewayRegion = async (): Promise<GatewayRegion> => {
  const running = await startServices(
    ['organisation', 'rights', 'reporting', 'gateway'],
    [Topics.organisation, Topics.rights],
    {
      // The matrix and the fuzzing send thousands of requests from one address.
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_USER: '1000000',
      LOGIN_RATE_LIMIT_PER_ADDRESS: '10000',
    },
  );
  const gatewayUrl = running.urls['gateway']!;
  const call: GatewayRegion['call'] = async (method, path, token, body, headers = {}) => {
    const response = await fetch(`${gatewayUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      // A string or bytes go as they are (raw JSON text, invalid UTF-8, a workbook).
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || Buffer.isBuffer(body)
            ? body
            : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }

    return { status: response.status, body: parsed };
  };
  const login = async (username: string, password = PASSWORD): Promise<string> => {
    const answer = await call('POST', '/auth/login', undefined, { username, password });
    if (answer.status !== 200)
      throw new Error(
        `${username} cannot sign in: ${answer.status} ${JSON.stringify(answer.body)}`,
      );

    return answer.body['accessToken'] as string;
  };
  const created = async (token: string, path: string, body: unknown): Promise<string> => {
    const answer = await call('POST', `/api/organisation${path}`, token, body);
    if (answer.status !== 201)
      throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);

    return answer.body['id'] as string;
  };
  // The gateway places accounts in units it learned from organisation's topic.
  const account = async (admin: string, username: string, role: string, orgUnitId: string) => {
    const answer = await eventually(
      () => call('POST', '/users', admin, { username, password: PASSWORD, role, orgUnitId }),
      (answer) => answer.status === 201,
      90_000,
    );
    if (answer.status !== 201)
      throw new Error(
        `${username} was not created: ${answer.status} ${JSON.stringify(answer.body)}`,
      );

    return login(username);
  };

  const admin = await login('admin', TEST_ADMIN_PASSWORD);
  const city = await created(admin, '/org-units', {
    code: '2101',
    name: '沈阳市总工会',
    kind: 'municipal',
  });
  const district: string[] = [];
  const street: string[] = [];
  const union: string[] = [];
  for (const [i, name] of ['和平区总工会', '沈河区总工会'].entries()) {
    district.push(
      await created(admin, '/org-units', {
        code: `21010${i + 2}`,
        name,
        kind: 'district',
        parentId: city,
      }),
    );
    street.push(
      await created(admin, '/org-units', {
        code: `21010${i + 2}001`,
        name: `${name}第一街道工会联合会`,
        kind: 'street',
        parentId: district[i],
      }),
    );
    union.push(
      await created(admin, '/unions', {
        name: `${name}机床厂工会`,
        parentId: street[i],
        establishedOn: '2000-01-01',
      }),
    );
  }
  const cityOfficer = await account(admin, 'city.officer', 'federation_officer', city);
  const tokens = { union_cadre: [], federation_officer: [], auditor: [] } as unknown as Record<
    SignedInRole,
    [string, string]
  >;
  for (const side of [0, 1] as const) {
    tokens.union_cadre[side] = await account(admin, `cadre${side}`, 'union_cadre', union[side]!);
    tokens.federation_officer[side] = await account(
      admin,
      `officer${side}`,
      'federation_officer',
      district[side]!,
    );
    tokens.auditor[side] = await account(admin, `auditor${side}`, 'auditor', district[side]!);
  }
  const application: string[] = [];
  const employer: string[] = [];
  const member: string[] = [];
  const cadre: string[] = [];
  for (const side of [0, 1] as const) {
    employer.push(await created(cityOfficer, '/employers', employerBody(side + 1, street[side]!)));
    // An application names registered employers under its parent (one union per employer).
    const covered = await created(
      cityOfficer,
      '/employers',
      employerBody(side + 11, street[side]!),
    );
    application.push(
      await created(cityOfficer, '/union-applications', applicationBody(street[side]!, [covered])),
    );
    member.push(await created(cityOfficer, `/unions/${union[side]}/members`, joinBody(side + 1)));
    cadre.push(await created(cityOfficer, `/unions/${union[side]}/cadres`, cadreBody()));
  }
  // Reporting knows both unions before anything reads it.
  for (const side of [0, 1] as const) {
    const known = await eventually(
      () => call('GET', `/api/reporting/reports/org-units/${union[side]}/summary`, cityOfficer),
      (answer) => answer.status === 200 && answer.body['members'] === 1,
      60_000,
    );
    if (known.body['members'] !== 1) throw new Error('reporting did not learn the two unions');
  }
  // Rights learns the unions and members from organisation's topic: it records once it knows them.
  const rightsRecord = async (path: string, body: object): Promise<string> => {
    const answer = await eventually(
      () => call('POST', `/api/rights${path}`, cityOfficer, body),
      (a) => a.status === 201,
      60_000,
    );
    if (answer.status !== 201)
      throw new Error(`rights ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);

    return answer.body['id'] as string;
  };
  const dispute: string[] = [];
  const congress: string[] = [];
  const contract: string[] = [];
  const proposal: string[] = [];
  const season: string[] = [];
  const inspection: string[] = [];
  const hazard: string[] = [];
  const hotlineTicket: string[] = [];
  const disclosure: string[] = [];
  const warning: string[] = [];
  for (const side of [0, 1] as const) {
    dispute.push(await rightsRecord('/disputes', disputeBody(union[side]!, member[side]!)));
    congress.push(await rightsRecord('/congresses', congressBody(union[side]!)));
    contract.push(await rightsRecord('/contracts', contractBody(union[side]!, employer[side]!)));
    proposal.push(await rightsRecord('/proposals', proposalBody(congress[side]!)));
    season.push(await rightsRecord('/bargaining-seasons', seasonBody(district[side]!)));
    inspection.push(await rightsRecord('/inspections', inspectionBody(union[side]!)));
    hazard.push(await rightsRecord(`/inspections/${inspection[side]}/hazards`, hazardBody()));
    hotlineTicket.push(await rightsRecord('/hotline-tickets', hotlineBody(union[side]!)));
    disclosure.push(await rightsRecord('/disclosures', disclosureBody(union[side]!)));
    warning.push(await rightsRecord('/early-warnings', warningBody(union[side]!)));
  }
  const pair = (values: string[]) => [values[0]!, values[1]!] as [string, string];

  return {
    running,
    gatewayUrl,
    call,
    ids: {
      city,
      district: pair(district),
      street: pair(street),
      union: pair(union),
      application: pair(application),
      employer: pair(employer),
      member: pair(member),
      cadre: pair(cadre),
      dispute: pair(dispute),
      congress: pair(congress),
      contract: pair(contract),
      season: pair(season),
      proposal: pair(proposal),
      inspection: pair(inspection),
      hazard: pair(hazard),
      hotlineTicket: pair(hotlineTicket),
      disclosure: pair(disclosure),
      warning: pair(warning),
    },
    admin,
    cityOfficer,
    tokens,
    eventCount: async () =>
      Number(
        (
          await running.databases['organisation']!.pool.query<{ count: string }>(
            'SELECT count(*) FROM events WHERE NOT (type = ANY($1))',
            [CLOCK_EVENTS.organisation],
          )
        ).rows[0]!.count,
      ),
    rightsEventCount: async () =>
      Number(
        (
          await running.databases['rights']!.pool.query<{ count: string }>(
            'SELECT count(*) FROM events WHERE NOT (type = ANY($1))',
            [CLOCK_EVENTS.rights],
          )
        ).rows[0]!.count,
      ),
    close: () => running.close(),
  };
};

/** A zip of the given parts, each deflated (or stored), declaring the sizes given or the real ones. */
export const zipOf = (
  parts: { name: string; deflated: Buffer; size: number; crc: number; stored?: boolean }[],
): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const header = (central: boolean): Buffer => {
      const fixed = Buffer.alloc(central ? 46 : 30);
      fixed.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      const at = central ? 2 : 0;
      if (central) fixed.writeUInt16LE(20, 4);
      fixed.writeUInt16LE(20, 4 + at);
      fixed.writeUInt16LE(part.stored ? 0 : 8, 8 + at);
      fixed.writeUInt32LE(part.crc >>> 0, 14 + at);
      fixed.writeUInt32LE(part.deflated.length, 18 + at);
      fixed.writeUInt32LE(part.size >>> 0, 22 + at);
      fixed.writeUInt16LE(name.length, 26 + at);
      if (central) fixed.writeUInt32LE(offset, 42);

      return Buffer.concat([fixed, name]);
    };
    centrals.push(header(true));
    const local = Buffer.concat([header(false), part.deflated]);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);

  return Buffer.concat([...locals, directory, end]);
};
