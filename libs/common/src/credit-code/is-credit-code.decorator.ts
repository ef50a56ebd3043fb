import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { validateCreditCode } from './credit-code.validation';

export const IS_CREDIT_CODE = 'isCreditCode';

/**
 * class-validator check that a DTO property holds a valid unified social credit code (GB 32100-2015).
 * The default message names the failing rule, so a form can say what to fix; non-strings fail.
 */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: IS_CREDIT_CODE,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown): boolean {
          return typeof value === 'string' && validateCreditCode(value).valid;
        },
        defaultMessage(args?: ValidationArguments): string {
          const value: unknown = args?.value;
          const property = args?.property ?? 'value';
          if (typeof value !== 'string') return `${property} must be a unified social credit code string.`;
          const result = validateCreditCode(value);
          return result.valid ? `${property} must be a unified social credit code.` : `${property}: ${result.message}`;
        },
      },
    });
  };
}
