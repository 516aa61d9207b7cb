import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card of the screens shown before the clinic is open (as setup and sign-in). */
export function KeysFrame(props: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={560} component="main">
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
