/** An error the CLI reports as one message and an exit code, never a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    /** 1: the check found something; 2: unusable input or usage */
    public exitCode: 1 | 2 = 2,
    public code = "E_USER",
  ) {
    super(message);
  }
}
