import { FlagService } from './flag-service';

export class OrderService {
  constructor(private readonly flags: FlagService, private readonly config: { flags?: FlagService }) {}

  async place() {
    if (this.flags.isEnabled('order-batching')) return 'batched';
    if (this.config?.flags?.isEnabled('order-audit')) return 'audited';
    const legacy = await this.flags
      .isDisabled(
        'legacy-orders',
      );
    const copy = this.flags.checkToggle(this, 'order-copy', 'Place order');
    return featureOn('order-v3') && legacy && copy;
  }

  lookalikes(isEnabled: (k: string) => boolean, otherFlags: FlagService, widget: { featureOn(k: string): boolean }) {
    return isEnabled('not-a-check-1') || otherFlags.isEnabled('not-a-check-2') || widget.featureOn('not-a-check-3');
  }
}

declare function featureOn(key: string): boolean;
