export function Page() {
  return (
    <div>
      <TwoColumn />
    </div>
  );
}
