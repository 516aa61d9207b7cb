import { Badge, Box, Checkbox, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../../shared/api/photos';
import { formatTakenAt, groupPhotos, usePhotoImage } from './queries';

const CELL = 176;
const HEADER_HEIGHT = 40;
const ROW_HEIGHT = 222;

type Row =
  | { kind: 'header'; key: string; label: string; count: number }
  | { kind: 'photos'; key: string; photos: Photo[] };

interface Props {
  photos: Photo[];
  selected: readonly string[];
  onToggle: (id: string) => void;
  onOpen: (photo: Photo) => void;
}

/**
 * The patient's photos by area and view, each along its timeline. Only the rows on screen are
 * drawn and only their thumbnails are fetched, so a record of a thousand photos opens at once.
 */
export function PhotoGallery({ photos, selected, onToggle, onOpen }: Props) {
  const { t } = useTranslation();
  const { ref: sizeRef, width } = useElementSize();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const columns = Math.max(1, Math.floor((width || 900) / CELL));
  const rows = useMemo<Row[]>(() => {
    const out: Row[] = [];
    for (const group of groupPhotos(photos)) {
      out.push({
        kind: 'header',
        key: group.key,
        label: `${t(`photos.areas.${group.area}`)} · ${t(`photos.views.${group.view}`)}`,
        count: group.photos.length,
      });
      for (let i = 0; i < group.photos.length; i += columns) {
        out.push({
          kind: 'photos',
          key: `${group.key}-${i}`,
          photos: group.photos.slice(i, i + columns),
        });
      }
    }
    return out;
  }, [photos, columns, t]);
  // The virtualizer's functions are read on every render on purpose; nothing here is memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 3,
  });

  return (
    <Box ref={sizeRef}>
      <div
        ref={scrollRef}
        data-testid="photo-gallery"
        style={{ height: 'calc(100vh - 330px)', minHeight: 420, overflowY: 'auto' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: item.size,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {row.kind === 'header' ? (
                  <Group
                    gap="xs"
                    h={HEADER_HEIGHT}
                    align="end"
                    pb={6}
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                  >
                    <Text fw={600} role="heading" aria-level={3}>
                      {row.label}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('photos.count', { count: row.count })}
                    </Text>
                  </Group>
                ) : (
                  <Group gap={16} pt={10} wrap="nowrap" align="flex-start">
                    {row.photos.map((photo) => (
                      <PhotoCard
                        key={photo.id}
                        photo={photo}
                        selected={selected.includes(photo.id)}
                        selectionFull={selected.length >= 2}
                        onToggle={() => onToggle(photo.id)}
                        onOpen={() => onOpen(photo)}
                      />
                    ))}
                  </Group>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

const phaseColour = { before: 'blue', after: 'teal', 'follow-up': 'grape' } as const;

function PhotoCard({
  photo,
  selected,
  selectionFull,
  onToggle,
  onOpen,
}: {
  photo: Photo;
  selected: boolean;
  selectionFull: boolean;
  onToggle: () => void;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const date = formatTakenAt(photo.takenAt);
  const phase = t(`photos.phases.${photo.phase}`);
  return (
    <Stack gap={4} w={160} data-testid="photo-card">
      <UnstyledButton
        onClick={onOpen}
        aria-label={t('photos.thumb.open', { phase, date })}
        style={{
          width: 160,
          height: 160,
          borderRadius: 6,
          overflow: 'hidden',
          background: 'var(--mantine-color-dark-7)',
          outline: selected ? '3px solid var(--mantine-color-blue-6)' : 'none',
          outlineOffset: 2,
        }}
      >
        <Thumbnail id={photo.id} />
      </UnstyledButton>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Checkbox
          size="xs"
          checked={selected}
          disabled={!selected && selectionFull}
          onChange={onToggle}
          aria-label={t('photos.thumb.select', { phase, date })}
          label={date}
        />
      </Group>
      <Group gap={4}>
        <Badge size="xs" variant="light" color={phaseColour[photo.phase]}>
          {phase}
        </Badge>
        {photo.sessionNumber !== null ? (
          <Badge size="xs" variant="outline" color="gray">
            {t('photos.sessionShort', { number: photo.sessionNumber })}
          </Badge>
        ) : null}
        {photo.dateCheck === 'unconfirmed' ? (
          <Badge size="xs" variant="filled" color="yellow.4" c="dark.9">
            {t('photos.dateCheck.badge')}
          </Badge>
        ) : null}
      </Group>
    </Stack>
  );
}

function Thumbnail({ id }: { id: string }) {
  const { t } = useTranslation();
  const image = usePhotoImage(id, 'thumbnail');
  if (image.isPending) {
    return (
      <Group h="100%" justify="center">
        <Loader size="sm" color="gray" />
      </Group>
    );
  }
  if (image.isError) {
    return (
      <Text size="xs" c="gray.4" ta="center" p="xs">
        {t('photos.thumb.loadFailed')}
      </Text>
    );
  }
  return (
    <img
      src={image.data}
      alt=""
      draggable={false}
      style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
    />
  );
}
