import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The regulators' REST API description, generated from the controllers. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Zilü regulator API')
    .setDescription(
      'Read access for supervising authorities (主管部门) to the associations they supervise. Every endpoint is a projection of a named GraphQL operation. Errors are application/problem+json.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The key an association admin issued; "Authorization: ApiKey <key>" works too.' }, 'ApiKey')
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
}
