// The proposed causal links touching the selected event: confirm or reject each, with a reason.
import { useState } from 'react';
import type { LinkStatus } from '../../../shared/annotations';
import { useAppState } from '../../hooks/useAppState';
import { useServices } from '../../state/context';
import { HistoryList } from './HistoryList';
import { historyOf, linksOfEvent, type LinkView } from './logic';
import { useAnnotations } from './useAnnotations';
import { writeAnnotation } from './useAnnotations';

export function LinkVerdicts({ eventId }: { eventId: number }) {
  const analysis = useAppState((s) => s.analysis);
  const links = linksOfEvent(analysis, eventId);
  if (!links.length) return null;
  return (
    <section className="links" data-testid="links">
      <h3>Causal links</h3>
      {links.map((l) => <LinkRow key={l.id} link={l} />)}
    </section>
  );
}

function LinkRow({ link }: { link: LinkView }) {
  const services = useServices();
  const { current, history } = useAnnotations();
  const verdict = current.find((a) => a.id === `link:${link.id}`);
  const [reason, setReason] = useState('');
  const set = (status: LinkStatus) => void writeAnnotation(services, { verb: 'setLinkStatus', link: link.id, status, reason }).then((v) => v && setReason(''));
  const status = verdict?.linkStatus ?? 'proposed';
  return (
    <div className="link-row" data-testid="link" data-link-id={link.id} data-status={status}>
      <div>{link.fromLabel} → {link.toLabel} <span className="muted">({link.edge.kind.replace(/_/g, ' ')})</span></div>
      <div>
        <strong data-testid="link-status">{status}</strong>
        {verdict?.reason && <span className="annotation-text" data-testid="link-reason">: {verdict.reason}</span>}
        {verdict && <span className="muted"> — {verdict.author}</span>}
      </div>
      <input data-testid="link-reason-input" placeholder="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />{' '}
      <button type="button" className="btn" data-testid="link-confirm" onClick={() => set('confirmed')}>Confirm</button>{' '}
      <button type="button" className="btn" data-testid="link-reject" onClick={() => set('rejected')}>Reject</button>
      <HistoryList versions={historyOf(history, `link:${link.id}`)} />
    </div>
  );
}
