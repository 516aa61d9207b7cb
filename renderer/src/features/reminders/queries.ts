/** Query keys of the reminders: the log refreshes after a send, a retry or an export. */
export const remindersKeys = {
  all: ['reminders'] as const,
  settings: ['reminders', 'settings'] as const,
  log: (status: string) => ['reminders', 'log', status] as const,
};
