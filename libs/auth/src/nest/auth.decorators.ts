import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Identity } from '../identity';

export const IS_PUBLIC = 'zilv:public';

/** The operation is open to anonymous callers (public registers, certificate checks, login). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export interface RequestWithIdentity {
  headers: Record<string, string | string[] | undefined>;
  identity?: Identity;
  identityResolved?: boolean;
}

export function requestOf(context: ExecutionContext): RequestWithIdentity {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithIdentity }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithIdentity>();
}

/** The verified caller, or undefined for anonymous callers of public operations. */
export const CurrentIdentity = createParamDecorator((_: unknown, context: ExecutionContext) => requestOf(context).identity);
