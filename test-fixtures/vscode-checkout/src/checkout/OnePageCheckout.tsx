export function OnePageCheckout() {
  return <form className="one-page-checkout" />;
}
