// Exercises a ZKTeco device (here: the ZkSync emulator) with zkteco-js, a client nobody in ZkSync wrote, and prints
// what it decoded as JSON on stdout: device info strings, free sizes and clock, a user it writes then reads back,
// and attendance with time, verify type and state.
// usage: node exercise-device.js <host> <port> <tcp|udp> [userJson]
//   userJson (tcp only): {"uid":..,"userId":"..","name":"..","password":"..","role":..,"cardno":..} is written first.
// zkteco-js 1.7.2 over UDP decodes 28-byte users and 16-byte attendance and its chunked bulk read never resolves
// (handleChunkedData returns nothing), so over UDP only the single-reply commands (sizes, clock) are exercised.
'use strict'
// Dates decode in local time: make local time UTC so the JSON carries the device's wall clock unchanged.
process.env.TZ = 'UTC'
// zkteco-js logs progress with console.log; keep stdout for the JSON result.
console.log = (...args) => console.error(...args)

const ZTCP = require('zkteco-js/src/ztcp')
const ZUDP = require('zkteco-js/src/zudp')

const [host, portText, mode, userJson] = process.argv.slice(2)
const port = Number(portText)
if (!host || !Number.isInteger(port) || (mode !== 'tcp' && mode !== 'udp')) {
  console.error('usage: node exercise-device.js <host> <port> <tcp|udp> [userJson]')
  process.exit(2)
}

// Never hang: a client path that waits forever on an unexpected reply ends the script instead.
setTimeout(() => { console.error('interop script timed out'); process.exit(3) }, 60000).unref()

const errorText = (err) => (err ? String(err.message || err) : null)
const wallClock = (date) => (date instanceof Date && !isNaN(date) ? date.toISOString().slice(0, 19) : String(date))

// Runs one client call; a failure is recorded under <name>Error instead of ending the run.
async function step (result, name, call) {
  try {
    result[name] = await call()
  } catch (err) {
    result[name + 'Error'] = errorText(err)
  }
}

async function deviceInfo (client, result) {
  await step(result, 'firmware', () => client.getFirmware())
  await step(result, 'serialNumber', () => client.getSerialNumber())
  await step(result, 'platform', () => client.getPlatform())
  await step(result, 'deviceName', () => client.getDeviceName())
  await step(result, 'vendor', () => client.getVendor())
  await step(result, 'mac', () => client.getMacAddress())
  await step(result, 'fingerprintVersion', () => client.getDeviceVersion())
  await step(result, 'pinWidth', () => client.getPIN())
  await step(result, 'faceOn', () => client.getFaceOn())
  await step(result, 'productTime', async () => wallClock(await client.getProductTime()))
}

async function exerciseTcp (result) {
  const client = new ZTCP(host, port, 5000)
  await client.createSocket()
  await client.connect()
  await deviceInfo(client, result)
  await step(result, 'sizes', () => client.getInfo())
  await step(result, 'time', async () => wallClock(await client.getTime()))
  if (userJson) {
    const u = JSON.parse(userJson)
    await step(result, 'setUser', async () => { await client.setUser(u.uid, u.userId, u.name, u.password, u.role, u.cardno); return true })
  }
  await step(result, 'users', async () => (await client.getUsers()).data.map(u => ({
    uid: u.uid, userId: u.userId, name: u.name, password: u.password, role: u.role, cardno: u.cardno
  })))
  await step(result, 'attendances', async () => (await client.getAttendances()).data.map(a => ({
    sn: a.sn, userId: a.user_id, time: wallClock(new Date(a.record_time)), type: a.type, state: a.state
  })))
  await client.disconnect()
}

async function exerciseUdp (result) {
  const client = new ZUDP(host, port, 5000, 0)
  await client.createSocket()
  await client.connect()
  await step(result, 'sizes', () => client.getInfo())
  await step(result, 'time', async () => wallClock(await client.getTime()))
  await client.disconnect()
}

async function main () {
  const result = {}
  try {
    await (mode === 'udp' ? exerciseUdp(result) : exerciseTcp(result))
  } catch (err) {
    result.error = errorText(err)
  }
  // Exit only once stdout is flushed: a pipe is written asynchronously and process.exit would cut it.
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0))
}

main()
