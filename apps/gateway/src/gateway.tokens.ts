/** Injection tokens of the gateway's shared connections. */
export const GATEWAY_REDIS = Symbol('GATEWAY_REDIS');
export const GATEWAY_POSTGRES = Symbol('GATEWAY_POSTGRES');
