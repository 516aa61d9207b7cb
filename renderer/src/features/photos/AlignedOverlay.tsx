import { Alert, Box, Button, Group, NumberInput, Slider, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Photo, savedAlignmentSchema } from '../../../../shared/api/photos';
import { identityAlignment, type PhotoAlignment } from '../../../../shared/photos/photo-dates';
import { api, unwrap } from '../../lib/api';
import { formatInstant } from '../../lib/dates';
import { photosKeys } from './queries';

interface Side {
  photo: Photo;
  src: string | undefined;
  caption: string;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round = (v: number, step: number) => Math.round(v / step) * step;

/** The later photo's transform as CSS: offsets are fractions of the stage, as they are saved. */
export function alignmentTransform(a: PhotoAlignment): string {
  return (
    `translate(${(a.offsetX * 100).toFixed(2)}%, ${(a.offsetY * 100).toFixed(2)}%) ` +
    `scale(${a.scale}) rotate(${a.rotation}deg)`
  );
}

/**
 * The overlay comparison with its alignment aid: the later photo is moved, scaled and rotated
 * onto the earlier one (by dragging or by the fields), and the alignment is saved with the pair
 * so that reopening it shows the same fit.
 */
export function AlignedOverlay({
  patientId,
  first,
  second,
  stageHeight,
}: {
  patientId: string;
  first: Side;
  second: Side;
  stageHeight: string;
}) {
  const pair = { patientId, firstId: first.photo.id, secondId: second.photo.id };
  const saved = useQuery({
    queryKey: photosKeys.alignment(pair.firstId, pair.secondId),
    queryFn: () => unwrap(api.photos.alignment(pair)),
  });
  if (saved.isPending) return null;
  return (
    <OverlayStage
      pair={pair}
      first={first}
      second={second}
      stageHeight={stageHeight}
      saved={saved.data ?? null}
    />
  );
}

type Saved = z.infer<typeof savedAlignmentSchema>;

function OverlayStage({
  pair,
  first,
  second,
  stageHeight,
  saved,
}: {
  pair: { patientId: string; firstId: string; secondId: string };
  first: Side;
  second: Side;
  stageHeight: string;
  saved: Saved | null;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opacity, setOpacity] = useState(50);
  const [align, setAlign] = useState<PhotoAlignment>(
    saved
      ? {
          offsetX: saved.offsetX,
          offsetY: saved.offsetY,
          scale: saved.scale,
          rotation: saved.rotation,
        }
      : identityAlignment,
  );
  const drag = useRef<{ x: number; y: number; from: PhotoAlignment } | null>(null);
  const save = useMutation({
    mutationFn: () => unwrap(api.photos.saveAlignment({ ...pair, alignment: align })),
    onSuccess: (value) =>
      client.setQueryData(photosKeys.alignment(pair.firstId, pair.secondId), value),
  });
  const set = (patch: Partial<PhotoAlignment>) => {
    save.reset();
    setAlign((a) => ({ ...a, ...patch }));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, from: align };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    const box = e.currentTarget.getBoundingClientRect();
    set({
      offsetX: clamp(start.from.offsetX + (e.clientX - start.x) / box.width, -1, 1),
      offsetY: clamp(start.from.offsetY + (e.clientY - start.y) / box.height, -1, 1),
    });
  };
  const number = (value: string | number, fallback: number) =>
    typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  const current = save.data ?? saved;

  return (
    <Stack gap="xs">
      <Group gap="sm" maw={480}>
        <Text size="sm" id="overlay-opacity-label">
          {t('photos.compareView.opacity')}
        </Text>
        <Slider
          style={{ flex: 1 }}
          value={opacity}
          onChange={setOpacity}
          min={0}
          max={100}
          label={(v) => `${v}%`}
          thumbLabel={t('photos.compareView.opacity')}
        />
      </Group>
      <Box component="fieldset" p={0} m={0} style={{ border: 0 }}>
        <Text component="legend" size="sm" fw={600}>
          {t('photos.compareView.align.title')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NumberInput
            size="xs"
            w={130}
            label={t('photos.compareView.align.moveX')}
            value={round(align.offsetX * 100, 0.1)}
            step={0.5}
            min={-100}
            max={100}
            decimalScale={1}
            onChange={(v) => set({ offsetX: clamp(number(v, 0) / 100, -1, 1) })}
          />
          <NumberInput
            size="xs"
            w={130}
            label={t('photos.compareView.align.moveY')}
            value={round(align.offsetY * 100, 0.1)}
            step={0.5}
            min={-100}
            max={100}
            decimalScale={1}
            onChange={(v) => set({ offsetY: clamp(number(v, 0) / 100, -1, 1) })}
          />
          <NumberInput
            size="xs"
            w={110}
            label={t('photos.compareView.align.scale')}
            value={Math.round(align.scale * 100)}
            step={1}
            min={25}
            max={400}
            onChange={(v) => set({ scale: clamp(number(v, 100) / 100, 0.25, 4) })}
          />
          <NumberInput
            size="xs"
            w={130}
            label={t('photos.compareView.align.rotate')}
            value={align.rotation}
            step={0.5}
            min={-180}
            max={180}
            decimalScale={1}
            onChange={(v) => set({ rotation: clamp(number(v, 0), -180, 180) })}
          />
          <Button size="xs" variant="default" onClick={() => set(identityAlignment)}>
            {t('photos.compareView.align.reset')}
          </Button>
          <Button size="xs" loading={save.isPending} onClick={() => save.mutate()}>
            {t('photos.compareView.align.save')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('photos.compareView.align.hint')}
        </Text>
      </Box>
      {save.isSuccess ? (
        <Alert color="teal" role="status" py={6}>
          {t('photos.compareView.align.saved')}
        </Alert>
      ) : null}
      {save.isError ? (
        <Alert color="red" role="alert" py={6}>
          {save.error.message}
        </Alert>
      ) : null}
      {current && !save.isSuccess ? (
        <Text size="xs" c="dimmed" data-testid="alignment-saved-by">
          {t('photos.compareView.align.savedBy', {
            name: current.updatedBy,
            when: formatInstant(current.updatedAt),
          })}
        </Text>
      ) : null}
      <Box
        pos="relative"
        h={stageHeight}
        bg="dark.7"
        style={{ borderRadius: 6, overflow: 'hidden', cursor: 'move', touchAction: 'none' }}
        data-testid="overlay-stage"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = null)}
        onPointerCancel={() => (drag.current = null)}
      >
        {first.src ? <img src={first.src} alt={first.caption} style={layer} /> : null}
        {second.src ? (
          <img
            src={second.src}
            alt={second.caption}
            draggable={false}
            style={{ ...layer, opacity: opacity / 100, transform: alignmentTransform(align) }}
            data-testid="overlay-top"
          />
        ) : null}
        <Caption side="left" text={first.caption} />
        <Caption side="right" text={`${second.caption} · ${opacity}%`} />
      </Box>
    </Stack>
  );
}

const layer = {
  position: 'absolute' as const,
  inset: 0,
  width: '100%',
  height: '100%',
  objectFit: 'contain' as const,
  pointerEvents: 'none' as const,
};

function Caption({ side, text }: { side: 'left' | 'right'; text: string }) {
  return (
    <Text
      size="sm"
      fw={600}
      c="white"
      px={8}
      py={4}
      style={{
        position: 'absolute',
        top: 8,
        [side]: 8,
        background: 'rgba(0,0,0,0.6)',
        borderRadius: 4,
        pointerEvents: 'none',
        zIndex: 5,
      }}
    >
      {text}
    </Text>
  );
}
