import { Injectable } from '@nestjs/common';

import type { AnyImportJobKind } from './import-job-kind';

/** The kinds of sheet this service imports, registered by the features that own them. */
@Injectable()
export class ImportJobKinds {
  private readonly kinds = new Map<string, AnyImportJobKind>();

  register(kind: AnyImportJobKind): void {
    if (this.kinds.has(kind.name)) throw new Error(`Import kind ${kind.name} is registered twice.`);
    this.kinds.set(kind.name, kind);
  }

  get(name: string): AnyImportJobKind {
    const kind = this.kinds.get(name);
    if (!kind) throw new Error(`No import kind ${name} is registered.`);

    return kind;
  }

  names(): string[] {
    return [...this.kinds.keys()];
  }
}
