// An event no file recorded ("10:21 on-call decided to stop the agent"), added to the timeline as manual.
import { useState } from 'react';
import { useServices } from '../../state/context';
import { useAuthor } from '../../hooks/useAuthor';
import { parseManualTime } from './logic';
import { writeAnnotation } from './useAnnotations';

export function ManualEventForm() {
  const services = useServices();
  const author = useAuthor();
  const [time, setTime] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const [row] = await services.engine.query<{ t: bigint | null }>('manual.reference', "SELECT min(ts) AS t FROM events WHERE kind <> 'manual'");
    const ts = parseManualTime(time, BigInt(row?.t ?? 0n));
    if (ts === null) return setError('Write the time as HH:MM, HH:MM:SS or a full ISO time (UTC).');
    if (!message.trim()) return setError('Say what happened.');
    const v = await writeAnnotation(services, { verb: 'addManualEvent', ts, message: message.trim(), actor: author });
    if (!v) return;
    setError(null);
    setTime('');
    setMessage('');
    services.store.set({ selectedEventId: Number(v.targetId) });
  };
  return (
    <form className="manual-event" data-testid="manual-event-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>Add an event no file recorded</h3>
      <input data-testid="manual-time" aria-label="Time (UTC)" placeholder="10:21" size={8} value={time} onChange={(e) => setTime(e.target.value)} />{' '}
      <input data-testid="manual-message" aria-label="What happened" placeholder="on-call decided to stop the agent" value={message} onChange={(e) => setMessage(e.target.value)} />{' '}
      <button type="submit" className="btn" data-testid="manual-add">Add</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
