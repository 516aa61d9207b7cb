import { Alert, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ErrorScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="xl">
      <Alert color="red" title={t('common.errorTitle')} role="alert" maw={520}>
        {message}
      </Alert>
    </Center>
  );
}
