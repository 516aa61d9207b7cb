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
} from '@mantine/core';
import { useInfiniteQuery, keepPreviousData } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../lib/api';
import type { PatientSummary } from '../../../../shared/api/patients';
import { formatDay } from '../../lib/dates';
import { isolated } from '../../lib/ui-language';
import { patientsKeys } from './queries';
import './patient-results.css';
import { PATIENT_SEARCH_ID } from './search-shortcut';

const PAGE = 100;
const ROW_HEIGHT = 56;

function searchParamsFor(term: string, includeArchived: boolean): URLSearchParams {
  const next = new URLSearchParams();
  if (term) next.set('q', term);
  if (includeArchived) next.set('archived', '1');
  return next;
}

/** One as-you-type box over the whole register; arrows move through the results, Enter opens. */
export function PatientSearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [includeArchived, setIncludeArchived] = useState(params.get('archived') === '1');
  // A search takes a few milliseconds, so every keystroke searches at once (no waiting time);
  // the result list is memoised, so a keystroke re-renders the box, not the list.
  const term = query.trim();
  const [active, setActive] = useState(0);
  const [scrollTo, setScrollTo] = useState<{ index: number } | null>(null);

  const results = useInfiniteQuery({
    queryKey: patientsKeys.search(term, includeArchived),
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      unwrap(api.patients.search({ query: term, includeArchived, offset: pageParam, limit: PAGE })),
    getNextPageParam: (last, pages) => {
      const loaded = pages.length * PAGE;
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const rows = useMemo(() => results.data?.pages.flatMap((p) => p.results) ?? [], [results.data]);
  const total = results.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = results;
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [isFetchingNextPage, fetchNextPage]);

  // The search is written into the address as a chart is opened, so Back shows the same results;
  // not while typing, where a navigation on each keystroke cost a render of the whole route and a
  // delayed one could undo a click on another page. Read through a ref so the memoised list
  // keeps one callback.
  const openRef = useRef<(id: string) => void>(() => undefined);
  useLayoutEffect(() => {
    openRef.current = (id: string) => {
      setParams(searchParamsFor(term, includeArchived), { replace: true });
      void navigate(`/patients/${id}`);
    };
  }, [term, includeArchived, setParams, navigate]);
  const open = useCallback((id: string) => openRef.current(id), []);

  const move = (to: number) => {
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setActive(index);
    setScrollTo({ index });
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
      if (row) open(row.id);
    }
  };

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
          id={PATIENT_SEARCH_ID}
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
          aria-activedescendant={rows[active] ? optionId(listId, active) : undefined}
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
        <Text>{term ? t('patients.noResults', { query: term }) : t('patients.noPatients')}</Text>
      ) : null}
      {results.isError ? <Text c="red">{results.error.message}</Text> : null}
      <ResultList
        listId={listId}
        rows={rows}
        hasMore={hasNextPage}
        active={active}
        scrollTo={scrollTo}
        onActive={setActive}
        onOpen={open}
        loadMore={loadMore}
      />
    </Stack>
  );
}

function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

interface ResultListProps {
  listId: string;
  rows: PatientSummary[];
  hasMore: boolean;
  active: number;
  scrollTo: { index: number } | null;
  onActive: (index: number) => void;
  onOpen: (id: string) => void;
  loadMore: () => void;
}

/** The virtualised result list: only the rows on screen exist in the page. */
const ResultList = memo(function ResultList({
  listId,
  rows,
  hasMore,
  active,
  scrollTo,
  onActive,
  onOpen,
  loadMore,
}: ResultListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer drives this component's re-renders itself and nothing below memoises its
  // functions, which is what the rule guards against.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: hasMore ? rows.length + 1 : rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 10) loadMore();
  }, [hasMore, loadMore, lastIndex, rows.length]);
  // Only keyboard moves scroll; the pointer moving over a row must not.
  useEffect(() => {
    if (scrollTo) virtualizer.scrollToIndex(scrollTo.index);
  }, [scrollTo, virtualizer]);

  return (
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
            <div
              key={item.key}
              id={optionId(listId, item.index)}
              role="option"
              aria-selected={selected}
              className="patient-result"
              style={style}
              onMouseEnter={() => onActive(item.index)}
              onClick={() => onOpen(row.id)}
            >
              <div>
                <div className="patient-result-name">
                  {row.familyName}, {row.givenName}
                </div>
                <div className="patient-result-detail">
                  {[row.clinicNumber, t('patients.born', { date: formatDay(row.dateOfBirth) })]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </div>
              <div className="patient-result-contact patient-result-detail">
                {[row.phone, row.email].filter(Boolean).map(isolated).join(' · ')}
                {row.archived ? (
                  <Badge color="gray" variant="light">
                    {t('patients.archivedBadge')}
                  </Badge>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </Box>
  );
});
