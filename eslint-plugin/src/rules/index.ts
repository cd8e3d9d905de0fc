import flagExpiringSoon from './flag-expiring-soon';
import flagKeyFormat from './flag-key-format';
import noDynamicFlagKey from './no-dynamic-flag-key';
import noExpiredFlag from './no-expired-flag';
import noUnknownFlag from './no-unknown-flag';
import requireFlagExpiry from './require-flag-expiry';
import validFlagAnnotation from './valid-flag-annotation';

export const rules = {
  'flag-key-format': flagKeyFormat,
  'require-flag-expiry': requireFlagExpiry,
  'no-expired-flag': noExpiredFlag,
  'flag-expiring-soon': flagExpiringSoon,
  'valid-flag-annotation': validFlagAnnotation,
  'no-unknown-flag': noUnknownFlag,
  'no-dynamic-flag-key': noDynamicFlagKey,
};

export type RuleName = keyof typeof rules;
