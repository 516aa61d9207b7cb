import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './rtl-text.css';
import i18n from '../i18n/index';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  DEFAULT_THEME,
  DirectionProvider,
  useDirection,
  MantineProvider,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router';
import { App } from './App';
import { KeysGate } from '../features/keys';

// Shades chosen for WCAG AA contrast: white on teal.9, and secondary text on gray.7 rather
// than Mantine's lighter default.
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  variantColorResolver: (input) => variantColorResolver(input),
  // The active navigation item as white on the darkest teal: the light tint fails AA contrast.
  components: {
    NavLink: { defaultProps: { variant: 'filled', color: 'teal.9' } },
    // Mantine's close button on a message is an icon alone; screen readers need its name. A getter,
    // read when the button renders: the catalogue is not loaded yet when this module runs.
    Notification: {
      // Mantine's dimmed grey for a message's text is 3.3:1 on white; this grey is over 7:1.
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
      defaultProps: {
        closeButtonProps: {
          get 'aria-label'() {
            return i18n.t('common.closeMessage');
          },
        },
      },
    },
    // The same for a dialog's ×, for every dialog that does not name it itself.
    Modal: {
      defaultProps: {
        closeButtonProps: {
          get 'aria-label'() {
            return i18n.t('common.close');
          },
        },
      },
    },
    // A password reads left to right whatever the screens' direction (a shown one is Latin
    // letters and digits, as user names and e-mail addresses are: see rtl-text.css).
    PasswordInput: { defaultProps: { dir: 'ltr' } },
  },
  // Orange's darkest shade is 4.3:1 on white and 3.95:1 on its palest tint (caution text and
  // badges); one step deeper passes AA on both.
  colors: {
    orange: [
      ...DEFAULT_THEME.colors.orange.slice(0, 9),
      '#c2410c',
    ] as unknown as MantineColorsTuple,
  },
  fontFamily: 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  defaultRadius: 'sm',
});

// Mantine's red for a refused field, its border and its message is red-6, 3.3:1 on white (below
// AA); the darkest red reads at 5.5:1, as red text (primaryShade 9) already does. A filled
// button given no colour or variant (most Save buttons) takes its hover from the palette's
// filled-hover, one shade lighter (white on teal-8 is 3.9:1): it stays on the filled shade, as
// variantColorResolver does for the others.
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7]!,
    '--mantine-color-error': t.colors.red[9]!,
    ...Object.fromEntries(
      Object.keys(t.colors).map((c) => [
        `--mantine-color-${c}-filled-hover`,
        `var(--mantine-color-${c}-filled)`,
      ]),
    ),
  },
  dark: {},
});

const DEEP_ORANGE = '#c2410c';

/** "Light" buttons, badges and the active navigation item: the darkest shade on the palest tint (AA contrast). */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colours = defaultVariantColorsResolver(input);
  // Mantine lightens the darkest shade on hover, below AA contrast for white text; and white on
  // orange's darkest shade is 4.3:1, so orange is taken one step deeper (5.2:1).
  if (input.variant === 'filled') {
    const orange =
      parseThemeColor({ color: input.color || '', theme: input.theme }).color === 'orange';
    const background = orange ? DEEP_ORANGE : colours.background;
    return { ...colours, background, hover: background };
  }
  if (input.variant !== 'light') return colours;
  const parsed = parseThemeColor({
    color: input.color || input.theme.primaryColor,
    theme: input.theme,
  });
  if (!parsed.isThemeColor) return colours;
  return {
    ...colours,
    background: `var(--mantine-color-${parsed.color}-0)`,
    hover: `var(--mantine-color-${parsed.color}-1)`,
    color: `var(--mantine-color-${parsed.color}-9)`,
    hoverColor: `var(--mantine-color-${parsed.color}-9)`,
  };
};

// Patient data must never be re-fetched behind the user's back after a lock, so no automatic refetching.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

/**
 * At most three messages at once, each closing by itself, in the bottom corner at the end of the
 * reading direction: stacked at the top they covered the chart's alerts strip and the Settings
 * tabs. Right to left the navigation moves to the right edge, so they mirror to bottom left.
 */
function AppNotifications() {
  const { dir } = useDirection();
  return (
    <Notifications
      position={dir === 'rtl' ? 'bottom-left' : 'bottom-right'}
      limit={3}
      autoClose={5000}
    />
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    {/* Left to right until the session's language is known; ui-language.ts sets it. */}
    <DirectionProvider initialDirection="ltr" detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <AppNotifications />
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <KeysGate>
              <App />
            </KeysGate>
          </HashRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
