import type { Command } from 'commander';
import { describeTarget, parseDatabaseUrl } from '../../services/store/database-target.js';
import { applyMigrations, createMigration } from '../../services/store/migrations.js';
import { configOf, type CliContext } from '../context.js';

const DEFAULT_DIFF_POSTGRES = 'postgresql://127.0.0.1:5432/postgres';

export function registerDb(program: Command, ctx: CliContext): void {
  const db = program.command('db').description('The database: migrations');
  db.command('migrate')
    .description('Apply pending migrations (the service also does this when it starts)')
    .action(async () => {
      const { database } = configOf(ctx);
      const applied = await applyMigrations(database);
      ctx.out(applied.length ? `Applied ${applied.join(', ')} to ${describeTarget(database)}.` : `${describeTarget(database)} is up to date.`);
    });
  db.command('migration')
    .description('Write the next migration, for SQLite and PostgreSQL, from changes to prisma/schema.prisma')
    .argument('<name>', 'what the change does, such as add_schedules')
    .option('--postgres <url>', 'a PostgreSQL server the schema engine can open while it computes the SQL', ctx.env.MIGRATION_POSTGRES_URL ?? DEFAULT_DIFF_POSTGRES)
    .action(async (name: string, opts: { postgres: string }) => {
      const created = await createMigration(name, ctx.now(), {
        sqlite: { dialect: 'sqlite', file: ':memory:' },
        postgresql: parseDatabaseUrl(opts.postgres, ctx.cwd),
      });
      ctx.out(created.length ? created.map((m) => `Wrote ${m.file}`).join('\n') : 'The schema has not changed since the last migration; nothing written.');
    });
}
