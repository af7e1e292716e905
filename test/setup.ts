// Pin the environment that Ink and chalk read, so results never depend on the caller's shell.
process.env.FORCE_COLOR = '0';
delete process.env.NO_COLOR;
