'use strict';
// A stand-in Unleash Admin API for the remote-source scenarios: one project with one flag (promo-banner, 50%
// gradual rollout in production). Every request is recorded in <handshake>/unleash.json (method, path and
// whether the Authorization header carried the expected token) so the suite can assert who called; while
// <handshake>/unleash-down exists it answers 503, like a service that is down.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const FEATURE = {
  name: 'promo-banner',
  type: 'release',
  description: 'Holiday promo banner',
  stale: false,
  createdAt: '2026-11-01T10:00:00.000Z',
  environments: [
    {
      name: 'production',
      enabled: true,
      strategies: [{ name: 'flexibleRollout', constraints: [], parameters: { rollout: '50', stickiness: 'default', groupId: 'promo-banner' } }],
    },
  ],
};

function startFakeUnleash(handshake, expectedToken) {
  const log = [];
  const server = http.createServer((req, res) => {
    log.push({ method: req.method, path: req.url, authorized: req.headers.authorization === expectedToken });
    fs.writeFileSync(path.join(handshake, 'unleash.json'), JSON.stringify(log));
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (fs.existsSync(path.join(handshake, 'unleash-down'))) return send(503, { error: 'down for maintenance' });
    if (req.headers.authorization !== expectedToken) return send(401, { error: 'unauthorized' });
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/api/admin/projects/default/features') return send(200, { features: [{ name: FEATURE.name }] });
    if (url.pathname === '/api/admin/projects/default/features/promo-banner') return send(200, FEATURE);
    if (url.pathname === '/api/admin/search/events') return send(200, { events: [] });
    return send(404, { error: 'not found' });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })));
}

module.exports = { startFakeUnleash };
