import {
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useInfiniteQuery, keepPreviousData } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { formatDate, patientKeys } from '../../lib/patients';

const PAGE = 100;
const ROW_HEIGHT = 56;

/** One as-you-type box over the whole register; arrows move through the results, Enter opens. */
export function PatientSearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [includeArchived, setIncludeArchived] = useState(params.get('archived') === '1');
  // A search takes a few milliseconds, so every keystroke searches at once (no waiting time);
  // React defers the list's re-render while the user keeps typing.
  const debounced = useDeferredValue(query.trim());
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const results = useInfiniteQuery({
    queryKey: patientKeys.search(debounced, includeArchived),
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.patients.search({ query: debounced, includeArchived, offset: pageParam, limit: PAGE }),
      ),
    getNextPageParam: (last, pages) => {
      const loaded = pages.length * PAGE;
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const rows = results.data?.pages.flatMap((p) => p.results) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;

  // The virtualizer drives this component's re-renders itself and nothing below memoises its
  // functions, which is what the rule guards against.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: results.hasNextPage ? rows.length + 1 : rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = results;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 10) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, rows.length]);

  // Keep the query in the address so Back from a chart returns to the same results.
  useEffect(() => {
    const next = new URLSearchParams();
    if (debounced) next.set('q', debounced);
    if (includeArchived) next.set('archived', '1');
    setParams(next, { replace: true });
  }, [debounced, includeArchived, setParams]);

  const move = (to: number) => {
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setActive(index);
    virtualizer.scrollToIndex(index);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(active - 1);
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      move(active + 10);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      move(active - 10);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const row = rows[active];
      if (row) void navigate(`/patients/${row.id}`);
    }
  };
  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <Stack h="calc(100vh - 56px - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('patients.title')}</Title>
        <Button component={Link} to="/patients/new">
          {t('patients.register')}
        </Button>
      </Group>
      <Group align="flex-end" role="search">
        <TextInput
          flex={1}
          size="md"
          label={t('patients.search')}
          placeholder={t('patients.searchPlaceholder')}
          description={t('patients.searchHelp')}
          value={query}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-expanded={rows.length > 0}
          aria-controls={listId}
          aria-activedescendant={rows[active] ? optionId(active) : undefined}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          rightSection={results.isFetching ? <Loader size="xs" /> : null}
        />
        <Checkbox
          mb={8}
          label={t('patients.includeArchived')}
          checked={includeArchived}
          onChange={(e) => {
            setIncludeArchived(e.currentTarget.checked);
            setActive(0);
          }}
        />
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {results.isSuccess ? t('patients.resultCount', { count: total }) : ' '}
      </Text>
      {results.isSuccess && total === 0 ? (
        <Text>
          {debounced ? t('patients.noResults', { query: debounced }) : t('patients.noPatients')}
        </Text>
      ) : null}
      {results.isError ? <Text c="red">{results.error.message}</Text> : null}
      <Box
        ref={scrollRef}
        flex={1}
        style={{
          overflowY: 'auto',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 4,
        }}
      >
        <div
          id={listId}
          role="listbox"
          aria-label={t('patients.results')}
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {items.map((item) => {
            const row = rows[item.index];
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              width: '100%',
              height: item.size,
              transform: `translateY(${item.start}px)`,
            };
            if (!row) {
              return (
                <Group key={item.key} style={style} px="md">
                  <Loader size="xs" aria-label={t('patients.loadingMore')} />
                </Group>
              );
            }
            const selected = item.index === active;
            return (
              <UnstyledButton
                key={item.key}
                id={optionId(item.index)}
                role="option"
                aria-selected={selected}
                tabIndex={-1}
                style={{
                  ...style,
                  background: selected ? 'var(--mantine-color-teal-0)' : undefined,
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                }}
                px="md"
                onMouseEnter={() => setActive(item.index)}
                onClick={() => void navigate(`/patients/${row.id}`)}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0}>
                    <Text fw={600}>
                      {row.familyName}, {row.givenName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {[row.clinicNumber, t('patients.born', { date: formatDate(row.dateOfBirth) })]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Stack>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" c="dimmed">
                      {[row.phone, row.email].filter(Boolean).join(' · ')}
                    </Text>
                    {row.archived ? (
                      <Badge color="gray" variant="light">
                        {t('patients.archivedBadge')}
                      </Badge>
                    ) : null}
                  </Group>
                </Group>
              </UnstyledButton>
            );
          })}
        </div>
      </Box>
    </Stack>
  );
}
