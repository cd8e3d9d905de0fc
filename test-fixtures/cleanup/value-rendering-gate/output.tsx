export function Banner() {
  return (
    <p>
      {'Hello!'}
    </p>
  );
}
