import dayjs from 'dayjs';

export const LicenseBanner = () => {
  return null;
};

export const LocaleBanner = () => {
  const previous = dayjs.locale('de');
  return null;
};
