import { createElement, useMemo, type KeyboardEvent } from 'react';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import faceSvg from '../../../../resources/diagrams/face.svg?raw';
import bodySvg from '../../../../resources/diagrams/body.svg?raw';
import type { TreatmentArea } from '../../../../shared/sessions/treatment-terms';
import { parseDiagram, type Diagram, type Shape } from './diagram-shapes';
import './body-diagram.css';

function draw(shapes: Shape[]) {
  return shapes.map((s, i) =>
    createElement(s.tag, {
      key: i,
      ...s.attrs,
      ...(s.hit ? { className: 'body-diagram-hit', 'data-testid': 'diagram-hit' } : {}),
    }),
  );
}

function DiagramView({
  diagram,
  label,
  selected,
  onToggle,
  readOnly,
}: {
  diagram: Diagram;
  label: string;
  selected: ReadonlySet<TreatmentArea>;
  onToggle: (area: TreatmentArea) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const onKey = (area: TreatmentArea) => (e: KeyboardEvent) => {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      onToggle(area);
    }
  };
  return (
    <Stack gap={4} align="center">
      <svg
        viewBox={diagram.viewBox}
        className="body-diagram"
        role="group"
        aria-label={label}
        width={220}
      >
        <g className="body-diagram-outline" aria-hidden="true">
          {draw(diagram.outline)}
        </g>
        {diagram.regions.map(({ area, shapes }) => {
          const on = selected.has(area);
          const name = t(`treatmentAreas.${area}`);
          return (
            <g
              key={area}
              className="body-diagram-region"
              data-selected={on}
              data-area={area}
              role="checkbox"
              aria-checked={on}
              aria-disabled={readOnly || undefined}
              aria-label={name}
              tabIndex={readOnly ? -1 : 0}
              onClick={readOnly ? undefined : () => onToggle(area)}
              onKeyDown={readOnly ? undefined : onKey(area)}
            >
              <title>{name}</title>
              {draw(shapes)}
            </g>
          );
        })}
      </svg>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** Face and body diagrams; each named region toggles its area, by mouse or keyboard. */
export function BodyDiagram({
  selected,
  onToggle,
  readOnly = false,
}: {
  selected: readonly TreatmentArea[];
  onToggle: (area: TreatmentArea) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const face = useMemo(() => parseDiagram(faceSvg), []);
  const body = useMemo(() => parseDiagram(bodySvg), []);
  const set = new Set(selected);
  // Left to right in every language: the drawings show the patient as the practitioner faces
  // them, so mirroring them for Arabic would put each side of the body on the wrong side.
  return (
    <Group align="flex-start" gap="lg" data-testid="body-diagram" dir="ltr">
      <DiagramView
        diagram={face}
        label={t('sessions.diagramFace')}
        selected={set}
        onToggle={onToggle}
        readOnly={readOnly}
      />
      <DiagramView
        diagram={body}
        label={t('sessions.diagramBody')}
        selected={set}
        onToggle={onToggle}
        readOnly={readOnly}
      />
    </Group>
  );
}
