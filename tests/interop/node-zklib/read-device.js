// Reads users and attendance from a ZKTeco device (here: the ZkSync emulator) with node-zklib, a client nobody in
// ZkSync wrote, and prints what it decoded as JSON on stdout.
// usage: node read-device.js <host> <port> [tcp,udp]
'use strict'
// Dates decode in local time: make local time UTC so the JSON carries the device's wall clock unchanged.
process.env.TZ = 'UTC'
const ZKLibTCP = require('node-zklib/zklibtcp')
const ZKLibUDP = require('node-zklib/zklibudp')
const { REQUEST_DATA } = require('node-zklib/constants')

const [host, portText, modesText = 'tcp,udp'] = process.argv.slice(2)
const port = Number(portText)
if (!host || !Number.isInteger(port)) {
  console.error('usage: node read-device.js <host> <port> [tcp,udp]')
  process.exit(2)
}

// Never hang: node-zklib has paths that wait forever on unexpected replies.
setTimeout(() => { console.error('interop script timed out'); process.exit(3) }, 60000).unref()

const errorText = (err) => (err ? String(err.message || err) : null)
const wallClock = (date) => (date instanceof Date && !isNaN(date) ? date.toISOString().slice(0, 19) : String(date))

async function read (client) {
  await client.createSocket()
  await client.connect()
  const users = await client.getUsers()
  const attendances = await client.getAttendances()
  // The raw buffers, to compare the transport independently of node-zklib's record decoding.
  await client.freeData()
  const rawUsers = await client.readWithBuffer(REQUEST_DATA.GET_USERS)
  await client.freeData()
  const rawAttendances = await client.readWithBuffer(REQUEST_DATA.GET_ATTENDANCE_LOGS)
  await client.freeData()
  await client.disconnect()
  return {
    users: users.data.map(u => ({
      uid: u.uid, userId: String(u.userId), name: u.name, role: u.role,
      password: u.password === undefined ? null : u.password, cardno: u.cardno === undefined ? null : u.cardno
    })),
    usersError: errorText(users.err),
    attendances: attendances.data.map(a => ({
      userSn: a.userSn === undefined ? null : a.userSn, deviceUserId: String(a.deviceUserId), recordTime: wallClock(a.recordTime)
    })),
    attendancesError: errorText(attendances.err),
    rawUsers: Buffer.from(rawUsers.data).toString('base64'),
    rawUsersError: errorText(rawUsers.err),
    rawAttendances: Buffer.from(rawAttendances.data).toString('base64'),
    rawAttendancesError: errorText(rawAttendances.err)
  }
}

async function main () {
  const result = {}
  for (const mode of modesText.split(',')) {
    const client = mode === 'udp' ? new ZKLibUDP(host, port, 5000, 0) : new ZKLibTCP(host, port, 5000)
    try {
      result[mode] = await read(client)
    } catch (err) {
      result[mode] = { error: errorText(err) }
      try { await client.disconnect() } catch (_) { }
    }
  }
  // Exit only once stdout is flushed: a pipe is written asynchronously and process.exit would cut it.
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0))
}

main()
