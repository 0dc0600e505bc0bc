import type { UnitKind } from '../api/reports';
import type { I18n } from '../i18n/i18n';

const KINDS = {
  municipal: 'kindMunicipal',
  district: 'kindDistrict',
  street: 'kindStreet',
  union: 'kindUnion',
} as const;

export const kindLabel = (i18n: I18n, kind: string): string =>
  kind in KINDS ? i18n.t(KINDS[kind as UnitKind]) : kind;
