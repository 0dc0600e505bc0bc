import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { cleanupOpenApiDoc } from 'nestjs-zod';

/** What the OpenAPI document says about the service. */
export interface OpenApiOptions {
  description?: string;
  version?: string;
}

/** Serves the OpenAPI document, built from the zod DTOs, at `/docs` (UI) and `/docs-json`. */
export const setUpOpenApi = (
  app: INestApplication,
  serviceName: string,
  { description = `The ${serviceName} service of Taizhang.`, version = '1' }: OpenApiOptions = {},
): void => {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Taizhang ${serviceName}`)
      .setDescription(description)
      .setVersion(version)
      // The gateway's access token; routes marked @Roles(…) ask for it.
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(document), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
};
