export const FLAGS = {
  NEW_PROFILE: 'new-profile',
  CARDS: 'profile-cards',
} as const;
