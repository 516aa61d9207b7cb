import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { operationNames, operations, type OperationName } from '../../../../shared/api/contract';
import { roleMayCall, roles } from '../../../../shared/api/roles';

/** Operations by their domain, in the contract's order. */
function byDomain(): [string, OperationName[]][] {
  const groups = new Map<string, OperationName[]>();
  for (const name of operationNames) {
    const domain = name.slice(0, name.indexOf('.'));
    groups.set(domain, [...(groups.get(domain) ?? []), name]);
  }
  return [...groups];
}

/**
 * Who may do what, read from the same contract the main process enforces on every call: what
 * this table shows is what the app allows, not a description of it. Each area and action is
 * named in plain words (roles catalogue); an action added without its words shows what the audit
 * log calls it, and at worst its operation name, so nothing the app allows is hidden.
 */
export function RoleMatrix() {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" c="dimmed" maw={760} mb="sm">
        {t('roleMatrix.intro')}
      </Text>
      <Table stickyHeader withTableBorder striped maw={760} aria-label={t('roleMatrix.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('roleMatrix.operation')}</Table.Th>
            {roles.map((role) => (
              <Table.Th key={role} scope="col" ta="center">
                {t(`roles.${role}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {byDomain().map(([domain, names]) => (
          <Table.Tbody key={domain}>
            <Table.Tr>
              <Table.Th colSpan={roles.length + 1} scope="colgroup">
                <Title order={4}>{t(`roleAreas.${domain}`, { defaultValue: domain })}</Title>
              </Table.Th>
            </Table.Tr>
            {names.map((name) => {
              const { access } = operations[name];
              return (
                <Table.Tr key={name}>
                  <Table.Th scope="row" fw="normal">
                    {t(`roleOperations.${name}`, {
                      defaultValue: t(`auditOperations.${name}`, { defaultValue: name }),
                    })}
                  </Table.Th>
                  {roles.map((role) => {
                    const allowed = roleMayCall(access, role);
                    return (
                      <Table.Td key={role} ta="center">
                        <span
                          role="img"
                          aria-label={
                            access === 'public'
                              ? t('roleMatrix.public')
                              : allowed
                                ? t('roleMatrix.allowed')
                                : t('roleMatrix.refused')
                          }
                        >
                          {allowed ? '✓' : '—'}
                        </span>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        ))}
      </Table>
    </>
  );
}
