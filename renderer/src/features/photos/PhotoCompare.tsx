import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactCompareSlider, ReactCompareSliderImage } from 'react-compare-slider';
import {
  TransformComponent,
  TransformWrapper,
  type ReactZoomPanPinchRef,
} from 'react-zoom-pan-pinch';
import type { Photo } from '../../../../shared/api/photos';
import { api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import { formatTakenAt, orderedPair, usePhotoImage } from './queries';
import { comparisonPng } from './comparison-image';
import { AlignedOverlay } from './AlignedOverlay';
import { IntervalText } from './IntervalText';

const modes = ['side-by-side', 'slider', 'overlay'] as const;
type Mode = (typeof modes)[number];
const STAGE_HEIGHT = 'calc(100vh - 300px)';

interface Props {
  patientId: string;
  photos: Photo[];
  pair: [Photo, Photo] | null;
  canExport: boolean;
  onClose: () => void;
}

export function PhotoCompare(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.pair !== null}
      onClose={props.onClose}
      title={t('photos.compareView.title')}
      fullScreen
      closeButtonProps={{ 'aria-label': t('photos.compareView.close') }}
    >
      {props.pair ? (
        <CompareBody key={props.pair.map((p) => p.id).join()} {...props} pair={props.pair} />
      ) : null}
    </Modal>
  );
}

function useCaption() {
  const { t } = useTranslation();
  return (p: Photo) =>
    [
      t(`photos.phases.${p.phase}`),
      formatTakenAt(p.takenAt),
      p.sessionNumber !== null ? t('photos.sessionShort', { number: p.sessionNumber }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
}

function CompareBody({ patientId, photos, pair, canExport }: Props & { pair: [Photo, Photo] }) {
  const { t } = useTranslation();
  const caption = useCaption();
  const [ids, setIds] = useState<[string, string]>([pair[0].id, pair[1].id]);
  const [mode, setMode] = useState<Mode>('side-by-side');
  const byId = new Map(photos.map((p) => [p.id, p]));
  const left = byId.get(ids[0]) ?? pair[0];
  const right = byId.get(ids[1]) ?? pair[1];
  const leftImage = usePhotoImage(left.id, 'preview');
  const rightImage = usePhotoImage(right.id, 'preview');
  const options = photos.map((p) => ({
    value: p.id,
    label: t('photos.compareView.photoOption', {
      phase: t(`photos.phases.${p.phase}`),
      date: formatTakenAt(p.takenAt),
      area: t(`photos.areas.${p.area}`),
      view: t(`photos.views.${p.view}`),
    }),
  }));
  const choose = (side: 0 | 1, id: string | null) => {
    if (!id) return;
    const next: [string, string] = side === 0 ? [id, ids[1]] : [ids[0], id];
    const a = byId.get(next[0]);
    const b = byId.get(next[1]);
    setIds(a && b ? (orderedPair(a, b).map((p) => p.id) as [string, string]) : next);
  };
  const title = `${t(`photos.areas.${left.area}`)} · ${t(`photos.views.${left.view}`)}`;
  const saveImage = useMutation({
    mutationFn: async () => {
      if (!leftImage.data || !rightImage.data) throw new Error('images not loaded');
      // The pair's saved alignment, as it is now (the overlay may have saved it a moment ago).
      const alignment = await unwrap(
        api.photos.alignment({ patientId, firstId: left.id, secondId: right.id }),
      );
      const png = await comparisonPng(
        [
          { src: leftImage.data, caption: caption(left) },
          { src: rightImage.data, caption: caption(right) },
        ],
        title,
        alignment,
      );
      const target = await host.chooseSaveFile(
        'save-png',
        `comparison-${left.takenAt.slice(0, 10)}-${right.takenAt.slice(0, 10)}.png`,
      );
      if (!target) return null;
      return unwrap(
        api.photos.saveComparisonImage({
          patientId,
          leftId: left.id,
          rightId: right.id,
          pngDataUrl: png,
          target: target.token,
        }),
      );
    },
  });
  const savePdf = useMutation({
    mutationFn: () =>
      unwrap(
        api.photos.exportComparisonPdf({
          patientId,
          leftId: left.id,
          rightId: right.id,
          locale: navigator.language || 'en-GB',
        }),
      ),
  });
  const ready = leftImage.data !== undefined && rightImage.data !== undefined;

  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap" gap="sm">
        <Select
          label={t('photos.compareView.left')}
          data={options}
          value={left.id}
          onChange={(v) => choose(0, v)}
          allowDeselect={false}
          w={340}
        />
        <Select
          label={t('photos.compareView.right')}
          data={options}
          value={right.id}
          onChange={(v) => choose(1, v)}
          allowDeselect={false}
          w={340}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500} id="compare-mode-label">
            {t('photos.compareView.mode')}
          </Text>
          <SegmentedControl
            aria-labelledby="compare-mode-label"
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            data={modes.map((m) => ({ value: m, label: t(`photos.compareView.modes.${m}`) }))}
          />
        </Stack>
        <Group gap="xs" ml="auto">
          <Button
            variant="default"
            disabled={!canExport || !ready}
            loading={saveImage.isPending}
            onClick={() => saveImage.mutate()}
          >
            {t('photos.compareView.exportImage')}
          </Button>
          <Button
            variant="default"
            disabled={!canExport}
            loading={savePdf.isPending}
            onClick={() => savePdf.mutate()}
          >
            {t('photos.compareView.exportPdf')}
          </Button>
        </Group>
      </Group>
      <IntervalText first={left} second={right} />
      {!canExport ? (
        <Text size="xs" c="dimmed">
          {t('photos.compareView.exportNeedsConsent')}
        </Text>
      ) : null}
      {saveImage.isError || savePdf.isError ? (
        <Alert color="red" role="alert">
          {(saveImage.error ?? savePdf.error)?.message}
        </Alert>
      ) : null}
      {saveImage.data ? (
        <Alert color="teal" role="status">
          {t('photos.compareView.imageSaved')}
        </Alert>
      ) : null}
      {savePdf.data ? (
        <Alert color="teal" role="status">
          <Group gap="sm">
            <Text size="sm">{t('photos.compareView.pdfSaved')}</Text>
            <Anchor
              component="button"
              size="sm"
              onClick={() => void host.openPath(savePdf.data.path)}
            >
              {t('photos.compareView.openPdf')}
            </Anchor>
          </Group>
        </Alert>
      ) : null}
      {mode === 'side-by-side' ? (
        <SideBySide
          sides={[
            { src: leftImage.data, caption: caption(left) },
            { src: rightImage.data, caption: caption(right) },
          ]}
        />
      ) : null}
      {mode === 'slider' ? (
        <Box
          pos="relative"
          h={STAGE_HEIGHT}
          bg="dark.7"
          style={{ borderRadius: 6, overflow: 'hidden' }}
        >
          {ready ? (
            <ReactCompareSlider
              style={{ height: '100%', width: '100%' }}
              itemOne={
                <ReactCompareSliderImage src={leftImage.data} alt={caption(left)} style={contain} />
              }
              itemTwo={
                <ReactCompareSliderImage
                  src={rightImage.data}
                  alt={caption(right)}
                  style={contain}
                />
              }
            />
          ) : null}
          <CornerCaption side="left" text={caption(left)} />
          <CornerCaption side="right" text={caption(right)} />
        </Box>
      ) : null}
      {mode === 'overlay' ? (
        <AlignedOverlay
          key={`${left.id}|${right.id}`}
          patientId={patientId}
          first={{ photo: left, src: leftImage.data, caption: caption(left) }}
          second={{ photo: right, src: rightImage.data, caption: caption(right) }}
          stageHeight={STAGE_HEIGHT}
        />
      ) : null}
    </Stack>
  );
}

const contain = { objectFit: 'contain' as const, background: 'var(--mantine-color-dark-7)' };
const layer = {
  position: 'absolute' as const,
  inset: 0,
  width: '100%',
  height: '100%',
  objectFit: 'contain' as const,
};

function CornerCaption({ side, text }: { side: 'left' | 'right'; text: string }) {
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

/** Two photos that zoom and pan together, so the same spot stays under the eye on both. */
function SideBySide({
  sides,
}: {
  sides: [{ src?: string; caption: string }, { src?: string; caption: string }];
}) {
  const { t } = useTranslation();
  const refs = [
    useRef<ReactZoomPanPinchRef | null>(null),
    useRef<ReactZoomPanPinchRef | null>(null),
  ];
  const follow =
    (from: 0 | 1) =>
    (
      _ref: ReactZoomPanPinchRef,
      state: { scale: number; positionX: number; positionY: number },
    ) => {
      const other = refs[from === 0 ? 1 : 0]?.current;
      if (!other) return;
      const o = other.state;
      // The other side's own update comes back here: stop once both agree.
      if (
        Math.abs(o.scale - state.scale) < 1e-4 &&
        Math.abs(o.positionX - state.positionX) < 0.5 &&
        Math.abs(o.positionY - state.positionY) < 0.5
      ) {
        return;
      }
      void other.setTransform(state.positionX, state.positionY, state.scale, 0);
    };
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('photos.compareView.zoomHint')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => refs.forEach((r) => void r.current?.resetTransform(0))}
        >
          {t('photos.compareView.resetZoom')}
        </Button>
      </Group>
      <Group gap="sm" wrap="nowrap" align="stretch">
        {sides.map((side, i) => (
          <Box
            key={i}
            pos="relative"
            h={STAGE_HEIGHT}
            bg="dark.7"
            style={{ flex: 1, borderRadius: 6, overflow: 'hidden' }}
            data-testid={`side-${i}`}
          >
            <TransformWrapper
              ref={refs[i]}
              minScale={1}
              maxScale={8}
              onTransform={follow(i as 0 | 1)}
            >
              <TransformComponent
                wrapperStyle={{ width: '100%', height: '100%' }}
                contentStyle={{ width: '100%', height: '100%' }}
              >
                {side.src ? (
                  <img src={side.src} alt={side.caption} style={layer} draggable={false} />
                ) : (
                  <span />
                )}
              </TransformComponent>
            </TransformWrapper>
            <CornerCaption side="left" text={side.caption} />
          </Box>
        ))}
      </Group>
    </Stack>
  );
}
