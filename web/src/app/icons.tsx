import type { SVGProps } from 'react';

/** Small stroke icons drawn here, so the app needs no icon package. Decorative: hidden from screen readers. */
const paths = {
  home: 'M4 11l8-7 8 7M6 9.5V20h4v-6h4v6h4V9.5',
  people:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.3a3.5 3.5 0 0 1 0 6.4M18 14a6 6 0 0 1 3.5 6',
  sites: 'M3 20l6-14 6 14M12 13l3-6 6 13M2 20h20',
  cases: 'M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6l8-3zM9 12l2 2 4-4',
  reception: 'M3 21V10l9-6 9 6v11M9 21v-6h6v6M3 21h18',
  reunification:
    'M7 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM17 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 15a5 5 0 0 1 10 0M12 15a5 5 0 0 1 10 0M8 20h8M12 17v6',
  pathways: 'M6 3v12a3 3 0 0 0 3 3h9M15 15l3 3-3 3M6 3a2 2 0 1 0 0 .01',
  information: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v5M12 8h.01',
  reporting: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  audit: 'M9 4h6M8 3h8v3H8zM6 5H5v16h14V5h-1M9 12h6M9 16h4',
  users: 'M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  organisations: 'M4 21V5l8-2v18M12 9l8 2v10M2 21h20M7 8h2M7 12h2M7 16h2M15 14h2M15 17h2',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM5 21a7 7 0 0 1 14 0M17 4l2 2 3-3',
  language: 'M3 5h10M8 3v2M5 5c1 4 4 7 8 8M11 5c-1 4-4 7-8 8M13 21l4-10 4 10M14.5 18h5',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h11',
  chevron: 'M9 6l6 6-6 6',
  copy: 'M8 8h12v12H8zM4 16V4h12',
  alert: 'M12 3l10 18H2L12 3zM12 10v4M12 17h.01',
} as const;

export type IconName = keyof typeof paths;

export function Icon({
  name,
  size = 20,
  ...props
}: { name: IconName; size?: number } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d={paths[name]} />
    </svg>
  );
}
