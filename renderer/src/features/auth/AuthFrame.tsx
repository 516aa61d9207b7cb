import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card used by setup, sign-in and the lock screen. */
export function AuthFrame(props: {
  title: string;
  subtitle?: string | null;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={props.width ?? 420} component="main">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {props.title}
            </Title>
            {props.subtitle ? <Text c="dimmed">{props.subtitle}</Text> : null}
          </div>
          {props.children}
        </Stack>
      </Paper>
    </Center>
  );
}
