// Gossipsub for the interop tests (load with --with=gossip). Configured as every PayRelay node:
// message id = SHA-256 of the data, StrictSign (js signs its own and verifies every message).
//   subscribe {topic}                       joins the topic and records what arrives on it
//   publish {topic, prefix, count}          publishes `${prefix}-${i}` for i < count, in order
//   received {topic}                        every message so far: {data, hex, from, type}
//   subscribers {topic}                     peers known to be on the topic; mesh: our mesh peers
//   awaitCount {topic, count, timeoutMs}    resolves once `count` messages arrived in all
import { createHash } from 'node:crypto'

const { gossipsub, StrictSign } = await import('@libp2p/gossipsub')

export function services () {
  return {
    pubsub: gossipsub({
      globalSignaturePolicy: StrictSign,
      msgIdFn: (message) => new Uint8Array(createHash('sha256').update(message.data).digest()),
      allowPublishToZeroTopicPeers: false,
      emitSelf: false
    })
  }
}

export function register (commands, node, emit) {
  const pubsub = node.services.pubsub
  const received = new Map()
  pubsub.addEventListener('message', (e) => {
    const message = e.detail
    const list = received.get(message.topic)
    if (list === undefined) return
    list.push({
      data: new TextDecoder().decode(message.data),
      hex: Buffer.from(message.data).toString('hex'),
      from: message.type === 'signed' ? message.from.toString() : null,
      type: message.type
    })
  })

  commands.subscribe = async ({ topic }) => {
    if (!received.has(topic)) received.set(topic, [])
    pubsub.subscribe(topic)
    return {}
  }
  commands.publish = async ({ topic, prefix, count }) => {
    const encoder = new TextEncoder()
    let recipients = 0
    for (let i = 0; i < count; i++) {
      const result = await pubsub.publish(topic, encoder.encode(`${prefix}-${i}`))
      recipients += result.recipients.length
    }
    return { published: count, recipients }
  }
  commands.received = async ({ topic }) => ({ messages: received.get(topic) ?? [] })
  commands.awaitCount = async ({ topic, count, timeoutMs }) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const arrived = (received.get(topic) ?? []).length
      if (arrived >= count) return { count: arrived }
      if (Date.now() > deadline) throw new Error(`${arrived} of ${count} messages within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  }
  commands.subscribers = async ({ topic }) => ({
    subscribers: pubsub.getSubscribers(topic).map(String),
    mesh: pubsub.getMeshPeers(topic).map(String)
  })
}
