import type { ThemeConfig } from 'antd';

/**
 * Ant Design's default palette, darkened where its text colours miss WCAG AA contrast (4.5:1,
 * checked by axe in the browser tier): the primary blue of links, secondary text, danger red;
 * the Switch's off track, whose white 否/No text was 1.83:1 on antd's rgba(0,0,0,0.25) (now
 * rgba(0,0,0,0.6) ≈ #666 on white: 5.7:1; hovered 0.7); the green Tag's text (green-7 #389e0d
 * on green-1 was 3.37:1, now green-8 #237804: 5.9:1).
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
    green7: '#237804',
  },
  components: {
    Switch: {
      colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
      colorTextTertiary: 'rgba(0, 0, 0, 0.7)',
    },
  },
};
