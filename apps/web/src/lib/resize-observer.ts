/**
 * Stands in for the `resize-observer-polyfill` package Ant Design's rc-resize-observer imports
 * (vite.config.ts alias): every browser the app supports has ResizeObserver natively, so the
 * login + inbox route does not ship the polyfill's ~8 KB (issue 11: ≤ 350 KB gzip).
 */
export default window.ResizeObserver;
