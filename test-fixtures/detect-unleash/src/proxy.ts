import { UnleashClient } from 'unleash-proxy-client';

const client = new UnleashClient({ url: 'https://proxy.example/proxy', clientKey: 'k', appName: 'web' });

export const chat = () => client.isEnabled('support-chat') && client.getVariant('chat-color').name;
