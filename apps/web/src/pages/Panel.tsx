import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A titled box that looks like antd's Card without its weight: Card imports Tabs (for its tab
 * list), ~20 KB gzip the login + inbox route would ship for nothing (`npm run web:figures`).
 * Its title is a real heading, so the page's outline reads right.
 */
export function Panel({
  title,
  extra,
  level = 2,
  style,
  children,
  testId,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  level?: 1 | 2;
  style?: CSSProperties;
  children: ReactNode;
  testId?: string;
}) {
  const { token } = theme.useToken();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section
      data-testid={testId}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {title !== undefined && (
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            padding: `0 ${token.paddingLG}px`,
            minHeight: 56,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Heading
            style={{
              margin: 0,
              flex: 1,
              fontSize: token.fontSizeLG,
              fontWeight: token.fontWeightStrong,
              color: token.colorTextHeading,
            }}
          >
            {title}
          </Heading>
          {extra}
        </div>
      )}
      <div style={{ padding: token.paddingLG }}>{children}</div>
    </section>
  );
}
