import classNames from 'classnames';

export function Settings() {
  return (
    <div className={classNames(styles.grid)}>
      <Header />
      <EmailForm />
      <Separator />
      <Footer />
    </div>
  );
}
