const G = globalThis as unknown as { __e2e?: { app: import('node:child_process').ChildProcess; smtp: import('smtp-server').SMTPServer } };

export default async function globalTeardown(): Promise<void> {
  const e = G.__e2e;
  if (!e) return;
  await new Promise<void>((resolve) => {
    e.app.once('exit', () => resolve());
    e.app.kill('SIGTERM');
    setTimeout(resolve, 10_000).unref();
  });
  await new Promise<void>((r) => e.smtp.close(() => r()));
}
