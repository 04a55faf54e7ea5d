// Which password a team corpus is given. A connection string in `.groundwork.json` is the workspace's to choose: a
// repository could name a server of its own there and collect the password of every writer who opens it. So a
// password goes only where the writer said it may:
// - the one stored with "Groundwork: Set Team Corpus Password" only to the exact connection string it was stored for
//   (the prompt shows it; another host, port, user, database or TLS option is another string);
// - the environment's PGPASSWORD only to a connection string the writer's own editor settings name;
// - otherwise none: node-postgres then looks in the PGPASSFILE (~/.pgpass), whose entries name their own hosts.
// PGPASSWORD is taken out of the server's environment at start, or node-postgres would send it to any server.

export interface PasswordSources {
  /** The password the writer stored for exactly `url`, if any. */
  stored(url: string): Promise<string | undefined>;
  /** PGPASSWORD as the server was started with it. */
  environment: string | undefined;
  /** The connection strings the writer's own editor settings name. */
  named: ReadonlySet<string>;
}

/** PGPASSWORD, removed from `environment` so that no connection picks it up unasked. */
export function takeEnvironmentPassword(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  const password = environment.PGPASSWORD;
  delete environment.PGPASSWORD;
  return password === '' ? undefined : password;
}

export async function corpusPassword(url: string, sources: PasswordSources): Promise<string | undefined> {
  const stored = await sources.stored(url);
  if (stored !== undefined) return stored;
  return sources.named.has(url) ? sources.environment : undefined;
}
