import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout, one logger per process, passed to whoever needs it. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'improvement-board' } }, destination);
}
