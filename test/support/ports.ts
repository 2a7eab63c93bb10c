/**
 * A port for a server a test starts. Chosen below Linux's ephemeral range (32768–60999),
 * where this machine's own outgoing connections (to PostgreSQL, to other tests' servers)
 * take their local ports: a port picked in that range may already be in use.
 */
export function servicePort(): number {
  return 20_000 + Math.floor(Math.random() * 12_000);
}

/** The server said its port was taken (by another test's server, started meanwhile). */
export function portWasTaken(output: string): boolean {
  return output.includes('EADDRINUSE');
}
