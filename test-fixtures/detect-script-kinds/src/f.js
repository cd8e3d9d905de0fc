export const JS = () => <Feature flag="jsx-in-js" />;
