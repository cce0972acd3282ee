import { readFileSync } from 'node:fs';
import { freePort } from './processes';

/** The kernel's ephemeral range starts here (freePort chooses below it). */
const ephemeralStart = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
})();

async function portsChosenAs(slice: string | undefined, count: number): Promise<number[]> {
  const before = process.env.ONSHI_PORT_SLICE;
  if (slice === undefined) delete process.env.ONSHI_PORT_SLICE;
  else process.env.ONSHI_PORT_SLICE = slice;
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i += 1) ports.push(await freePort());
    return ports;
  } finally {
    if (before === undefined) delete process.env.ONSHI_PORT_SLICE;
    else process.env.ONSHI_PORT_SLICE = before;
  }
}

test('two Jest workers choose loopback ports from slices that do not overlap, so one cannot take a port the other chose but has not listened on', async () => {
  const middle = 10_000 + Math.floor((ephemeralStart - 10_000) / 2);
  const first = await portsChosenAs('1/2', 40);
  const second = await portsChosenAs('2/2', 40);
  expect(first.every((port) => port >= 10_000 && port < middle)).toBe(true);
  expect(second.every((port) => port >= middle && port < ephemeralStart)).toBe(true);
  // Never handed out twice within a process either.
  expect(new Set([...first, ...second]).size).toBe(80);
});

test('without a slice, or with one that does not parse, the whole range below the ephemeral ports', async () => {
  const middle = 10_000 + Math.floor((ephemeralStart - 10_000) / 2);
  for (const slice of [undefined, '', '3/2', '0/2', 'a/b', '1']) {
    const ports = await portsChosenAs(slice, 40);
    expect(ports.every((port) => port >= 10_000 && port < ephemeralStart)).toBe(true);
    // Both halves (all 40 in one half by chance: 2 in 2⁴⁰).
    expect(ports.some((port) => port < middle) && ports.some((port) => port >= middle)).toBe(true);
  }
});

test('each Jest worker is given its slice (tests/jest.setup.js)', () => {
  expect(process.env.ONSHI_PORT_SLICE).toMatch(/^[12]\/2$/);
});
