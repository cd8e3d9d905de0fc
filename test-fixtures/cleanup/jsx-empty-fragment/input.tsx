export function Extras({ client }: Props) {
  return (
    <div>
      <>
        {client.isEnabled('new-checkout') && <Promo />}
      </>
      <Rest />
    </div>
  );
}
