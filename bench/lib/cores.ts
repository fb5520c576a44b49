import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/**
 * Core placement: on a machine with 2+ cores the measured process (a server, or Neo4j) runs on
 * the last core and the load generator / client on core 0, so they do not steal each other's
 * time slices. `taskset` (util-linux) does the pinning; without it, or on one core, nothing is pinned.
 */
export const CPU_COUNT = cpus().length;

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const CAN_PIN = CPU_COUNT >= 2 && hasTaskset();

/** The core list for servers (`"1"` on 2 cores, `"1-3"` on 4 …) and for clients (`"0"`). */
export const SERVER_CORES = CPU_COUNT >= 2 ? (CPU_COUNT === 2 ? '1' : `1-${CPU_COUNT - 1}`) : '0';
export const CLIENT_CORES = '0';

/** `command args` prefixed with `taskset -c cores` where pinning is possible. */
export function pinned(cores: string, command: string, args: readonly string[]): { command: string; args: string[] } {
  return CAN_PIN ? { command: 'taskset', args: ['-c', cores, command, ...args] } : { command, args: [...args] };
}

/** Pins a running process and all its threads (a JVM's too). Returns whether it was pinned. */
export function pinProcess(pid: number, cores: string): boolean {
  if (!CAN_PIN) return false;
  execFileSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
  return true;
}

/** Pins this process (all threads) to `cores`. */
export function pinSelf(cores: string): boolean {
  return pinProcess(process.pid, cores);
}
