export function OnePageCheckout({ cartId, showSavedCards }: { cartId: string; showSavedCards: boolean }) {
  return <section data-cart={cartId}>{showSavedCards ? 'Saved cards' : null}</section>;
}
