// A titled panel; the body scrolls, the header stays.
import type { ReactNode } from 'react';

export function Panel({ title, testId, className, tools, children, flex }: { title: string; testId: string; className?: string; tools?: ReactNode; children: ReactNode; flex?: string }) {
  const id = `panel-${testId}`;
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId} aria-labelledby={id} style={flex ? { flex } : undefined}>
      <header>
        <h2 id={id}>{title}</h2>
        {tools}
      </header>
      {children}
    </section>
  );
}
