import { requireDemoMode } from './demo-mode';
import type { DemoStreet, DemoUnion } from './demo-region.data';
import { DEMO_DISTRICTS } from './demo-region.data';
import { DEFAULT_DEMO_PASSWORD } from './demo-users.data';
import { seedCommand, signIn, signInAsAdmin } from './gateway-client';

/**
 * Seeds how the demo region is organised below and beside its unions (issue 11, items 5 and 6):
 * each union's type (工会类型, set by its own cadre from its founding), a workshop union and a
 * union group in the machine-tool union with members placed in them (分工会/工会小组, seed 004), a
 * school union with a branch union, and a community union unit holding members of an employer
 * that has no union yet (seed 003). After demo-members.ts; fixed Idempotency-Keys: a second run
 * records nothing new.
 */
const DEMO_PASSWORD = process.env['TAIZHANG_DEMO_PASSWORD'] || DEFAULT_DEMO_PASSWORD;

const UNION_TYPES: Record<string, string> = {
  'machine-tool': 'enterprise',
  'taiyuan-market': 'joint',
  'courier-station': 'joint',
  hospital: 'public_institution',
};

// GB 11643: the 18th character is the check of the first 17 (weights 2^(17-i) mod 11).
const CHECK = '10X98765432';
const idCardNumber = (first17: string): string => {
  const sum = [...first17].reduce(
    (total, digit, i) => total + Number(digit) * (2 ** (17 - i) % 11),
    0,
  );

  return `${first17}${CHECK[sum % 11]!}`;
};

const person = (
  name: string,
  gender: 'female' | 'male',
  first17: string,
  joinedOn: string,
  more: Record<string, unknown> = {},
) => ({
  name,
  gender,
  idCardNumber: idCardNumber(first17),
  employmentForm: 'regular',
  migrantWorker: false,
  joinedOn,
  ...more,
});

// Each user signs in once (the gateway limits sign-ins).
const signedIn = new Map<string, Awaited<ReturnType<typeof signIn>>>();
const signInAs = async (username: string) => {
  if (!signedIn.has(username)) signedIn.set(username, await signIn(username, DEMO_PASSWORD));
  const user = signedIn.get(username);
  if (!user) throw new Error(`The demo user ${username} cannot sign in with the demo password.`);

  return user;
};

const streetOf = (key: string): DemoStreet => {
  const street = DEMO_DISTRICTS.flatMap((d) => d.streets).find((s) => s.key === key);
  if (!street) throw new Error(`No demo street ${key}.`);

  return street;
};

const seed = async (): Promise<void> => {
  requireDemoMode();
  let recorded = 0;
  const count = ({ replayed }: { replayed: boolean }) => {
    if (!replayed) recorded += 1;
  };
  const unions: DemoUnion[] = DEMO_DISTRICTS.flatMap((d) => d.streets.flatMap((s) => s.unions));

  // 工会类型: the demo unions were registered before types were kept.
  for (const union of unions) {
    const unionType = UNION_TYPES[union.key];
    if (!unionType) continue;
    const cadre = await signInAs(`${union.key}.cadre`);
    count(
      await seedCommand(
        cadre.accessToken,
        `/api/organisation/unions/${cadre.user.orgUnitId}/type`,
        `${union.key}:type`,
        { unionType, effectiveOn: union.establishedOn },
      ),
    );
  }

  // 分工会/工会小组 of the machine-tool union, its first two members placed in them.
  const machineTool = unions.find((union) => union.key === 'machine-tool')!;
  const cadre = await signInAs('machine-tool.cadre');
  const asCadre = (path: string, key: string, body: unknown) =>
    seedCommand(cadre.accessToken, `/api/organisation${path}`, key, body);
  const unionId = cadre.user.orgUnitId!;
  const workshop = await asCadre(`/unions/${unionId}/branches`, 'machine-tool:branch:foundry', {
    kind: 'branch_union',
    name: '铸造车间工会',
    establishedOn: '1990-03-01',
  });
  const group = await asCadre(`/unions/${unionId}/branches`, 'machine-tool:branch:foundry-1', {
    kind: 'union_group',
    name: '铸造车间第一工会小组',
    establishedOn: '1990-03-01',
  });
  count(workshop);
  count(group);
  for (const [index, branchId] of [workshop.id, group.id].entries()) {
    // The member's own join again, under its own key: the first answer, with the member's id.
    const { retained: _retained, ...member } = machineTool.members[index]!;
    const joined = await asCadre(
      `/unions/${unionId}/members`,
      `machine-tool:member-v2:${index}`,
      member,
    );
    count(
      await asCadre(`/members/${joined.id}/branch`, `machine-tool:member-v2:${index}:branch`, {
        branchId,
        placedOn: '2024-01-01',
      }),
    );
  }

  // A school union (学校, with its 教代会) and its branch union, by the street's officer.
  const nanshichang = streetOf('nanshichang');
  const officer = await signInAs('nanshichang.officer');
  const streetId = officer.user.orgUnitId!;
  const asOfficer = (path: string, key: string, body: unknown) =>
    seedCommand(officer.accessToken, `/api/organisation${path}`, key, body);
  const school = await asOfficer('/unions', 'nanshichang:school-union', {
    name: '和平区南市场小学工会',
    parentId: streetId,
    establishedOn: '1995-09-01',
    unionType: 'school',
  });
  count(school);
  const juniors = await asOfficer(`/unions/${school.id}/branches`, 'nanshichang:school-branch', {
    kind: 'branch_union',
    name: '低年级组分工会',
    establishedOn: '2010-09-01',
  });
  count(juniors);
  const teachers = [
    person('吴晓燕', 'female', '21010219860411032', '2010-09-01', { branchId: juniors.id }),
    person('郑伟', 'male', '21010219830722051', '2008-09-01', { branchId: juniors.id }),
    person('冯丽娟', 'female', '21010219900105062', '2014-09-01'),
  ];
  for (const [index, teacher] of teachers.entries())
    count(await asOfficer(`/unions/${school.id}/members`, `nanshichang:school:${index}`, teacher));

  // 先由社区工会发展会员: a community holds members of the property company, which has no union.
  const admin = await signInAsAdmin();
  const community = await seedCommand(
    admin,
    '/api/organisation/org-units',
    'nanshichang:community',
    {
      code: '210102001001',
      name: '南市场社区工会',
      kind: 'community',
      parentId: streetId,
    },
  );
  count(community);
  const property = nanshichang.employers.find((employer) => employer.key === 'property')!;
  const held = [
    person('韩雪', 'female', '21010219950316042', '2025-03-01', { migrantWorker: true }),
    person('袁博', 'male', '23010219930820013', '2025-04-15', { migrantWorker: true }),
  ];
  for (const [index, member] of held.entries())
    count(
      await asOfficer(`/org-units/${community.id}/members`, `nanshichang:community:${index}`, {
        ...member,
        employerId: property.creditCode,
      }),
    );

  console.log(
    recorded > 0
      ? `Demo union types, branch units and community-held members recorded: ${recorded}.`
      : 'Demo union types, branch units and community-held members already recorded.',
  );
};

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
