export function Page() {
  return <Layout sidebar={null} />;
}
