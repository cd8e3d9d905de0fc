import dayjs from 'dayjs';
import { useFeature } from './features';
import { useInstanceConfiguration } from './api';

export const LicenseBanner = () => {
  const showLicense = useFeature('license-checking');
  const { licenseStatus, expirationDate } = useInstanceConfiguration();
  const daysLeft = dayjs((expirationDate ?? 0) * 1000).diff(dayjs(), 'days');
  const expiresSoon = daysLeft <= 30 && daysLeft >= 0;
  const values = expiresSoon ? { daysLeft: dayjs.unix(expirationDate).diff(dayjs(), 'days') } : undefined;

  if (!showLicense || licenseStatus === 'valid') {
    return null;
  }
  return <Banner status={licenseStatus} values={values} />;
};

export const LocaleBanner = () => {
  const showLicense = useFeature('license-checking');
  const previous = dayjs.locale('de');
  return showLicense ? <Banner locale={previous} /> : null;
};
