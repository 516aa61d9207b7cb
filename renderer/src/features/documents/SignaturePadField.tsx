import { Button, Group, Input, Paper } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

interface Props {
  label: string;
  /** The drawn signature as a PNG data URL; null while the pad is empty. */
  onChange: (png: string | null) => void;
  error?: string | undefined;
  testId: string;
}

/**
 * A signature drawn with mouse, pen or finger (signature_pad). The canvas is sized to its box at
 * the screen's pixel ratio so the stroke is sharp in the printed PDF; resizing clears it, as a
 * stretched signature would no longer be what was drawn.
 */
export function SignaturePadField({ label, onChange, error, testId }: Props) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const pad = new SignaturePad(canvas, { penColor: '#10205e', minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      onChangeRef.current(null);
    };
    fit();
    const report = () => onChangeRef.current(pad.isEmpty() ? null : pad.toDataURL('image/png'));
    pad.addEventListener('endStroke', report);
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', report);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    onChange(null);
  };

  return (
    <Input.Wrapper label={label} description={t('documents.sign.padHelp')} error={error}>
      <Paper
        withBorder
        mt={4}
        style={{ borderColor: error ? 'var(--mantine-color-red-6)' : undefined }}
      >
        <canvas
          ref={canvasRef}
          data-testid={testId}
          role="img"
          aria-label={label}
          style={{
            width: '100%',
            height: 160,
            display: 'block',
            touchAction: 'none',
            cursor: 'crosshair',
          }}
        />
      </Paper>
      <Group justify="flex-end" mt={4}>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={clear}
          aria-label={t('documents.sign.clearNamed', { who: label.toLowerCase() })}
        >
          {t('documents.sign.clear')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
