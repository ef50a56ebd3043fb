import { HTTP_STATUS_BY_CODE, PublicErrorCode } from '@app/common';

/** RFC 9457 problem details, with our code and reason so clients can branch on them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  reason?: string;
  requestId?: string;
  errorId?: string;
  errors?: unknown[];
}

const TITLES: Record<PublicErrorCode, string> = {
  BAD_USER_INPUT: 'Invalid request',
  UNAUTHENTICATED: 'Authentication required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  TOO_MANY_REQUESTS: 'Too many requests',
  INTERNAL_SERVER_ERROR: 'Internal error',
};

export function problemDetails(input: {
  status?: number;
  code: string;
  reason?: string;
  detail: string;
  instance?: string;
  requestId?: string;
  errorId?: string;
  errors?: unknown[];
}): ProblemDetails {
  const code = (input.code in TITLES ? input.code : PublicErrorCode.INTERNAL_SERVER_ERROR) as PublicErrorCode;
  const status = input.status ?? HTTP_STATUS_BY_CODE[code];
  return {
    type: `urn:zilv:problem:${(input.reason ?? code).toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[code],
    status,
    detail: input.detail,
    ...(input.instance ? { instance: input.instance } : {}),
    code,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.requestId ? { requestId: input.requestId } : {}),
    ...(input.errorId ? { errorId: input.errorId } : {}),
    ...(input.errors ? { errors: input.errors } : {}),
  };
}
