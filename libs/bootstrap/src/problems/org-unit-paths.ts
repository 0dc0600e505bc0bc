/**
 * Where an org unit sits in the tree now, so that a refusal's in-scope-only details
 * (`DomainError.inScopeOnly`) are shown to a caller whose scope reaches that unit. A service
 * whose errors carry such details provides it (`{ provide: OrgUnitPaths, useClass: … }` in any
 * of its modules); without it those details are never shown.
 */
export abstract class OrgUnitPaths {
  /** The unit's current path (`<city>/<district>/…`), or null when there is no such unit. */
  abstract pathOf(unitId: string): Promise<string | null>;
}
