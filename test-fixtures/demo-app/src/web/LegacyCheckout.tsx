export function LegacyCheckout({ cartId }: { cartId: string }) {
  return <form action={`/legacy/checkout/${cartId}`}>Pay</form>;
}
