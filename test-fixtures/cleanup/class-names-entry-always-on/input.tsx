export const Card = ({ selected }: Props) => {
  const { SPOT_LAYOUT } = useFeatureFlags()
  return (
    <div className={cx(css.card, { [css.md]: SPOT_LAYOUT })}>
      <span className={cx(css.title, { 'title--wide': SPOT_LAYOUT })} />
      <span className={cx(css.body, { [css.wide]: SPOT_LAYOUT, [css.selected]: selected })} />
    </div>
  )
}
