declare const flags: { isEnabled(key: string): boolean };

/** Which tax flag applies depends on the invoice: the key is chosen at run time. */
export function taxesEnabled(invoiceIsNew: boolean): boolean {
  return flags.isEnabled(invoiceIsNew ? 'new-taxes' : 'old-taxes');
}

export function navigation(): string {
  if (flags.isEnabled('new-nav')) {
    return 'new';
  }
  return 'old';
}
