import type { ThemeConfig } from 'antd';

/**
 * Ant Design's default palette, darkened where its text colours miss WCAG AA contrast (4.5:1,
 * checked by axe in the browser tier): the primary blue of links, secondary text, danger red.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};
