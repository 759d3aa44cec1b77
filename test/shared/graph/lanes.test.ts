import { describe, expect, it } from 'vitest';
import { buildLanes, laneKey, LANE_HEIGHT } from '../../../shared/graph/lanes';
import { ev } from './fixtures';

describe('buildLanes', () => {
  it('puts agents first, then people, then systems, each in order of first appearance', () => {
    const lanes = buildLanes([
      ev(1, 0, { actor: 'payments', actorType: 'system' }),
      ev(2, 1, { actor: 'bob@example.com', actorType: 'human' }),
      ev(3, 2, { actor: 'ops-agent', actorType: 'agent' }),
      ev(4, 3, { actor: 'alice@example.com', actorType: 'human' }),
      ev(5, 0.5, { actor: 'alice@example.com', actorType: 'human' }),
    ]);
    expect(lanes.map((l) => l.key)).toEqual(['ops-agent', 'alice@example.com', 'bob@example.com', 'payments']);
    expect(lanes.map((l) => l.y)).toEqual([0, LANE_HEIGHT, 2 * LANE_HEIGHT, 3 * LANE_HEIGHT]);
  });

  it('lets the analysis re-type a principal (the agent service account is the agent)', () => {
    const lanes = buildLanes([ev(1, 0, { actor: 'alice', actorType: 'human' }), ev(2, 1, { actor: 'system:serviceaccount:agents:ops-agent', actorType: 'system' })], new Map([['system:serviceaccount:agents:ops-agent', 'agent']]));
    expect(lanes[0].key).toBe('system:serviceaccount:agents:ops-agent');
    expect(lanes[0].actorType).toBe('agent');
  });

  it('falls back to the service when a row has no actor', () => {
    expect(laneKey({ actor: '', service: 'checkout' })).toBe('svc:checkout');
    expect(laneKey({ actor: '', service: '' })).toBe('(unknown)');
  });
});
