import { createTheme } from '@mantine/core';

// System fonts only: nothing to download on a slow connection; Arabic script falls back to the
// platform's Arabic fonts (Noto on Android, Geeza/SF on Apple, Segoe/Tahoma on Windows).
const fontStack =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, Tahoma, sans-serif';

export const theme = createTheme({
  primaryColor: 'passerelle',
  colors: {
    passerelle: [
      '#e8f1fa',
      '#cfe0f1',
      '#a0c0e3',
      '#6d9ed5',
      '#4581c9',
      '#2c6fc2',
      '#1f5fa8',
      '#1c4e80',
      '#133e6a',
      '#0a2f54',
    ],
  },
  primaryShade: 7,
  fontFamily: fontStack,
  headings: { fontFamily: fontStack },
  defaultRadius: 'sm',
});
