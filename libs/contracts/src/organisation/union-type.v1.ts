import { z } from 'zod';

import { defineEvent } from '../event-definition';

/**
 * The kind of a grassroots union (基层工会类型, DESIGN §2): enterprise 企业, public institution
 * 事业单位, school 学校 (with its 教代会), joint union 联合基层工会, building 楼宇, market 市场,
 * project 项目工会, other 其他.
 */
export const UnionTypeSchema = z.enum([
  'enterprise',
  'public_institution',
  'school',
  'joint',
  'building',
  'market',
  'project',
  'other',
]);
export type UnionType = z.infer<typeof UnionTypeSchema>;

/** A union's type changed from a date (e.g. an enterprise union became a joint union). */
export const UnionTypeChangedV1 = defineEvent(
  'UnionTypeChanged',
  1,
  z.object({
    unionId: z.string().min(1),
    unionType: UnionTypeSchema,
    /** null: the union's type had not been recorded (registered before types were kept). */
    previousType: UnionTypeSchema.nullable(),
    effectiveOn: z.iso.date(),
  }),
);
