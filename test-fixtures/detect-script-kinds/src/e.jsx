export const J = () => <Feature flag="from-jsx">x</Feature>;
