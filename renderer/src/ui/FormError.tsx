import { Alert } from '@mantine/core';

/**
 * A form's message as a whole (a refused save, a server error), announced to screen readers.
 * Field messages stay next to their fields; this shows only when there is one.
 */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
