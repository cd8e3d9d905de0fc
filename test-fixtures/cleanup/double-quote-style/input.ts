import { client } from "./client";

export const text = client.getVariant("banner-text", "Hello");
