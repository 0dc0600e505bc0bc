import { ApiHeader } from '@nestjs/swagger';

/** A parameter-decorator enhancer that documents a request header on the route in OpenAPI. */
export const documentedHeader =
  (name: string, description: string): ParameterDecorator =>
  (target, key) => {
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key === undefined || descriptor === undefined) return;
    ApiHeader({ name, description, required: false })(target, key, descriptor);
  };
