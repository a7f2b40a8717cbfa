import { Alert, Badge, DEFAULT_THEME, Drawer, Modal, createTheme, darken, mergeThemeOverrides, defaultVariantColorsResolver, parseThemeColor, type VariantColorsResolver } from '@mantine/core';

/**
 * Light variants (active navigation, light buttons, alerts) on the palest shade with the darkest
 * text, so that every text keeps a 4.5:1 contrast (WCAG AA).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant === 'light') {
    const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
    if (parsed.isThemeColor && parsed.color) {
      return {
        ...colors,
        background: `var(--mantine-color-${parsed.color}-0)`,
        hover: `var(--mantine-color-${parsed.color}-1)`,
        color: `var(--mantine-color-${parsed.color}-light-color)`,
      };
    }
  }
  return colors;
};

/** Teal as the brand, at the shade dark enough for white text and for links on white. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  defaultRadius: 'sm',
  variantColorResolver,
  components: {
    Badge: Badge.extend({ styles: { root: { maxWidth: 'none', height: 'auto', minHeight: 20 }, label: { overflow: 'visible', whiteSpace: 'normal' } } }),
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } } }),
  },
});

/** Dimmed text darker than Mantine's default gray, so that it keeps a 4.5:1 contrast on white. */
const LIGHT_COLORS = ['teal', 'red', 'orange', 'yellow', 'blue', 'gray', 'grape', 'indigo', 'green', 'cyan'];

export const cssVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#555d65',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': '#6b737b',
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-teal-1)',
    // the darkest shade darkened once more: 4.5:1 on the hover shade (1) too, where shade 9 gives 4.3:1
    '--mantine-primary-color-light-color': darken(DEFAULT_THEME.colors.teal[9], 0.2),
    '--mantine-primary-color-filled-hover': darken(DEFAULT_THEME.colors.teal[9], 0.15),
    ...Object.fromEntries(
      LIGHT_COLORS.flatMap((c) => [
        [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
        [`--mantine-color-${c}-light-hover`, `var(--mantine-color-${c}-1)`],
        [`--mantine-color-${c}-light-color`, darken(DEFAULT_THEME.colors[c][9], 0.2)],
        // the default hover of the darkest shade is a lighter one, below 4.5:1 for white text
        [`--mantine-color-${c}-filled-hover`, darken(DEFAULT_THEME.colors[c][9], 0.15)],
      ]),
    ),
  },
  dark: {},
});

/** The theme with the labels of its own controls (the close button of dialogs) in the portal language. */
export function themeIn(closeLabel: string) {
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      },
    }),
  );
}
