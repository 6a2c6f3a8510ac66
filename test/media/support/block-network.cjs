/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- a CommonJS preload for `node --require`, which also runs it in each worker thread */
/**
 * Preloaded (node --require) into a process and, through Node's preload, into each of its worker
 * threads: every way out to the network throws, and each attempt is appended to the file named by
 * SCRUTINEER_NETWORK_LOG, so an attempt that a library swallowed is still seen by the test.
 */
'use strict';
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const log = process.env.SCRUTINEER_NETWORK_LOG;
function blocked(what) {
  return function () {
    if (log) fs.appendFileSync(log, `${isMainThread ? 'main' : 'worker'} ${what}\n`);
    throw new Error(`network blocked: ${what}`);
  };
}
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
// A Unix socket (a path) is local IPC, not network: tsx, which runs the child, talks to its own
// process over one. Anything with a port or host is blocked.
// (net.connect hands Socket#connect its arguments already normalised, as an array.)
function isLocalIpc(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  return (
    typeof first === 'string' ||
    (typeof first === 'object' && first !== null && typeof first.path === 'string')
  );
}
function unlessIpc(original, what) {
  const block = blocked(what);
  return function (...args) {
    return isLocalIpc(args) ? original.apply(this, args) : block();
  };
}
net.connect = net.createConnection = unlessIpc(net.connect, 'net.connect');
net.Socket.prototype.connect = unlessIpc(net.Socket.prototype.connect, 'socket.connect');
tls.connect = blocked('tls.connect');
dns.lookup = blocked('dns.lookup');
dns.promises.lookup = blocked('dns.promises.lookup');
for (const mod of [http, https]) {
  mod.request = blocked(`${mod === http ? 'http' : 'https'}.request`);
  mod.get = blocked(`${mod === http ? 'http' : 'https'}.get`);
}
globalThis.fetch = async (url) => blocked(`fetch ${String(url)}`)();
