export const OTHER = 'other';
