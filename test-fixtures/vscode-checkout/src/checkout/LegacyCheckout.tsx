export function LegacyCheckout() {
  return <form className="legacy-checkout" />;
}
