export function Panel() {
  return (
    <>
      <Title />
      <Body />
    </>
  );
}
