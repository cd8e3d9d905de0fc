import { useExperiment } from './experiments';

export const plans = useExperiment('billing.newPlans') ? ['starter', 'team'] : ['starter'];
