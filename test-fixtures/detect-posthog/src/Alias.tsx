import { PostHogFeature as Gate } from 'posthog-js/react';

export const Promo = () => <Gate flag="aliased-gate">promo</Gate>;
