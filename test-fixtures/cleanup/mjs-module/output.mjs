export const flow = 'new';
