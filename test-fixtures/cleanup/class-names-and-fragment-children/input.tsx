import classNames from 'classnames';

export function Settings() {
  const emailEnabled = useFeature('email-notifications');
  return (
    <div className={classNames(styles.grid, { [styles['grid--noEmail']]: !emailEnabled })}>
      <Header />
      {emailEnabled && (
        <>
          <EmailForm />
          <Separator />
        </>
      )}
      <Footer />
    </div>
  );
}
