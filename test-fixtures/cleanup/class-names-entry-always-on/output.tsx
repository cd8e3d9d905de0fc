export const Card = ({ selected }: Props) => {
  return (
    <div className={cx(css.card, css.md)}>
      <span className={cx(css.title, 'title--wide')} />
      <span className={cx(css.body, { [css.wide]: true, [css.selected]: selected })} />
    </div>
  )
}
