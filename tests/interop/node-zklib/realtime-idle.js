// node-zklib's real-time log listener as users run it: connect, getRealTimeLogs, then nothing for a long time; then
// read the users on the same connection. Prints JSON on stdout: whether the connection survived the idle, the users.
// usage: node realtime-idle.js <host> <port> <idle-ms>
'use strict'
const ZKLibTCP = require('node-zklib/zklibtcp')

const [host, portText, idleText] = process.argv.slice(2)
const port = Number(portText)
const idleMs = Number(idleText)
if (!host || !Number.isInteger(port) || !Number.isInteger(idleMs)) {
  console.error('usage: node realtime-idle.js <host> <port> <idle-ms>')
  process.exit(2)
}

// Never hang: node-zklib has paths that wait forever on unexpected replies.
setTimeout(() => { console.error('interop script timed out'); process.exit(3) }, idleMs + 30000).unref()

const errorText = (err) => (err ? String(err.message || err) : null)
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms))

async function main () {
  const client = new ZKLibTCP(host, port, 5000)
  let closedAfterMs = null
  const started = Date.now()
  const result = { events: 0 }
  try {
    await client.createSocket(null, () => { closedAfterMs = Date.now() - started })
    await client.connect()
    await client.getRealTimeLogs(() => { result.events++ })
    await sleep(idleMs)
    result.closedDuringIdle = closedAfterMs !== null
    result.closedAfterMs = closedAfterMs
    if (!result.closedDuringIdle) {
      const users = await client.getUsers()
      result.users = users.data.map(u => String(u.userId))
      result.usersError = errorText(users.err)
      await client.disconnect()
    }
  } catch (err) {
    result.error = errorText(err)
    result.closedDuringIdle = closedAfterMs !== null
    result.closedAfterMs = closedAfterMs
  }
  // Exit only once stdout is flushed: a pipe is written asynchronously and process.exit would cut it.
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0))
}

main()
