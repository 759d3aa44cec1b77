// Control events for findAnchor tests: an agent's tool call unless told otherwise, ids counting up.
import type { ControlEvent } from '../../../shared/queries/controlEvents';

export function controlEventFactory(): (e: Partial<ControlEvent>) => ControlEvent {
  let nextId = 1;
  return (e) => {
    const id = nextId++;
    return {
      id, sourceId: 1, line: id + 1, pointer: '', ts: 0n, endTs: null, kind: 'tool_call', actor: 'agent', actorType: 'agent', service: '',
      resource: '', action: '', severity: 'info', message: '', traceId: '', spanId: '', parentSpanId: '', callId: '', attrs: {}, ...e,
    };
  };
}
