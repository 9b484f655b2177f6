// A js-libp2p peer driven over stdin/stdout by PayRelay's interop tests (package
// dev.payrelay.p2p.interop). One JSON object per line each way:
//   in:  {"id": 1, "cmd": "dial", "addr": "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooW..."}
//   out: {"id": 1, "ok": true, "result": {...}}  or  {"id": 1, "ok": false, "error": "..."}
//   out: {"event": "...", ...}                     unsolicited events (connections, messages)
// The first line written is {"event": "listening", "peerId": ..., "addrs": [...]}.
//
// Commands live in the `commands` table below; a module in ./commands/ exporting
// `register(commands, node, emit)` adds more (gossipsub commands go there), loaded with
// --with=<name> on the command line.
//
// libp2p 3 uses Promise.withResolvers (Node 22). The machine's Node is 20, so it is polyfilled
// here before libp2p is imported (dynamic imports below), rather than pinning a Node 22 binary.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve
    let reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

const { createLibp2p } = await import('libp2p')
const { tcp } = await import('@libp2p/tcp')
const { noise } = await import('@chainsafe/libp2p-noise')
const { yamux } = await import('@chainsafe/libp2p-yamux')
const { identify, identifyPush } = await import('@libp2p/identify')
const { ping } = await import('@libp2p/ping')
const { multiaddr } = await import('@multiformats/multiaddr')
const { peerIdFromString } = await import('@libp2p/peer-id')
const { createHash, randomBytes } = await import('node:crypto')
const readline = await import('node:readline')

export const ECHO = '/payrelay/test/echo/1.0.0'
export const SINK = '/payrelay/test/sink/1.0.0'
export const DISCARD = '/payrelay/bench/discard/1.0.0'
const STREAM_LIMIT = 1024
const CHUNK_BYTES = 64 * 1024

// An Error, or an Event (stream 'close' events carry their error in .error).
function describe (e) {
  if (e instanceof Event) return `${e.type} event: ${describe(e.error ?? 'no error')}`
  return String(e?.stack ?? e)
}

function emit (object) {
  process.stdout.write(JSON.stringify(object) + '\n')
}

// Extensions load before the node starts: one exporting `services()` adds libp2p services
// (gossipsub must be built with the node), and `register` then adds its commands.
const extensions = []
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--with=')) {
    extensions.push(await import(`./commands/${arg.slice('--with='.length)}.mjs`))
  }
}
const extraServices = Object.assign({}, ...extensions.map((e) => e.services?.() ?? {}))

const node = await createLibp2p({
  addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  services: { identify: identify(), identifyPush: identifyPush(), ping: ping(), ...extraServices }
})

const streamLimits = { maxInboundStreams: STREAM_LIMIT, maxOutboundStreams: STREAM_LIMIT }

// Echo: everything read is written back; our side closes after the remote's.
await node.handle(ECHO, async (stream) => {
  for await (const chunk of stream) {
    if (!stream.send(chunk.subarray())) await stream.onDrain()
  }
  await stream.close()
}, streamLimits)

// Sink: reads to the end, then answers the SHA-256 of what it read (32 bytes) and closes.
await node.handle(SINK, async (stream) => {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of stream) {
    const data = chunk.subarray()
    hash.update(data)
    bytes += data.length
  }
  const digest = hash.digest()
  emit({ event: 'sink', bytes, sha256: digest.toString('hex') })
  stream.send(digest)
  await stream.close()
}, streamLimits)

// Discard (the benchmark's): reads to the end, then answers the byte count (8 bytes, big-endian).
await node.handle(DISCARD, async (stream) => {
  let bytes = 0
  for await (const chunk of stream) bytes += chunk.byteLength
  const answer = Buffer.alloc(8)
  answer.writeBigUInt64BE(BigInt(bytes))
  stream.send(answer)
  await stream.close()
}, streamLimits)

node.addEventListener('connection:open', (e) => emit({ event: 'connected', peer: e.detail.remotePeer.toString() }))
node.addEventListener('connection:close', (e) => emit({ event: 'disconnected', peer: e.detail.remotePeer.toString() }))
// Peers whose identify answer arrived (the peer store may list a protocol or two before that).
const identified = new Set()
node.addEventListener('peer:identify', (e) => {
  identified.add(e.detail.peerId.toString())
  emit({ event: 'identified', peer: e.detail.peerId.toString(), protocols: e.detail.protocols })
})

async function readAll (stream) {
  const parts = []
  for await (const chunk of stream) parts.push(Buffer.from(chunk.subarray()))
  return Buffer.concat(parts)
}

async function waitForProtocols (peer, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (identified.has(peer.toString())) return await node.peerStore.get(peer)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`no identify answer from ${peer} within ${timeoutMs} ms`)
}

export const commands = {
  async info () {
    return { peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(String), protocols: node.getProtocols(), node: process.version }
  },
  async dial ({ addr }) {
    const connection = await node.dial(multiaddr(addr))
    const stored = await waitForProtocols(connection.remotePeer, 10_000)
    return {
      peer: connection.remotePeer.toString(),
      encryption: connection.encryption,
      multiplexer: connection.multiplexer,
      protocols: stored.protocols
    }
  },
  async peer ({ peer }) {
    const stored = await waitForProtocols(peerIdFromString(peer), 10_000)
    const connections = node.getConnections(peerIdFromString(peer))
    return {
      protocols: stored.protocols,
      agent: new TextDecoder().decode(stored.metadata.get('AgentVersion') ?? new Uint8Array()),
      addrs: stored.addresses.map((a) => a.multiaddr.toString()),
      connections: connections.map((c) => ({ encryption: c.encryption, multiplexer: c.multiplexer, direction: c.direction }))
    }
  },
  async ping ({ addr }) {
    const rtt = await node.services.ping.ping(multiaddr(addr))
    return { rttMs: rtt }
  },
  // Sends `bytes` pseudo-random bytes on a sink stream (answer: the SHA-256 of what arrived) or,
  // with protocol DISCARD, without hashing (answer: the byte count).
  async bulk ({ addr, bytes, protocol = SINK }) {
    const stream = await node.dialProtocol(multiaddr(addr), protocol)
    const hashing = protocol === SINK
    const hash = createHash('sha256')
    const block = randomBytes(CHUNK_BYTES)
    const started = process.hrtime.bigint()
    let sent = 0
    while (sent < bytes) {
      const n = Math.min(CHUNK_BYTES, bytes - sent)
      block[0] = sent & 0xff // vary the content from block to block
      const chunk = Uint8Array.prototype.slice.call(block, 0, n)
      if (hashing) hash.update(chunk)
      sent += n
      if (!stream.send(chunk)) await stream.onDrain()
    }
    await stream.close()
    const answer = await readAll(stream)
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    return { bytes: sent, sha256: hashing ? hash.digest('hex') : '', answer: answer.toString('hex'), seconds }
  },
  // Opens `count` echo streams at once, each sending `bytes` random bytes; checks every echo.
  async echoMany ({ addr, count, bytes }) {
    const target = multiaddr(addr)
    await node.dial(target)
    const one = async () => {
      const stream = await node.dialProtocol(target, ECHO)
      const data = randomBytes(bytes)
      if (!stream.send(data)) await stream.onDrain()
      await stream.close()
      const echoed = await readAll(stream)
      if (!echoed.equals(data)) throw new Error(`echo differs: ${echoed.length} of ${bytes} bytes`)
      return stream.id
    }
    const ids = await Promise.all(Array.from({ length: count }, one))
    return { streams: ids.length }
  },
  async hangUp ({ peer }) {
    await node.hangUp(peerIdFromString(peer))
    return {}
  },
  async stop () {
    await node.stop()
    setTimeout(() => process.exit(0), 10)
    return {}
  }
}

for (const extension of extensions) {
  await extension.register(commands, node, emit)
}

emit({ event: 'listening', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(String) })

const lines = readline.createInterface({ input: process.stdin })
lines.on('line', async (line) => {
  let request
  try {
    request = JSON.parse(line)
  } catch (e) {
    emit({ ok: false, error: `not JSON: ${e.message}` })
    return
  }
  const command = commands[request.cmd]
  if (command === undefined) {
    emit({ id: request.id, ok: false, error: `unknown command ${request.cmd}` })
    return
  }
  try {
    emit({ id: request.id, ok: true, result: await command(request) })
  } catch (e) {
    emit({ id: request.id, ok: false, error: describe(e) })
  }
})
lines.on('close', async () => {
  await node.stop()
  process.exit(0)
})
