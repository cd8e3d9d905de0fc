export const text = "Hi there";
